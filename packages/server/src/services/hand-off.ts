import type { HandedRow, SentRows } from './persist-step.js';

/**
 * This process's delivery, taking outbox rows straight from the statement that committed them (no
 * claim statement for them). The runtime asks what the process holds of a conversation before
 * writing a step; the statement hands the step's rows off only when nothing else of the
 * conversation is pending, so the conversation's order holds.
 */
export interface HandOff {
  /** How long a handed row is this process's before another may claim it (a crash lets go). */
  readonly leaseMs: number;
  /**
   * The conversation's pending rows this process holds, and the delivery epoch they were read at
   * (it moves on when a delivery fails: rows handed off against an older view are released).
   */
  holding(conversationId: string): { own: string[]; epoch: number };
  /** Rows just committed already claimed: delivered after those held, in order. */
  take(rows: readonly HandedRow[], epoch: number): void;
  /**
   * Delivered rows waiting to be marked sent, for the step statement about to go to carry; it
   * calls `settled` once it has committed, or failed (the rows are then marked by a statement of
   * their own). Null when none waits.
   */
  takeSent(): { sent: SentRows; settled: (isCommitted: boolean) => void } | null;
}
