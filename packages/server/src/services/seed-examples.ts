import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import type { Core } from '../core.js';
import { channelConnections, flows, flowVersions } from '../db/schema/index.js';

const examplesDir = fileURLToPath(new URL('../../../../examples/flows', import.meta.url));

/** What {@link seedExamples} created: the web-chat connection and each example's flow id by file. */
export interface SeededExamples {
  webChatConnectionId: string;
  /** `reclame-aqui-complaint` (the file name without `.flow.json`) → flow id. */
  flowIds: Record<string, string>;
}

/**
 * On an empty database: imports the example flows (published as version 1) and a web-chat
 * connection running the web-chat example, so a newcomer can talk to a flow at once.
 */
export async function seedExamples(core: Core): Promise<SeededExamples | null> {
  const { db } = core.database;
  const [existing] = await db.select({ n: count() }).from(flows);
  if ((existing?.n ?? 0) > 0) return null;
  let webChatFlowId: string | null = null;
  const flowIds: Record<string, string> = {};
  for (const file of readdirSync(examplesDir)
    .filter((name) => name.endsWith('.flow.json'))
    .sort()) {
    const document = JSON.parse(readFileSync(`${examplesDir}/${file}`, 'utf8')) as { name: string };
    const [flow] = await db
      .insert(flows)
      .values({ name: document.name, draft: document })
      .returning();
    if (!flow) continue;
    await db
      .insert(flowVersions)
      .values({ flowId: flow.id, number: 1, document, message: 'Example flow' });
    flowIds[file.replace(/\.flow\.json$/, '')] = flow.id;
    if (file.startsWith('web-chat')) webChatFlowId = flow.id;
  }
  const { settings, secrets } = core.connections.prepare('web-chat', {
    distributeTo: 'Atendimento',
    offHoursEmail: 'atendimento@example.com',
  });
  const [connection] = await db
    .insert(channelConnections)
    .values({
      type: 'web-chat',
      name: 'Site chat',
      settings,
      secrets: core.connections.seal(secrets),
      flowId: webChatFlowId,
    })
    .returning();
  return connection ? { webChatConnectionId: connection.id, flowIds } : null;
}
