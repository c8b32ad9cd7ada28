import { loadConfig } from '../src/config.js';
import { placePglite } from '../src/db/cpu-affinity.js';
import type { Database } from '../src/db/database.js';

/**
 * PGlite's thread placed as `pnpm start` places it (`PGLITE_CPU`, default shared), a failure said on
 * stderr. Returns what puts the threads back where they were, for the next backend's run.
 */
export function placeAsStarted(database: Database): () => void {
  if (loadConfig().PGLITE_CPU !== 'shared') return () => undefined;
  const placement = placePglite(database);
  if (placement && 'reason' in placement)
    console.error(`PGlite thread left on any CPU: ${placement.reason}`);
  return placement && 'undo' in placement ? placement.undo : () => undefined;
}
