import { eq, inArray } from 'drizzle-orm';
import type { ChannelAdapter, DeliveryResult } from '@attendflow/engine';
import type { Database } from '../db/database.js';
import { messages, outbox } from '../db/schema/index.js';
import type { ConnectionService } from './connections.js';
import type { OutboxRow } from './outbox-row.js';
import { publishUnlessSent, statementPayloads, type LiveBus, type LiveUpdate } from './live-bus.js';
import { persistSteps, type SentRows } from './persist-step.js';

/** Delivered rows to mark sent, as a statement carries them, and what announces them. */
export interface SentBatch {
  sent: SentRows;
  updates: LiveUpdate[];
  /** The payloads the statement sends; null: published after the commit. */
  notify: string[] | null;
}

/** Retry policy of deliveries. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What the outbox worker needs. */
export interface OutboxWorkerDeps {
  database: Database;
  connections: ConnectionService;
  adapters: ReadonlyMap<string, ChannelAdapter>;
  live: LiveBus;
  retry?: Partial<RetryPolicy>;
  now?: () => number;
  random?: () => number;
  /** How long a claimed row is ours before another process may take it over. */
  leaseMs?: number;
  /** Conversations whose queue heads are claimed per round. */
  batchSize?: number;
  /** Rows claimed behind each head (one conversation's backlog). */
  runLength?: number;
  /** Each delivery's time limit (adapters also have their own). */
  deliveryTimeoutMs?: number;
  onDelivery?: (outcome: 'sent' | 'retry' | 'dead') => void;
}

/**
 * Delivers the outbox: claims due rows with `FOR UPDATE SKIP LOCKED` (one in flight per
 * conversation, in order), hands each to its channel adapter with its idempotency key, and retries
 * failures with exponential backoff and jitter (honouring Retry-After) until the last try, after
 * which the row is dead and agents are told.
 */
export class OutboxWorker {
  private readonly retry: RetryPolicy;
  private readonly now: () => number;
  private readonly random: () => number;
  /** Whether the last round's claim was cut by its limits (more rows may be due). */
  private wasFull = false;
  /** How long a claimed row is this process's. */
  readonly leaseMs: number;
  /** Each delivery's time limit. */
  readonly deliveryTimeoutMs: number;

  constructor(private readonly deps: OutboxWorkerDeps) {
    this.retry = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 300_000, ...deps.retry };
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.leaseMs = deps.leaseMs ?? 30_000;
    this.deliveryTimeoutMs = deps.deliveryTimeoutMs ?? 30_000;
  }

  /**
   * Claims and delivers one batch; returns how many rows it tried. Conversations are delivered side
   * by side, each one's rows one after another in order; after a failure the rest of that
   * conversation's rows wait for the next round.
   */
  async runOnce(signal: AbortSignal = new AbortController().signal): Promise<number> {
    const claimed = await this.claim();
    const queues = new Map<string, OutboxRow[]>();
    for (const row of claimed) {
      const queue = queues.get(row.conversation_id);
      if (queue) queue.push(row);
      else queues.set(row.conversation_id, [row]);
    }
    const runLength = this.deps.runLength ?? 50;
    this.wasFull =
      queues.size >= (this.deps.batchSize ?? 50) ||
      [...queues.values()].some((queue) => queue.length > runLength);
    const sent: OutboxRow[] = [];
    const released: OutboxRow[] = [];
    const failed: Array<[OutboxRow, Extract<DeliveryResult, { ok: false }>]> = [];
    const deadlines = new Deadlines(signal, this.deliveryTimeoutMs);
    try {
      await Promise.all(
        [...queues.values()].map(async (queue) => {
          for (const [index, row] of queue.entries()) {
            const result = await this.deliverOne(row, deadlines);
            if (result.ok) {
              sent.push(row);
              continue;
            }
            failed.push([row, result]);
            released.push(...queue.slice(index + 1));
            return;
          }
        }),
      );
    } finally {
      deadlines.close();
    }
    await this.settleSent(sent);
    await this.release(released);
    await Promise.all(failed.map(([row, result]) => this.settle(row, result)));
    return claimed.length - released.length;
  }

  /**
   * Runs rounds while their claims come back cut by the batch limits (a backlog); returns how many
   * rows it tried. A round under the limits took everything due at that moment.
   */
  async drain(signal?: AbortSignal, isStopped: () => boolean = () => false): Promise<number> {
    let total = 0;
    for (;;) {
      total += await this.runOnce(signal);
      if (!this.wasFull || isStopped()) return total;
    }
  }

  /** Rows pending now (for /metrics). */
  async depth(): Promise<number> {
    const [row] = await this.deps.database.rows<{ n: number }>(
      `select count(*)::int as n from outbox where state = 'pending'`,
    );
    return row?.n ?? 0;
  }

  /**
   * Claims the due heads of conversations' queues (no earlier pending row), and behind each head
   * the run of its conversation's next rows that are due too, so a busy conversation's backlog
   * goes in one round. The partial index on pending rows keeps both checks off the sent history.
   */
  private claim(): Promise<OutboxRow[]> {
    const now = new Date(this.now()).toISOString();
    return this.deps.database.rows<OutboxRow>(
      `with heads as (
         select o.id, o.conversation_id from outbox o
         where o.state = 'pending' and o.next_attempt_at <= $1::timestamptz
           and (o.claimed_until is null or o.claimed_until < $1::timestamptz)
           and not exists (
             select 1 from outbox p
             where p.conversation_id = o.conversation_id and p.state = 'pending' and p.id < o.id)
         order by o.next_attempt_at, o.id
         limit $3
         for update skip locked),
       followers as (
         select f.id, bool_and(f.is_ready) over (partition by f.conversation_id order by f.id) as is_run
         from heads h cross join lateral (
           select p.id, p.conversation_id,
             p.next_attempt_at <= $1::timestamptz and (p.claimed_until is null or p.claimed_until < $1::timestamptz) as is_ready
           from outbox p
           where p.conversation_id = h.conversation_id and p.state = 'pending' and p.id > h.id
           order by p.id
           limit $4) f),
       claimed as (update outbox set claimed_until = $1::timestamptz + ($2 || ' milliseconds')::interval, attempts = attempts + 1
         where state = 'pending'
           and id in (select id from heads union all select id from followers where is_run)
         returning id, conversation_id, connection_id, kind, message_id, payload, idempotency_key, attempts)
       select claimed.id::text as id, claimed.conversation_id, claimed.connection_id, claimed.kind, claimed.message_id,
         claimed.payload, claimed.idempotency_key, claimed.attempts, c.external_id, c.customer, c.subject
       from claimed left join conversations c on c.id = claimed.conversation_id
       order by claimed.id`,
      [now, String(this.leaseMs), this.deps.batchSize ?? 50, this.deps.runLength ?? 50],
    );
  }

  /** Rows claimed behind a failed one go back to the queue, their attempt not counted. */
  async release(rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.deps.database.rows(
      `update outbox set claimed_until = null, attempts = attempts - 1
       where id = any(array(select jsonb_array_elements_text($1::jsonb)::bigint))`,
      [JSON.stringify(rows.map((row) => row.id))],
    );
  }

  /** Hands one claimed row to its channel's adapter within its deadline. */
  async deliverOne(row: OutboxRow, deadlines: Deadlines): Promise<DeliveryResult> {
    const { db } = this.deps.database;
    let result: DeliveryResult;
    let timeout: ReturnType<Deadlines['start']> | undefined;
    try {
      const connection = await this.deps.connections.load(db, row.connection_id);
      const adapter = this.deps.adapters.get(connection.row.type);
      if (!adapter) {
        result = {
          ok: false,
          retryable: false,
          error: `no adapter delivers to ${connection.row.type} yet`,
        };
      } else {
        timeout = deadlines.start();
        result = await adapter.deliver(
          {
            idempotencyKey: row.idempotency_key,
            conversation: {
              id: row.conversation_id,
              externalId: row.external_id ?? '',
              customer: row.customer ?? { fields: {} },
              subject: row.subject ?? null,
            },
            kind: row.kind,
            ...(row.payload.kind === 'message'
              ? {
                  message: {
                    text: row.payload.text,
                    visibility: row.payload.visibility,
                    author: row.payload.author,
                    attachments: row.payload.attachments,
                    ...(row.payload.agentId ? { agentId: row.payload.agentId } : {}),
                  },
                }
              : { action: { name: row.payload.action, payload: row.payload.payload } }),
            attempt: row.attempts,
          },
          connection.settings,
          timeout.signal,
        );
      }
    } catch (error) {
      result = {
        ok: false,
        retryable: true,
        error: error instanceof Error ? error.message : String(error),
      };
    } finally {
      timeout?.clear();
    }
    return result;
  }

  /** What marking delivered rows sent writes and announces, for a statement to carry. */
  sentOf(rows: readonly OutboxRow[]): SentBatch {
    const updates = rows.flatMap((row) => this.updatesOf(row, 'delivery.sent', {}));
    const notify = statementPayloads(this.deps.live, updates);
    return {
      updates,
      notify,
      sent: {
        ids: rows.map((row) => row.id),
        at: new Date(this.now()).toISOString(),
        notify: notify ?? [],
      },
    };
  }

  /** Once the statement carrying a batch committed: counted, and announced if it could not be. */
  sentCommitted(batch: SentBatch): void {
    for (let i = 0; i < batch.sent.ids.length; i++) this.deps.onDelivery?.('sent');
    publishUnlessSent(this.deps.live, batch.updates, batch.notify);
  }

  /** Marks delivered rows and their messages sent, and announces them, in one statement. */
  async settleSent(rows: readonly OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const batch = this.sentOf(rows);
    await persistSteps(this.deps.database.db, [], batch.sent);
    this.sentCommitted(batch);
  }

  /** A failed delivery: retried later with backoff, or dead after the last try. */
  async settle(row: OutboxRow, result: Extract<DeliveryResult, { ok: false }>): Promise<void> {
    const { db } = this.deps.database;
    const at = new Date(this.now());
    if (result.retryable && row.attempts < this.retry.maxAttempts) {
      const delay = Math.max(result.retryAfterMs ?? 0, this.backoff(row.attempts));
      await db
        .update(outbox)
        .set({
          nextAttemptAt: new Date(at.getTime() + delay),
          claimedUntil: null,
          lastError: result.error,
        })
        .where(eq(outbox.id, Number(row.id)));
      this.deps.onDelivery?.('retry');
      return;
    }
    await db.transaction(async (tx) => {
      await tx
        .update(outbox)
        .set({ state: 'dead', claimedUntil: null, lastError: result.error })
        .where(eq(outbox.id, Number(row.id)));
      if (row.message_id) {
        await tx
          .update(messages)
          .set({ state: 'dead', error: result.error })
          .where(inArray(messages.id, [row.message_id]));
      }
    });
    this.deps.onDelivery?.('dead');
    this.announce(row, 'delivery.dead', { error: result.error, attempts: row.attempts });
  }

  /** Exponential backoff with full jitter, capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  private announce(row: OutboxRow, type: string, extra: Record<string, unknown>): void {
    for (const update of this.updatesOf(row, type, extra)) this.deps.live.publish(update);
  }

  private updatesOf(row: OutboxRow, type: string, extra: Record<string, unknown>): LiveUpdate[] {
    const data = {
      conversationId: row.conversation_id,
      outboxId: row.id,
      kind: row.kind,
      ...extra,
    };
    const updates: LiveUpdate[] = [{ topic: `conversation:${row.conversation_id}`, type, data }];
    if (type === 'delivery.dead') updates.push({ topic: 'inbox', type, data });
    return updates;
  }
}

/**
 * The deadlines of one round's deliveries: each a plain timer (cheaper than `AbortSignal.any` with
 * `AbortSignal.timeout` per delivery), all aborted with the caller's signal through one listener.
 */
export class Deadlines {
  private readonly active = new Set<AbortController>();
  private readonly onAbort = () => {
    for (const controller of this.active) controller.abort(this.parent.reason);
  };

  constructor(
    private readonly parent: AbortSignal,
    private readonly ms: number,
  ) {
    parent.addEventListener('abort', this.onAbort, { once: true });
  }

  start(): { signal: AbortSignal; clear: () => void } {
    const controller = new AbortController();
    if (this.parent.aborted) controller.abort(this.parent.reason);
    this.active.add(controller);
    const timer = setTimeout(
      () => controller.abort(new Error(`timed out after ${this.ms} ms`)),
      this.ms,
    );
    return {
      signal: controller.signal,
      clear: () => {
        clearTimeout(timer);
        this.active.delete(controller);
      },
    };
  }

  close(): void {
    this.parent.removeEventListener('abort', this.onAbort);
  }
}
