import type { Db } from '../db/database.js';
import { persistSteps, type AppliedStep, type HandedRow } from './persist-step.js';

interface Pending {
  step: AppliedStep;
  /** The handed rows when written, null when not. */
  resolve: (written: HandedRow[] | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for steps computed from cached state: a step submitted while the database is busy
 * waits for the statement in flight and then goes with every other step that arrived meanwhile,
 * as one statement (one round trip, one commit). Each step stays atomic on its own (its guard
 * decides for it alone); an idle system writes a step at once. The caller keeps at most one step
 * per conversation in flight, as the statement requires.
 */
export class StepBatcher {
  private queue: Pending[] = [];
  private inFlight = 0;
  private isScheduled = false;

  constructor(
    private readonly db: Db,
    /** Statements in flight at once (PGlite runs one at a time). */
    private readonly maxInFlight: number,
    private readonly maxSteps = 500,
  ) {}

  /** The step's handed rows if it was written; null: its row moved on or its dedup key was applied. */
  submit(step: AppliedStep): Promise<HandedRow[] | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ step, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.isScheduled || this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    this.isScheduled = true;
    // After the requests already read from their sockets reach here: on PGlite a statement blocks
    // the thread, so requests arrive in a burst after it, and they share the next statement.
    setImmediate(() => {
      this.isScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    const group = this.queue.splice(0, this.maxSteps);
    this.inFlight++;
    try {
      await this.write(group);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }

  private async write(group: Pending[]): Promise<void> {
    try {
      const written = await persistSteps(
        this.db,
        group.map((pending) => pending.step),
      );
      for (const pending of group) pending.resolve(written.get(pending.step.row.id) ?? null);
      return;
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
    }
    // One step failed the whole statement (say, a dedup key another process wrote a moment ago):
    // each goes again on its own, so only that one fails.
    await Promise.all(
      group.map(async (pending) => {
        try {
          const written = await persistSteps(this.db, [pending.step]);
          pending.resolve(written.get(pending.step.row.id) ?? null);
        } catch (error) {
          pending.reject(error);
        }
      }),
    );
  }
}
