import { eq } from 'drizzle-orm';
import {
  hostFilledFieldsOf,
  secretFieldsOf,
  type ChannelDefinition,
  type InboundItem,
  type Json,
  type Registry,
} from '@attendflow/engine';
import type { Db } from '../db/database.js';
import { channelConnections } from '../db/schema/index.js';
import { ServerError } from './errors.js';
import type { SecretBox } from './secret-box.js';

type Row = typeof channelConnections.$inferSelect;

/** A connection as the API shows it: secrets never leave, only which ones are set. */
export interface ConnectionView {
  id: string;
  type: string;
  name: string;
  settings: Record<string, unknown>;
  secretsSet: string[];
  flowId: string | null;
  status: 'active' | 'disabled';
  createdAt: string;
  updatedAt: string;
}

/** A connection with its full, decrypted settings, for adapters only. */
export interface LoadedConnection {
  row: Row;
  channel: ChannelDefinition;
  settings: Record<string, unknown>;
}

/** Channel connections: settings validated by the channel's schema, secrets sealed apart. */
export class ConnectionService {
  private readonly cache = new Map<string, { at: number; loaded: LoadedConnection }>();
  private readonly loading = new Map<string, Promise<LoadedConnection>>();
  constructor(
    private readonly registry: Registry,
    private readonly box: SecretBox,
    private readonly cacheMs = 2_000,
  ) {}

  channelOf(type: string): ChannelDefinition {
    const channel = this.registry.channel(type);
    if (!channel)
      throw new ServerError('VALIDATION_FAILED', `type: unknown channel type "${type}"`);
    return channel;
  }

  /**
   * Validates settings against the channel's schema; on update, secrets left out keep their
   * stored value. Returns the public and the secret halves.
   */
  prepare(
    type: string,
    input: Record<string, unknown>,
    previous?: LoadedConnection,
    host?: { inboundUrl: string },
  ): { settings: Record<string, unknown>; secrets: Record<string, unknown> } {
    const channel = this.channelOf(type);
    const secretNames = secretFieldsOf(channel.settings);
    const merged = { ...(previous?.settings ?? {}), ...input };
    if (host) {
      for (const { field, value } of hostFilledFieldsOf(channel.settings))
        if (merged[field] === undefined || merged[field] === '') merged[field] = host[value];
    }
    for (const name of secretNames)
      if (input[name] === undefined && previous) merged[name] = previous.settings[name];
    const parsed = channel.settings.safeParse(merged);
    if (!parsed.success) {
      throw new ServerError(
        'VALIDATION_FAILED',
        parsed.error.issues
          .map((issue) => `settings.${issue.path.join('.')}: ${issue.message}`)
          .join('; '),
        {
          issues: parsed.error.issues.map((issue) => ({
            path: ['settings', ...issue.path],
            message: issue.message,
          })),
        },
      );
    }
    const all = parsed.data as Record<string, unknown>;
    const settings: Record<string, unknown> = {};
    const secrets: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(all))
      (secretNames.includes(key) ? secrets : settings)[key] = value;
    return { settings, secrets };
  }

  seal(secrets: Record<string, unknown>): string {
    return this.box.seal(secrets);
  }

  view(row: Row): ConnectionView {
    const secrets = this.box.open<Record<string, unknown>>(row.secrets);
    return {
      id: row.id,
      type: row.type,
      name: row.name,
      settings: row.settings as Record<string, unknown>,
      secretsSet: Object.keys(secrets).filter(
        (key) => secrets[key] !== undefined && secrets[key] !== '',
      ),
      flowId: row.flowId,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /**
   * The connection with decrypted settings (cached for a moment: webhooks and deliveries read it
   * on every event; when it expires, concurrent callers share one read).
   */
  load(db: Db, id: string): Promise<LoadedConnection> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < this.cacheMs) return Promise.resolve(hit.loaded);
    const inFlight = this.loading.get(id);
    if (inFlight) return inFlight;
    const loading = this.read(db, id).finally(() => this.loading.delete(id));
    this.loading.set(id, loading);
    return loading;
  }

  private async read(db: Db, id: string): Promise<LoadedConnection> {
    const [row] = await db.select().from(channelConnections).where(eq(channelConnections.id, id));
    if (!row) throw new ServerError('NOT_FOUND', `channel connection ${id} does not exist`);
    const loaded = {
      row,
      channel: this.channelOf(row.type),
      settings: {
        ...(row.settings as Record<string, unknown>),
        ...this.box.open<Record<string, unknown>>(row.secrets),
      },
    };
    this.cache.set(id, { at: Date.now(), loaded });
    return loaded;
  }

  forget(id: string): void {
    this.cache.delete(id);
    this.loading.delete(id);
  }
}

/**
 * An inbound item with what the connection's settings say of new attendances: policy values
 * (`policiesFrom`: a configured spacing …) and defaults (`defaultsFrom`: sector, occurrence …).
 * Only items that may open a conversation carry them; the engine validates both.
 */
export function withConnectionStart(item: InboundItem, connection: LoadedConnection): InboundItem {
  if (!item.start) return item;
  const { channel, settings } = connection;
  const policies = channel.policiesFrom?.(settings) as Record<string, Json> | undefined;
  const defaults = channel.defaultsFrom?.(settings);
  if (!policies && !defaults) return item;
  return {
    ...item,
    start: {
      ...item.start,
      ...(policies ? { policies: { ...policies, ...item.start.policies } } : {}),
      ...(defaults ? { defaults: { ...defaults, ...item.start.defaults } } : {}),
    },
  };
}
