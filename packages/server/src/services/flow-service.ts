import { and, eq, max } from 'drizzle-orm';
import type { Flow, Registry } from '@attendflow/engine';
import type { Db, Tx } from '../db/database.js';
import { flows, flowVersions } from '../db/schema/index.js';
import { ServerError } from './errors.js';
import { diffFlows, type FlowDiff } from './flow-diff.js';
import {
  checkFlow,
  flowInvalid,
  minimalDraft,
  normalizeFlow,
  parseFlowDocument,
  parseImport,
  readStoredFlow,
  type FlowCheck,
} from './flow-document.js';
import {
  channelsRunning,
  findDocument,
  findFlow,
  listFlows,
  lockFlow,
  versionStats,
  versionSummaries,
  type FlowRef,
  type FlowRow,
  type VersionSummary,
} from './flow-queries.js';

/** A flow with its draft, as the API shows it. */
export interface FlowView {
  id: string;
  name: string;
  revision: number;
  draft: Flow;
  versions: number;
  latestVersion: number | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** What {@link FlowService} needs. */
export interface FlowServiceDeps {
  db: Db;
  registry: Registry;
  now: () => number;
}

/**
 * Flows: a mutable draft guarded by a revision number, and immutable published versions. The
 * flow's name is its draft's name. Publishing and rolling back lock the flow's row, so version
 * numbers never collide across processes.
 */
export class FlowService {
  constructor(private readonly deps: FlowServiceDeps) {}

  /** A new flow whose draft is the given document (shape checked) or a lone trigger. */
  create(input: { name: string; document?: unknown }, userId: string): Promise<FlowView> {
    const draft =
      input.document === undefined
        ? minimalDraft(this.deps.registry, input.name)
        : { ...parseFlowDocument(input.document, ['document']), name: input.name };
    return this.insert(draft, userId);
  }

  /** An export envelope or a bare document becomes a new flow's draft. */
  importFlow(body: Record<string, unknown>, userId: string): Promise<FlowView> {
    return this.insert(parseImport(body), userId);
  }

  list() {
    return listFlows(this.deps.db);
  }

  async get(id: string): Promise<FlowView> {
    return this.view(await findFlow(this.deps.db, id));
  }

  /** Saves the draft if `revision` is the stored one; otherwise 409 and nothing written. */
  async saveDraft(
    id: string,
    input: { document: unknown; revision: number },
    userId: string,
  ): Promise<FlowView> {
    const draft = parseFlowDocument(input.document, ['document']);
    // The revision is compared in the UPDATE itself, so two saves racing cannot both win.
    const [saved] = await this.deps.db
      .update(flows)
      .set({
        draft,
        name: draft.name,
        revision: input.revision + 1,
        updatedAt: new Date(this.deps.now()),
        updatedBy: userId,
      })
      .where(and(eq(flows.id, id), eq(flows.revision, input.revision)))
      .returning();
    if (saved) return this.view(saved);
    throw revisionConflict(await findFlow(this.deps.db, id), input.revision);
  }

  /** Validates a document (the stored draft by default) for a channel or the flow's connections. */
  async validate(
    id: string,
    input: { document?: unknown; channel?: string },
  ): Promise<Omit<FlowCheck, 'flow'> & { channels: string[] }> {
    const row = await findFlow(this.deps.db, id);
    const document = input.document ?? row.draft;
    const channels = input.channel
      ? [input.channel]
      : channelsToCheck(document, await channelsRunning(this.deps.db, id));
    const { ok, issues } = checkFlow(document, this.deps.registry, channels);
    return { ok, issues, channels };
  }

  /** Publishes the draft as the next version when no channel running it finds an error. */
  publish(id: string, input: { message: string; revision?: number }, userId: string) {
    return this.deps.db.transaction(async (tx) => {
      const row = await lockFlow(tx, id);
      if (input.revision !== undefined && input.revision !== row.revision)
        throw revisionConflict(row, input.revision);
      const { version, issues } = await this.publishChecked(
        tx,
        row,
        row.draft,
        input.message,
        userId,
      );
      return { version, issues };
    });
  }

  /** Publishes an old version's document as a new version and makes it the draft. */
  rollback(
    id: string,
    input: { number: number; message?: string | undefined; revision?: number | undefined },
    userId: string,
  ) {
    return this.deps.db.transaction(async (tx) => {
      const row = await lockFlow(tx, id);
      if (input.revision !== undefined && input.revision !== row.revision)
        throw revisionConflict(row, input.revision);
      const source = await findDocument(tx, id, input.number);
      const message = input.message ?? `Roll back to version ${input.number}`;
      const { version, document, issues } = await this.publishChecked(
        tx,
        row,
        source,
        message,
        userId,
      );
      const revision = row.revision + 1;
      await tx
        .update(flows)
        .set({
          draft: document,
          name: document.name,
          revision,
          updatedAt: new Date(this.deps.now()),
          updatedBy: userId,
        })
        .where(eq(flows.id, id));
      return { version, revision, issues };
    });
  }

  async versions(id: string): Promise<VersionSummary[]> {
    await findFlow(this.deps.db, id);
    return versionSummaries(this.deps.db, id);
  }

  async version(id: string, number: number): Promise<VersionSummary & { document: Flow }> {
    const document = await findDocument(this.deps.db, id, number);
    const [summary] = await versionSummaries(this.deps.db, id, number);
    if (!summary) throw new ServerError('NOT_FOUND', `flow ${id} has no version ${number}`);
    return { ...summary, document };
  }

  async diff(
    id: string,
    from: FlowRef,
    to: FlowRef,
  ): Promise<FlowDiff & { from: FlowRef; to: FlowRef }> {
    const before = await findDocument(this.deps.db, id, from);
    const after = await findDocument(this.deps.db, id, to);
    const { registry } = this.deps;
    return {
      from,
      to,
      ...diffFlows(normalizeFlow(before, registry), normalizeFlow(after, registry)),
    };
  }

  /** The document of a version or of the draft, in the envelope `importFlow` takes back. */
  async exportFlow(id: string, ref: FlowRef) {
    const row = await findFlow(this.deps.db, id);
    return {
      attendflowExport: 1 as const,
      name: row.name,
      exportedAt: new Date(this.deps.now()).toISOString(),
      document: await findDocument(this.deps.db, id, ref),
    };
  }

  private async insert(draft: Flow, userId: string): Promise<FlowView> {
    const at = new Date(this.deps.now());
    const [row] = await this.deps.db
      .insert(flows)
      .values({ name: draft.name, draft, createdAt: at, updatedAt: at, updatedBy: userId })
      .returning();
    if (!row) throw new Error('flow not inserted');
    return this.view(row);
  }

  /** Validates for every channel running the flow, then inserts version max+1 under the row lock. */
  private async publishChecked(
    tx: Tx,
    row: FlowRow,
    document: unknown,
    message: string,
    userId: string,
  ) {
    const checked = checkFlow(
      document,
      this.deps.registry,
      channelsToCheck(document, await channelsRunning(tx, row.id)),
    );
    if (!checked.ok || !checked.flow) throw flowInvalid(checked.issues);
    const [last] = await tx
      .select({ number: max(flowVersions.number) })
      .from(flowVersions)
      .where(eq(flowVersions.flowId, row.id));
    const number = (last?.number ?? 0) + 1;
    await tx.insert(flowVersions).values({
      flowId: row.id,
      number,
      document: checked.flow,
      message,
      authorId: userId,
      createdAt: new Date(this.deps.now()),
    });
    const [version] = await versionSummaries(tx, row.id, number);
    if (!version) throw new Error('flow version not inserted');
    return { version, document: checked.flow, issues: checked.issues };
  }

  private async view(row: FlowRow): Promise<FlowView> {
    const stats = await versionStats(this.deps.db, row.id);
    return {
      id: row.id,
      name: row.name,
      revision: row.revision,
      draft: readStoredFlow(row.draft),
      versions: stats.versions,
      latestVersion: stats.latest,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: row.updatedBy,
    };
  }
}

function revisionConflict(row: FlowRow, sent: number): ServerError {
  return new ServerError(
    'REVISION_CONFLICT',
    `revision: the draft is at revision ${row.revision}, not ${sent}; someone saved it meanwhile — reload it and apply your changes again`,
    { revision: row.revision, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() },
  );
}

/** The channel a document is designed for, with those of the connections that run it. */
function channelsToCheck(document: unknown, running: string[]): string[] {
  const designedFor =
    typeof document === 'object' && document !== null && 'channel' in document
      ? (document as { channel?: unknown }).channel
      : undefined;
  return typeof designedFor === 'string' && !running.includes(designedFor)
    ? [designedFor, ...running].sort()
    : running;
}
