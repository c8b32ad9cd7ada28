import { loadConfig } from '../src/config.js';
import { placePgliteCpu, type StepLoad } from '../src/db/adaptive-placement.js';
import type { Database } from '../src/db/database.js';

/**
 * PGlite's thread placed as `pnpm start` places it (`PGLITE_CPU`, default adaptive), a failure
 * said on stderr. Returns what puts the threads back where they were, for the next backend's run.
 */
export async function placeAsStarted(
  database: Database,
  readLoad: () => StepLoad,
): Promise<() => Promise<void>> {
  const placement = await placePgliteCpu(loadConfig().PGLITE_CPU, database, readLoad);
  if (placement.said?.level === 'warn')
    console.error(`${placement.said.message}: ${String(placement.said.detail['reason'])}`);
  return placement.stop;
}
