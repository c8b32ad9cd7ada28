import { setImmediate as nextTurn, setTimeout as nextTry } from 'node:timers/promises';
import type { HandOff } from './hand-off.js';
import { Deadlines, type OutboxWorker } from './outbox-worker.js';

/** What the hand-off needs of the outbox worker: the same delivery and settling as its rounds. */
export type DeliverySteps = Pick<
  OutboxWorker,
  'deliverOne' | 'settle' | 'settleSent' | 'release' | 'sentOf' | 'sentCommitted'
>;
import type { OutboxRow } from './outbox-row.js';
import type { SentRows } from './persist-step.js';

/** Tries at marking delivered rows sent, and the pause before the second (doubled after each). */
const settleAttempts = 6;
const settleFirstPauseMs = 50;

/** One conversation's rows this process holds: delivered one after another, in order. */
interface Lane {
  queue: OutboxRow[];
  /** Delivered, not yet marked sent: still pending in the database, still ours. */
  unsettled: Set<string>;
  isRunning: boolean;
}

/**
 * Delivers the rows a step's statement handed straight to this process (inserted already claimed,
 * see `persist-step`), so they cost no claim statement: each conversation's rows in order, after
 * whatever of it this process already holds, conversations side by side; the sent rows of all
 * conversations are marked in one statement at a time (what arrives meanwhile goes in the next).
 * A failed delivery takes the claim-and-retry path: the row is settled as the outbox worker
 * settles any failure, the rows behind it are released to the queue, and the epoch moves on so a
 * hand-off decided against the old view is released too.
 */
export class HandedDelivery implements HandOff {
  private readonly lanes = new Map<string, Lane>();
  private epoch = 0;
  private toSettle: Array<{ row: OutboxRow; lane: Lane }> = [];
  private settling: Promise<void> | null = null;
  private lingering: ReturnType<typeof setTimeout> | null = null;
  /** Taken by step statements not yet ended. */
  private readonly carried = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private readonly deadlines: Deadlines;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly outbox: DeliverySteps,
    readonly leaseMs: number,
    deliveryTimeoutMs: number,
    private readonly onError: (error: unknown) => void,
    /** How long delivered rows wait for a step statement to carry them. */
    private readonly settleLingerMs = 20,
  ) {
    this.deadlines = new Deadlines(this.abort.signal, deliveryTimeoutMs);
  }

  holding(conversationId: string): { own: string[]; epoch: number } {
    const lane = this.lanes.get(conversationId);
    const own = lane ? [...lane.unsettled, ...lane.queue.map((row) => row.id)] : [];
    return { own, epoch: this.epoch };
  }

  take(rows: readonly OutboxRow[], epoch: number): void {
    if (rows.length === 0) return;
    if (epoch !== this.epoch) {
      // A delivery failed while the step was being written: back to the queue, in order.
      this.track(this.outbox.release([...rows]));
      return;
    }
    for (const row of rows) {
      let lane = this.lanes.get(row.conversation_id);
      if (!lane) {
        lane = { queue: [], unsettled: new Set(), isRunning: false };
        this.lanes.set(row.conversation_id, lane);
      }
      lane.queue.push(row);
      if (lane.isRunning) continue;
      // The rows count as this process's at once (the conversation's next step sees them in
      // `holding`), and their delivery starts on the next turn of the event loop: after the answer
      // to whatever request made the step is written, which then does not wait for it.
      lane.isRunning = true;
      const conversationId = row.conversation_id;
      this.track(nextTurn().then(() => this.run(conversationId, lane)));
    }
  }

  takeSent(): { sent: SentRows; settled: (isCommitted: boolean) => void } | null {
    if (this.toSettle.length === 0) return null;
    const batch = this.toSettle;
    this.toSettle = [];
    // Nothing waits now: the next delivered row gets a linger of its own.
    if (this.lingering) clearTimeout(this.lingering);
    this.lingering = null;
    const prepared = this.outbox.sentOf(batch.map((entry) => entry.row));
    let end: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.carried.add(ended);
    return {
      sent: prepared.sent,
      settled: (isCommitted) => {
        this.carried.delete(ended);
        end();
        if (!isCommitted) {
          // Marked by a statement of their own, at once.
          this.toSettle.push(...batch);
          this.settleNow();
          return;
        }
        this.outbox.sentCommitted(prepared);
        this.forgetSettled(batch);
      },
    };
  }

  /** Waits for every held row to be delivered and settled (graceful shutdown). */
  async idle(): Promise<void> {
    while (
      this.running.size > 0 ||
      this.settling ||
      this.carried.size > 0 ||
      this.toSettle.length > 0
    ) {
      this.settleNow();
      await Promise.all([...this.running, this.settling, ...this.carried]);
    }
  }

  /** Cuts deliveries in flight short (after {@link idle} had its chance). */
  close(): void {
    this.abort.abort();
    this.deadlines.close();
    if (this.lingering) clearTimeout(this.lingering);
    this.lingering = null;
  }

  /** Delivers the lane's rows in order; `take` marked it running when it scheduled this. */
  private async run(conversationId: string, lane: Lane): Promise<void> {
    try {
      for (let row = lane.queue[0]; row !== undefined; row = lane.queue[0]) {
        const result = await this.outbox.deliverOne(row, this.deadlines);
        lane.queue.shift();
        if (result.ok) {
          lane.unsettled.add(row.id);
          this.settleLater(row, lane);
          continue;
        }
        this.epoch++;
        const behind = lane.queue.splice(0);
        await this.outbox.settle(row, result);
        await this.outbox.release(behind);
      }
    } finally {
      lane.isRunning = false;
      this.forgetIfDone(conversationId, lane);
    }
  }

  private settleLater(row: OutboxRow, lane: Lane): void {
    this.toSettle.push({ row, lane });
    this.lingering ??= setTimeout(() => {
      this.lingering = null;
      this.settleNow();
    }, this.settleLingerMs);
  }

  /** A statement of their own for the delivered rows waiting, unless one is on its way. */
  private settleNow(): void {
    if (this.lingering) clearTimeout(this.lingering);
    this.lingering = null;
    if (!this.settling && this.toSettle.length > 0) this.settling = this.settle();
  }

  /** One statement at a time for every delivered row waiting, until none waits. */
  private async settle(): Promise<void> {
    try {
      while (this.toSettle.length > 0) {
        const batch = this.toSettle;
        this.toSettle = [];
        await this.settleBatch(batch.map((entry) => entry.row));
        this.forgetSettled(batch);
      }
    } finally {
      this.settling = null;
    }
  }

  /**
   * Marks delivered rows sent; a failure (the connection cut, the database restarting) is tried
   * again after 50, 100, 200, 400 and 800 ms. After the last try the rows are left claimed: the
   * lease runs out and a claim delivers them again (same idempotency key), as before a blip did.
   */
  private async settleBatch(rows: readonly OutboxRow[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.outbox.settleSent(rows);
        return;
      } catch (error) {
        if (attempt >= settleAttempts || this.abort.signal.aborted) return this.onError(error);
        await nextTry(settleFirstPauseMs * 2 ** (attempt - 1));
      }
    }
  }

  private forgetSettled(batch: ReadonlyArray<{ row: OutboxRow; lane: Lane }>): void {
    for (const { row, lane } of batch) {
      lane.unsettled.delete(row.id);
      this.forgetIfDone(row.conversation_id, lane);
    }
  }

  private forgetIfDone(conversationId: string, lane: Lane): void {
    if (lane.isRunning || lane.queue.length > 0 || lane.unsettled.size > 0) return;
    if (this.lanes.get(conversationId) === lane) this.lanes.delete(conversationId);
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch(this.onError).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}
