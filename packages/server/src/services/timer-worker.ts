import type { Database } from '../db/database.js';
import type { ConversationRuntime } from './conversation-runtime.js';

/** What the timer worker needs. */
export interface TimerWorkerDeps {
  database: Database;
  runtime: ConversationRuntime;
  now?: () => number;
  /** Timers claimed per statement. */
  batchSize?: number;
  /** Timers of one batch fired at the same time (each step atomic; written in groups). */
  concurrency?: number;
  leaseMs?: number;
  /** Called with how late each timer fired (ms), for /metrics. */
  onFired?: (lagMs: number) => void;
  onError?: (error: unknown, timer: { conversationId: string; timerId: string }) => void;
}

interface DueTimer {
  conversation_id: string;
  timer_id: string;
  due_at: Date | string;
}

/** A claimed batch, with the time it was claimed at (each timer's lag is counted from it). */
interface Batch {
  due: DueTimer[];
  now: number;
}

/**
 * Fires due timers: claims them in batches with `FOR UPDATE SKIP LOCKED` under a lease (a crashed
 * process's claims expire and are taken over) and feeds each back as `timer.fired`. The event's
 * transaction deletes the timer row, and its dedup key makes a second firing a no-op, so each due
 * timer fires exactly once; the engine ignores one whose node was already left.
 */
export class TimerWorker {
  private readonly now: () => number;
  private readonly batchSize: number;
  constructor(private readonly deps: TimerWorkerDeps) {
    this.now = deps.now ?? Date.now;
    this.batchSize = deps.batchSize ?? 500;
  }

  /**
   * Claims one batch and fires it, several at a time: a batch holds one row per (conversation,
   * timer), and the runtime's row lock serialises two timers of the same conversation. Returns how
   * many were claimed.
   */
  async runOnce(): Promise<number> {
    const batch = await this.claimBatch();
    await this.fire(batch);
    return batch.due.length;
  }

  /**
   * Fires batches while they come back full (a burst of due timers); returns how many fired. Two
   * batches are in flight: while one's steps are being written, the next one's are computed (the
   * statements run in the database while the engine steps run here), and the batch after them is
   * claimed (its conversations loaded) once the first has ended. A batch claimed when a stop
   * comes is still fired (it is this process's, under a lease); none is claimed after it. A claim
   * that fails ends the drain once the batches in flight have fired.
   */
  async drain(isStopped: () => boolean = () => false): Promise<number> {
    let total = 0;
    const firing: Promise<void>[] = [];
    try {
      for (let isLast = false; !isLast;) {
        const batch = await this.claimBatch();
        total += batch.due.length;
        isLast = batch.due.length < this.batchSize;
        firing.push(this.fire(batch));
        if (firing.length === 2) await firing.shift();
        isLast ||= isStopped();
      }
    } finally {
      await Promise.all(firing);
    }
    return total;
  }

  /** Timers due now and not yet fired (for /metrics). */
  async depth(): Promise<number> {
    const [row] = await this.deps.database.rows<{ n: number }>(
      'select count(*)::int as n from timers where due_at <= $1::timestamptz',
      [new Date(this.now()).toISOString()],
    );
    return row?.n ?? 0;
  }

  /** One batch claimed, its conversations loaded into the runtime's cache (one query). */
  private async claimBatch(): Promise<Batch> {
    const now = this.now();
    const due = await this.claim(now);
    if (due.length > 1) await this.deps.runtime.warm(due.map((timer) => timer.conversation_id));
    return { due, now };
  }

  /** Fires a claimed batch, its timers side by side (each firing then one statement's share). */
  private async fire({ due, now }: Batch): Promise<void> {
    let next = 0;
    const fireNext = async (): Promise<void> => {
      for (let timer = due[next++]; timer !== undefined; timer = due[next++])
        await this.fireOne(timer, now);
    };
    const lanes = Math.min(due.length, this.deps.concurrency ?? defaultConcurrency(this.deps));
    await Promise.all(Array.from({ length: lanes }, fireNext));
  }

  private claim(now: number): Promise<DueTimer[]> {
    return this.deps.database.rows<DueTimer>(
      `update timers set claimed_until = $1::timestamptz + ($2 || ' milliseconds')::interval
       where (conversation_id, timer_id) in (
         select conversation_id, timer_id from timers
         where due_at <= $1::timestamptz and (claimed_until is null or claimed_until < $1::timestamptz)
         order by due_at
         limit $3
         for update skip locked)
       returning conversation_id, timer_id, due_at`,
      [new Date(now).toISOString(), String(this.deps.leaseMs ?? 30_000), this.batchSize],
    );
  }

  private async fireOne(timer: DueTimer, now: number): Promise<void> {
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
}

/**
 * The whole batch at once: the runtime's group commit writes the steps that wait for a statement
 * together, and serialises two timers of one conversation.
 */
function defaultConcurrency(deps: TimerWorkerDeps): number {
  return deps.batchSize ?? 500;
}
