import { and, eq } from 'drizzle-orm';
import type { Core } from '../core.js';
import { channelConnections } from '../db/schema/index.js';
import { demoData } from './demo-data.js';
import type { DemoUrls } from './demo-simulators.js';

/** A demo connection as the seeding found or made it. */
export interface DemoConnection {
  type: 'reclame-aqui' | 'wish' | 'telegram';
  id: string;
  name: string;
  createdAt: Date;
}

interface Spec {
  type: DemoConnection['type'];
  name: string;
  /** The example flow it runs (file name without `.flow.json`). */
  flow: string;
  /** The setting that points it at its simulator. */
  urlSetting: string;
  url(urls: DemoUrls): string;
  settings: Record<string, unknown>;
}

// The credentials are the simulators' defaults (and the demo bot's made-up token).
const specs: Spec[] = [
  {
    type: 'reclame-aqui',
    name: 'Reclame Aqui (simulator)',
    flow: 'reclame-aqui-complaint',
    urlSetting: 'baseUrl',
    url: (urls) => urls.reclameAqui.apiBaseUrl,
    settings: {
      description: 'Reclame Aqui — Empresa Exemplo (simulador)',
      companyEmail: 'sac@loja.example',
      user: 'client-id',
      password: 'client-secret',
      syncIntervalMinutes: 10,
    },
  },
  {
    type: 'wish',
    name: 'Wish (simulator)',
    flow: 'wish-greeting',
    urlSetting: 'apiBaseUrl',
    url: (urls) => urls.wish.apiBaseUrl,
    settings: { accessToken: 'wish-token', syncIntervalMinutes: 5 },
  },
  {
    type: 'telegram',
    name: 'Telegram (simulator)',
    flow: 'telegram-welcome',
    urlSetting: 'apiBaseUrl',
    url: (urls) => urls.telegram.apiBaseUrl,
    settings: {
      botToken: demoData.telegram.bot.token,
      receiveBy: 'polling',
      pollIntervalSeconds: 3,
    },
  },
];

/**
 * The Reclame Aqui, Wish and Telegram connections of the demo. With `flowIds` (the example flows
 * were just seeded: a first start) they are created running their example flows; otherwise the
 * existing ones, found by type and name, are pointed at this start's simulator URLs. A demo
 * connection an admin renamed or deleted is left alone.
 */
export async function ensureDemoConnections(
  core: Core,
  urls: DemoUrls,
  flowIds: Record<string, string> | null,
): Promise<DemoConnection[]> {
  const { db } = core.database;
  const found: DemoConnection[] = [];
  for (const spec of specs) {
    const [existing] = await db
      .select()
      .from(channelConnections)
      .where(and(eq(channelConnections.type, spec.type), eq(channelConnections.name, spec.name)));
    if (existing) {
      const settings = { ...(existing.settings as Record<string, unknown>) };
      settings[spec.urlSetting] = spec.url(urls);
      await db
        .update(channelConnections)
        .set({ settings })
        .where(eq(channelConnections.id, existing.id));
      core.connections.forget(existing.id);
      found.push({
        type: spec.type,
        id: existing.id,
        name: spec.name,
        createdAt: existing.createdAt,
      });
      continue;
    }
    const flowId = flowIds?.[spec.flow];
    if (!flowId) continue;
    const { settings, secrets } = core.connections.prepare(spec.type, {
      ...spec.settings,
      [spec.urlSetting]: spec.url(urls),
    });
    const [created] = await db
      .insert(channelConnections)
      .values({
        type: spec.type,
        name: spec.name,
        settings,
        secrets: core.connections.seal(secrets),
        flowId,
      })
      .returning();
    if (created)
      found.push({
        type: spec.type,
        id: created.id,
        name: spec.name,
        createdAt: created.createdAt,
      });
  }
  return found;
}
