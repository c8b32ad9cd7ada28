import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the designer (only if its sources changed) before the browser tests serve it. */
export default function setup(): void {
  const script = fileURLToPath(new URL('../scripts/build-if-stale.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`building the designer failed (${result.status})`);
}
