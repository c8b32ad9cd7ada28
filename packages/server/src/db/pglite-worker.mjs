// The thread PGlite runs in (see pglite-remote.ts). The host is TypeScript: loaded through tsx,
// which runs the server (`pnpm start`), whether or not this thread inherited its loader.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { hostPglite } = await tsImport('./pglite-host.ts', import.meta.url);
const threadId = await hostPglite(parentPort, workerData);
parentPort.postMessage({ ready: true, threadId });
