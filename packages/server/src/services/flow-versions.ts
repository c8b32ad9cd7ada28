import { desc, eq } from 'drizzle-orm';
import type { FlowVersionRef } from '@attendflow/engine';
import type { Db, Tx } from '../db/database.js';
import { flowVersions } from '../db/schema/index.js';

/**
 * Published flow versions by id. Versions are immutable, so they are cached for the life of the
 * process (bounded); the engine caches the compiled machine under the same id.
 */
export class FlowVersionCache {
  private readonly byId = new Map<string, FlowVersionRef & { flowId: string }>();
  /** Reads in flight: a burst on a cold cache (due timers after a start) reads each version once. */
  private readonly loading = new Map<string, Promise<FlowVersionRef>>();
  /** Flows known to have a published version: versions are never deleted, so this stays true. */
  private readonly published = new Set<string>();
  constructor(private readonly limit = 500) {}

  async get(db: Db | Tx, id: string): Promise<FlowVersionRef> {
    const hit = this.byId.get(id);
    if (hit) return hit;
    // Joined, the other caller's read; if it fails (its transaction, say), this one reads its own.
    const pending = this.loading.get(id);
    if (pending) return pending.catch(() => this.read(db, id));
    const read = this.read(db, id).finally(() => this.loading.delete(id));
    this.loading.set(id, read);
    return read;
  }

  private async read(db: Db | Tx, id: string): Promise<FlowVersionRef> {
    const [row] = await db.select().from(flowVersions).where(eq(flowVersions.id, id));
    if (!row) throw new Error(`flow version ${id} does not exist`);
    const ref = { id: row.id, flow: row.document, flowId: row.flowId };
    this.byId.set(id, ref);
    if (this.byId.size > this.limit) this.byId.delete(this.byId.keys().next().value as string);
    return ref;
  }

  /** The flow a version belongs to, once {@link get} has loaded the version. */
  flowIdOf(versionId: string): string | undefined {
    return this.byId.get(versionId)?.flowId;
  }

  /**
   * The latest published version of a flow, if any: always read, as a publish in another process
   * must pin the next new conversation.
   */
  async latest(db: Db, flowId: string): Promise<string | null> {
    const [row] = await db
      .select({ id: flowVersions.id })
      .from(flowVersions)
      .where(eq(flowVersions.flowId, flowId))
      .orderBy(desc(flowVersions.number))
      .limit(1);
    if (row) this.rememberPublished(flowId);
    return row?.id ?? null;
  }

  /** Whether a flow has a published version; a yes is remembered (a webhook asks on every event). */
  async hasPublished(db: Db, flowId: string): Promise<boolean> {
    if (this.published.has(flowId)) return true;
    return (await this.latest(db, flowId)) !== null;
  }

  private rememberPublished(flowId: string): void {
    if (this.published.size >= this.limit * 4) this.published.clear();
    this.published.add(flowId);
  }
}
