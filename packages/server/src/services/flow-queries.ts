import { and, count, desc, eq, max } from 'drizzle-orm';
import type { Flow } from '@attendflow/engine';
import type { Db, Tx } from '../db/database.js';
import { channelConnections, flows, flowVersions, users } from '../db/schema/index.js';
import { ServerError } from './errors.js';
import { readStoredFlow } from './flow-document.js';

/** A row of `flows`. */
export type FlowRow = typeof flows.$inferSelect;

/** A published version without its document. */
export interface VersionSummary {
  id: string;
  number: number;
  message: string;
  author: { id: string; name: string } | null;
  createdAt: string;
}

/** Which document: a published version's number or the draft. */
export type FlowRef = number | 'draft';

/** The flow's row; 404 when there is none. */
export async function findFlow(db: Db | Tx, id: string): Promise<FlowRow> {
  const [row] = await db.select().from(flows).where(eq(flows.id, id));
  if (!row) throw new ServerError('NOT_FOUND', `flow ${id} does not exist`);
  return row;
}

/** The flow's row, locked until the transaction ends: publishes of one flow run one at a time. */
export async function lockFlow(tx: Tx, id: string): Promise<FlowRow> {
  const [row] = await tx.select().from(flows).where(eq(flows.id, id)).for('update');
  if (!row) throw new ServerError('NOT_FOUND', `flow ${id} does not exist`);
  return row;
}

/** The document of a published version or of the draft; 404 when either is missing. */
export async function findDocument(db: Db | Tx, id: string, ref: FlowRef): Promise<Flow> {
  if (ref === 'draft') return readStoredFlow((await findFlow(db, id)).draft);
  const [row] = await db
    .select({ document: flowVersions.document })
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, id), eq(flowVersions.number, ref)));
  if (!row) {
    await findFlow(db, id);
    throw new ServerError('NOT_FOUND', `flow ${id} has no version ${ref}`);
  }
  return readStoredFlow(row.document);
}

/** Versions of a flow, newest first (or only `number`), with their author's name. */
export async function versionSummaries(
  db: Db | Tx,
  id: string,
  number?: number,
): Promise<VersionSummary[]> {
  const rows = await db
    .select({
      id: flowVersions.id,
      number: flowVersions.number,
      message: flowVersions.message,
      authorId: users.id,
      authorName: users.name,
      createdAt: flowVersions.createdAt,
    })
    .from(flowVersions)
    .leftJoin(users, eq(users.id, flowVersions.authorId))
    .where(
      and(
        eq(flowVersions.flowId, id),
        number === undefined ? undefined : eq(flowVersions.number, number),
      ),
    )
    .orderBy(desc(flowVersions.number));
  return rows.map(({ authorId, authorName, createdAt, ...rest }) => ({
    ...rest,
    author: authorId && authorName ? { id: authorId, name: authorName } : null,
    createdAt: createdAt.toISOString(),
  }));
}

/** How many versions a flow has and the latest number. */
export async function versionStats(
  db: Db | Tx,
  id: string,
): Promise<{ versions: number; latest: number | null }> {
  const [stats] = await db
    .select({ versions: count(), latest: max(flowVersions.number) })
    .from(flowVersions)
    .where(eq(flowVersions.flowId, id));
  return { versions: stats?.versions ?? 0, latest: stats?.latest ?? null };
}

/** Every flow with its latest version number, by name. */
export async function listFlows(db: Db) {
  const latest = db
    .select({ flowId: flowVersions.flowId, number: max(flowVersions.number).as('number') })
    .from(flowVersions)
    .groupBy(flowVersions.flowId)
    .as('latest');
  const rows = await db
    .select({
      id: flows.id,
      name: flows.name,
      revision: flows.revision,
      latestVersion: latest.number,
      updatedAt: flows.updatedAt,
    })
    .from(flows)
    .leftJoin(latest, eq(latest.flowId, flows.id))
    .orderBy(flows.name, flows.id);
  return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
}

/** The channel types of the connections that run a flow: publishing must satisfy each. */
export async function channelsRunning(db: Db | Tx, flowId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ type: channelConnections.type })
    .from(channelConnections)
    .where(eq(channelConnections.flowId, flowId))
    .orderBy(channelConnections.type);
  return rows.map((row) => row.type);
}
