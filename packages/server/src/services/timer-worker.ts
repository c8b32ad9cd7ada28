import type { Database } from '../db/database.js';
import type { ConversationRuntime } from './conversation-runtime.js';

/** What the timer worker needs. */
export interface TimerWorkerDeps {
  database: Database;
  runtime: ConversationRuntime;
  now?: () => number;
  batchSize?: number;
  leaseMs?: number;
  /** Called with how late each timer fired (ms), for /metrics. */
  onFired?: (lagMs: number) => void;
  onError?: (error: unknown, timer: { conversationId: string; timerId: string }) => void;
}

/**
 * Fires due timers: claims them in batches with `FOR UPDATE SKIP LOCKED` under a lease (a crashed
 * process's claims expire and are taken over) and feeds each back as `timer.fired`. The event's
 * transaction deletes the timer row, and its dedup key makes a second firing a no-op, so each due
 * timer fires exactly once; the engine ignores one whose node was already left.
 */
export class TimerWorker {
  private readonly now: () => number;
  constructor(private readonly deps: TimerWorkerDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Claims and fires one batch; returns how many fired. */
  async runOnce(): Promise<number> {
    const now = this.now();
    const due = await this.deps.database.rows<{
      conversation_id: string;
      timer_id: string;
      due_at: Date | string;
    }>(
      `update timers set claimed_until = $1::timestamptz + ($2 || ' milliseconds')::interval
       where (conversation_id, timer_id) in (
         select conversation_id, timer_id from timers
         where due_at <= $1::timestamptz and (claimed_until is null or claimed_until < $1::timestamptz)
         order by due_at
         limit $3
         for update skip locked)
       returning conversation_id, timer_id, due_at`,
      [
        new Date(now).toISOString(),
        String(this.deps.leaseMs ?? 30_000),
        this.deps.batchSize ?? 200,
      ],
    );
    for (const timer of due) {
      try {
        await this.deps.runtime.dispatch(
          timer.conversation_id,
          { type: 'timer.fired', timerId: timer.timer_id },
          { dedupKey: `timer:${timer.conversation_id}:${timer.timer_id}`, actor: 'timer' },
        );
        this.deps.onFired?.(now - new Date(timer.due_at).getTime());
      } catch (error) {
        this.deps.onError?.(error, {
          conversationId: timer.conversation_id,
          timerId: timer.timer_id,
        });
      }
    }
    return due.length;
  }

  /** Timers due now and not yet fired (for /metrics). */
  async depth(): Promise<number> {
    const [row] = await this.deps.database.rows<{ n: number }>(
      'select count(*)::int as n from timers where due_at <= $1::timestamptz',
      [new Date(this.now()).toISOString()],
    );
    return row?.n ?? 0;
  }
}
