import type { ChannelAdapter, Json, SyncProgress } from '@attendflow/engine';
import type { Database } from '../db/database.js';
import { withConnectionStart, type ConnectionService } from './connections.js';
import type { ConversationRuntime } from './conversation-runtime.js';
import type { FlowVersionCache } from './flow-versions.js';

/** What the sync worker needs. */
export interface SyncWorkerDeps {
  database: Database;
  connections: ConnectionService;
  versions: FlowVersionCache;
  runtime: ConversationRuntime;
  adapters: ReadonlyMap<string, ChannelAdapter>;
  now?: () => number;
  /** When an adapter does not say when to pull next. */
  defaultIntervalMs?: number;
  /** Wait after a failed run before trying again. */
  retryMs?: number;
  leaseMs?: number;
  onError?: (error: unknown, connectionId: string) => void;
}

/** A connection's sync status as the API shows it (the adapter's cursor stays private). */
export interface SyncStatus {
  progress: SyncProgress | null;
  nextRunAt: string;
  lastRunAt: string | null;
  lastError: string | null;
  runs: number;
  itemsIngested: number;
}

interface ClaimedRow {
  connection_id: string;
  state: Json | null;
}

/**
 * Pulls channels that have no push, or whose push is only a hint: each due connection is claimed
 * once across processes (`SKIP LOCKED` under a lease), its adapter's `sync` runs with the state it
 * returned last time, every item goes through the runtime (deduplicated like a webhook), and only
 * then the new state is stored — a crash mid-run re-reads the same window, and dedup absorbs it.
 */
export class SyncWorker {
  private readonly now: () => number;
  constructor(private readonly deps: SyncWorkerDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Runs every due connection once; returns how many ran. */
  async runOnce(signal: AbortSignal = new AbortController().signal): Promise<number> {
    const types = [...this.deps.adapters.values()]
      .filter((adapter) => adapter.sync !== undefined)
      .map((adapter) => adapter.channel.type);
    if (types.length === 0) return 0;
    const { database } = this.deps;
    const now = new Date(this.now()).toISOString();
    await database.rows(
      `insert into channel_sync (connection_id, next_run_at)
       select id, $2::timestamptz from channel_connections
       where status = 'active' and type = any($1::text[])
       on conflict (connection_id) do nothing`,
      [types, now],
    );
    const claimed = await database.rows<ClaimedRow>(
      `update channel_sync s set claimed_until = $1::timestamptz + ($2 || ' milliseconds')::interval
       from channel_connections c
       where c.id = s.connection_id and s.connection_id in (
         select connection_id from channel_sync
         where next_run_at <= $1::timestamptz
           and (claimed_until is null or claimed_until < $1::timestamptz)
         order by next_run_at limit 20 for update skip locked)
         and c.status = 'active' and c.type = any($3::text[])
       returning s.connection_id, s.state`,
      [now, String(this.deps.leaseMs ?? 120_000), types],
    );
    for (const row of claimed) {
      if (signal.aborted) break;
      await this.runConnection(row, signal);
    }
    return claimed.length;
  }

  /** Makes a connection due now (a webhook hinted that something changed). */
  async requestSync(connectionId: string): Promise<void> {
    await this.deps.database.rows(
      `insert into channel_sync (connection_id, next_run_at) values ($1, $2::timestamptz)
       on conflict (connection_id) do update set next_run_at = least(channel_sync.next_run_at, excluded.next_run_at)`,
      [connectionId, new Date(this.now()).toISOString()],
    );
  }

  /** Where a connection's sync stands, or null if it never ran. */
  async status(connectionId: string): Promise<SyncStatus | null> {
    const [row] = await this.deps.database.rows<{
      progress: SyncProgress | null;
      next_run_at: Date | string;
      last_run_at: Date | string | null;
      last_error: string | null;
      runs: number;
      items_ingested: number;
    }>(
      `select progress, next_run_at, last_run_at, last_error, runs, items_ingested
       from channel_sync where connection_id = $1`,
      [connectionId],
    );
    if (!row) return null;
    const iso = (value: Date | string) => new Date(value).toISOString();
    return {
      progress: row.progress,
      nextRunAt: iso(row.next_run_at),
      lastRunAt: row.last_run_at === null ? null : iso(row.last_run_at),
      lastError: row.last_error,
      runs: row.runs,
      itemsIngested: row.items_ingested,
    };
  }

  private async runConnection(row: ClaimedRow, signal: AbortSignal): Promise<void> {
    const { database, connections, versions, runtime, adapters } = this.deps;
    const id = row.connection_id;
    const startedAt = this.now();
    try {
      const connection = await connections.load(database.db, id);
      const adapter = adapters.get(connection.row.type);
      if (!adapter?.sync) return;
      const { flowId } = connection.row;
      // A published flow stays published (versions are never deleted): the cache remembers a yes.
      if (!flowId || !(await versions.hasPublished(database.db, flowId))) {
        // Nothing could run the conversations yet: keep the cursor where it is.
        throw new Error(`connection ${connection.row.name} has no published flow to run`);
      }
      const result = await adapter.sync({
        settings: connection.settings,
        state: row.state,
        now: startedAt,
        signal,
      });
      for (const item of result.items)
        await runtime.ingest(id, withConnectionStart(item, connection));
      const next = startedAt + (result.nextSyncInMs ?? this.deps.defaultIntervalMs ?? 60_000);
      await database.rows(
        `update channel_sync set state = $2::jsonb, progress = $3::jsonb, next_run_at = $4::timestamptz,
           claimed_until = null, last_run_at = $5::timestamptz, last_error = null,
           runs = runs + 1, items_ingested = items_ingested + $6
         where connection_id = $1`,
        [
          id,
          JSON.stringify(result.state),
          result.progress === undefined ? null : JSON.stringify(result.progress),
          new Date(next).toISOString(),
          new Date(startedAt).toISOString(),
          result.items.length,
        ],
      );
    } catch (error) {
      this.deps.onError?.(error, id);
      await database.rows(
        `update channel_sync set claimed_until = null, next_run_at = $2::timestamptz,
           last_run_at = $3::timestamptz, last_error = $4, runs = runs + 1
         where connection_id = $1`,
        [
          id,
          new Date(startedAt + (this.deps.retryMs ?? 30_000)).toISOString(),
          new Date(startedAt).toISOString(),
          error instanceof Error ? error.message : String(error),
        ],
      );
    }
  }
}
