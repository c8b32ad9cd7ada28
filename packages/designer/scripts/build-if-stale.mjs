// Builds the designer when `dist/web` is missing or was built from other sources. A content hash
// (not mtimes) decides, so a fresh clone, a checkout or an edit in the engine or the node
// definitions (both bundled into the designer) all trigger exactly one rebuild.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const designer = fileURLToPath(new URL('..', import.meta.url));
const root = join(designer, '..', '..');
const stampFile = join(designer, 'dist', 'web', '.build-stamp');
const inputs = [
  'packages/designer/index.html',
  'packages/designer/vite.config.ts',
  'packages/designer/package.json',
  'packages/designer/scripts/build-if-stale.mjs',
  'packages/designer/public',
  'packages/designer/src',
  'packages/engine/src',
  'packages/nodes/src',
  'pnpm-lock.yaml',
];
const isTest = (name) => /\.test(-d)?\.tsx?$/.test(name) || name === 'fixtures';

function* filesOf(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (!isTest(entry)) yield* filesOf(join(path, entry));
  }
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of filesOf(join(root, input))) {
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

const wanted = sourceHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (built === wanted && existsSync(join(designer, 'dist', 'web', 'index.html'))) process.exit(0);

process.stdout.write('building the designer (sources changed since the last build)…\n');
// Always React's production build: started from vitest (the browser tests' global setup) the
// inherited NODE_ENV=test would make Vite bundle React's development build, several times slower.
const result = spawnSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], {
  cwd: designer,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stampFile, `${wanted}\n`);
