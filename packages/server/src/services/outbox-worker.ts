import { eq, inArray } from 'drizzle-orm';
import type {
  ChannelActionEffect,
  ChannelAdapter,
  Customer,
  DeliveryResult,
  MessageEffect,
} from '@attendflow/engine';
import type { Database } from '../db/database.js';
import { messages, outbox } from '../db/schema/index.js';
import type { ConnectionService } from './connections.js';
import type { LiveBus } from './live-bus.js';

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
  batchSize?: number;
  /** Each delivery's time limit (adapters also have their own). */
  deliveryTimeoutMs?: number;
  onDelivery?: (outcome: 'sent' | 'retry' | 'dead') => void;
}

interface Claimed {
  id: string;
  conversation_id: string;
  connection_id: string;
  kind: 'message' | 'action';
  message_id: string | null;
  payload: MessageEffect | ChannelActionEffect;
  idempotency_key: string;
  attempts: number;
  external_id: string | null;
  customer: Customer | null;
  subject: string | null;
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

  constructor(private readonly deps: OutboxWorkerDeps) {
    this.retry = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 300_000, ...deps.retry };
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** Claims and delivers one batch; returns how many rows it handled. */
  async runOnce(signal: AbortSignal = new AbortController().signal): Promise<number> {
    const claimed = await this.claim();
    const results = await Promise.all(claimed.map((row) => this.deliverOne(row, signal)));
    const sent = claimed.filter((_, index) => results[index]?.ok);
    await this.settleSent(sent);
    await Promise.all(
      claimed.flatMap((row, index) => {
        const result = results[index];
        return result && !result.ok ? [this.settle(row, result)] : [];
      }),
    );
    return claimed.length;
  }

  /** Rows pending now (for /metrics). */
  async depth(): Promise<number> {
    const [row] = await this.deps.database.rows<{ n: number }>(
      `select count(*)::int as n from outbox where state = 'pending'`,
    );
    return row?.n ?? 0;
  }

  private claim(): Promise<Claimed[]> {
    const now = new Date(this.now()).toISOString();
    return this.deps.database.rows<Claimed>(
      `with claimed as (update outbox set claimed_until = $1::timestamptz + ($2 || ' milliseconds')::interval, attempts = attempts + 1
       where id in (
         select o.id from outbox o
         where o.state = 'pending' and o.next_attempt_at <= $1::timestamptz
           and (o.claimed_until is null or o.claimed_until < $1::timestamptz)
           and not exists (
             select 1 from outbox p
             where p.conversation_id = o.conversation_id and p.state = 'pending' and p.id < o.id)
         order by o.next_attempt_at, o.id
         limit $3
         for update skip locked)
       returning id, conversation_id, connection_id, kind, message_id, payload, idempotency_key, attempts)
       select claimed.id::text as id, claimed.conversation_id, claimed.connection_id, claimed.kind, claimed.message_id,
         claimed.payload, claimed.idempotency_key, claimed.attempts, c.external_id, c.customer, c.subject
       from claimed left join conversations c on c.id = claimed.conversation_id
       order by claimed.id`,
      [now, String(this.deps.leaseMs ?? 30_000), this.deps.batchSize ?? 20],
    );
  }

  private async deliverOne(row: Claimed, signal: AbortSignal): Promise<DeliveryResult> {
    const { db } = this.deps.database;
    let result: DeliveryResult;
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
        const timeout = AbortSignal.any([
          signal,
          AbortSignal.timeout(this.deps.deliveryTimeoutMs ?? 30_000),
        ]);
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
          timeout,
        );
      }
    } catch (error) {
      result = {
        ok: false,
        retryable: true,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    return result;
  }

  /** Marks a batch's delivered rows and their messages sent, in one statement. */
  private async settleSent(rows: Claimed[]): Promise<void> {
    if (rows.length === 0) return;
    await this.deps.database.rows(
      `with o as (update outbox set state = 'sent', sent_at = $1::timestamptz, claimed_until = null, last_error = null
         where id in (select jsonb_array_elements_text($2::jsonb)::bigint) returning message_id)
       update messages set state = 'sent', sent_at = $1::timestamptz, error = null
       where id in (select message_id from o where message_id is not null)`,
      [new Date(this.now()).toISOString(), JSON.stringify(rows.map((row) => row.id))],
    );
    for (const row of rows) {
      this.deps.onDelivery?.('sent');
      this.announce(row, 'delivery.sent', {});
    }
  }

  /** A failed delivery: retried later with backoff, or dead after the last try. */
  private async settle(
    row: Claimed,
    result: Extract<DeliveryResult, { ok: false }>,
  ): Promise<void> {
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

  private announce(row: Claimed, type: string, extra: Record<string, unknown>): void {
    const data = {
      conversationId: row.conversation_id,
      outboxId: row.id,
      kind: row.kind,
      ...extra,
    };
    this.deps.live.publish({ topic: `conversation:${row.conversation_id}`, type, data });
    if (type === 'delivery.dead') this.deps.live.publish({ topic: 'inbox', type, data });
  }
}
