import { loadConfig } from '../src/config.js';
import { allowCpus, allowedCpus, ownThreadId, placePglite } from '../src/db/cpu-affinity.js';
import type { Database } from '../src/db/database.js';

/**
 * PGlite's thread placed as `pnpm start` places it (`PGLITE_CPU`, default shared), a failure said on
 * stderr. Returns what puts this thread back where it was, for the next backend's run.
 */
export function placeAsStarted(database: Database): () => void {
  const own = ownThreadId();
  const before = own === null ? null : allowedCpus(own);
  if (loadConfig().PGLITE_CPU !== 'shared') return () => undefined;
  const placement = placePglite(database);
  if (placement && 'reason' in placement)
    console.error(`PGlite thread left on any CPU: ${placement.reason}`);
  if (!placement || !('cpu' in placement) || own === null || before === null)
    return () => undefined;
  return () => allowCpus(own, before);
}
