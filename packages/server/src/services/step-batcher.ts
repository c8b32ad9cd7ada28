import type { Db } from '../db/database.js';
import { MicroBatcher } from './micro-batcher.js';
import type { HandOff } from './hand-off.js';
import { persistSteps, type AppliedStep, type HandedRow } from './persist-step.js';

/** Group commit of steps: resolves with a step's handed rows if it was written, else null. */
export type StepBatcher = MicroBatcher<AppliedStep, HandedRow[] | null>;

/**
 * Group commit for steps computed from cached state: the steps waiting while a statement is in
 * flight go together as one statement (`persistSteps`), each still atomic on its own (its guard
 * decides for it alone); a statement one step failed (say, a dedup key another process wrote a
 * moment ago) goes again step by step. Each statement also carries the delivered rows the
 * hand-off has waiting to be marked sent (`takeSent`). The caller keeps at most one step per
 * conversation in flight, as the statement requires.
 */
export function createStepBatcher(
  db: Db,
  maxInFlight: number,
  takeSent: () => ReturnType<HandOff['takeSent']>,
  /** Called with each statement's time from sent to committed, ms (for /metrics). */
  onWrite?: (ms: number) => void,
): StepBatcher {
  return new MicroBatcher(async (steps) => {
    const carried = takeSent();
    let written;
    try {
      const began = performance.now();
      written = await persistSteps(db, steps, carried?.sent ?? null);
      onWrite?.(performance.now() - began);
    } catch (error) {
      carried?.settled(false);
      throw error;
    }
    carried?.settled(true);
    return steps.map((step) => written.get(step.row.id) ?? null);
  }, maxInFlight);
}
