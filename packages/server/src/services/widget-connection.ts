import type { NodeContext } from '@attendflow/engine';
import type { webChat } from '@attendflow/nodes/definitions';
import type { z } from 'zod';
import type { Core } from '../core.js';
import { ServerError } from './errors.js';

/** A web-chat connection's settings (the seed's site-chat options). */
export type WebChatSettings = z.infer<typeof webChat.settings>;

/** An active web-chat connection, as the widget needs it. */
export interface WidgetConnection {
  id: string;
  flowId: string | null;
  settings: WebChatSettings;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a string PostgreSQL accepts as a uuid (anything else would make the query fail). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** The active web-chat connection of an id, or null (unknown, another channel, or disabled). */
export async function loadWidgetConnection(
  core: Core,
  connectionId: string,
): Promise<WidgetConnection | null> {
  if (!isUuid(connectionId)) return null;
  try {
    const loaded = await core.connections.load(core.database.db, connectionId);
    if (loaded.row.type !== 'web-chat' || loaded.row.status !== 'active') return null;
    return {
      id: loaded.row.id,
      flowId: loaded.row.flowId,
      settings: loaded.channel.settings.parse(loaded.settings) as WebChatSettings,
    };
  } catch (error) {
    if (error instanceof ServerError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * Whether the flow's first business-hours node says the attendance is closed now. The schedule
 * lives in the flow (its off-hours notice too), so the widget asks that node rather than keep a
 * second schedule. No business-hours node: never off-hours.
 */
export async function isOffHours(core: Core, connection: WidgetConnection): Promise<boolean> {
  const { db } = core.database;
  if (!connection.flowId) return false;
  const versionId = await core.versions.latest(db, connection.flowId);
  if (!versionId) return false;
  const version = await core.versions.get(db, versionId);
  try {
    // The engine's compiled flow (cached by version id): settings already migrated and parsed.
    const compiled = core.engine.compile(version);
    const node = [...compiled.nodes.values()].find((n) => n.type === 'business-hours');
    if (!node) return false;
    // The node's runtime reads only its settings and the time; the rest of a context is unused.
    const ctx = {
      nodeId: node.id,
      settings: node.settings,
      now: core.now(),
    } as unknown as NodeContext<unknown>;
    return node.runtime.enter(ctx) === 'closed';
  } catch {
    return false;
  }
}
