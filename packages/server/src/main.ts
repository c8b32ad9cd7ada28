import { join } from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { loggerOptions } from './logging.js';
import { createCore } from './core.js';
import { demoBanner } from './demo/demo-banner.js';
import { demoPorts, startDemoSimulators } from './demo/demo-simulators.js';
import { connectDemoCallbacks, seedDemo } from './demo/seed-demo.js';
import { placePgliteCpu } from './db/adaptive-placement.js';
import { openDatabase } from './db/database.js';
import { runMigrations } from './db/migrate.js';
import { loadSecretKey } from './services/secret-box.js';
import { seedExamples } from './services/seed-examples.js';
import { UserService } from './services/users.js';
import { Workers } from './services/workers.js';

const started = Date.now();
const config = loadConfig();
const database = await openDatabase(
  config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: join(config.DATA_DIR, 'pglite') },
);
await runMigrations(database);
const core = createCore({ database, secretKey: loadSecretKey(config.SECRET_KEY, config.DATA_DIR) });
const users = new UserService(database.db);
const firstAdmin = await users.ensureFirstAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
const seeded = await seedExamples(core);
const simulators = config.SIMULATORS
  ? await startDemoSimulators(demoPorts(config.SIMULATOR_PORT_BASE)).catch((error: unknown) => {
      throw new Error('the demo simulators could not start (SIMULATORS=off runs without them)', {
        cause: error,
      });
    })
  : null;
const demo = simulators ? await seedDemo(core, simulators, seeded?.flowIds ?? null) : null;
const app = await buildApp({
  core,
  users,
  ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
  logger: loggerOptions(config.LOG_LEVEL),
});
const placement = await placePgliteCpu(config.PGLITE_CPU, database, core.metrics.stepLoad, {
  onMove: (move) => app.log.debug(move, 'PGlite thread moved'),
});
if (placement.said) app.log[placement.said.level](placement.said.detail, placement.said.message);
const workers = new Workers(core, config.WORKER_POLL_MS, (error) =>
  app.log.error({ err: error }, 'worker round failed'),
);
// Nothing is served without the database: exit, for the supervisor to start a process that opens
// it again (every event and timer is in its rows; see the crash test).
void database.lost.then((error) => {
  app.log.fatal({ err: error }, 'the database is gone: exiting');
  process.exit(1);
});
core.runtime.onOutbound = () => workers.wake();
core.wakeSync = () => workers.wakeSync();
if (config.WORKERS) workers.start();

await app.listen({ host: config.HOST, port: config.PORT });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
const base =
  config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
const lines = [
  `attendflow is ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${database.kind === 'pglite' ? `the embedded database (${config.DATA_DIR})` : 'PostgreSQL'}`,
  `  listening  ${base}`,
  `  API docs   ${base}/docs`,
  `  health     ${base}/health`,
];
if (seeded)
  lines.push(
    `  seeded the example flows and a web-chat connection (${seeded.webChatConnectionId})`,
  );
if (simulators && demo) {
  connectDemoCallbacks(simulators, demo.connections, base);
  lines.push(...demoBanner(simulators.urls));
}
if (firstAdmin)
  lines.push(
    `  sign in    POST ${base}/api/auth/login  {"email":"${firstAdmin.email}","password":"${firstAdmin.password}"}`,
  );
process.stdout.write(`${lines.join('\n')}\n`);

let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: no new requests, finishing work in flight');
  await app.close();
  await workers.stop();
  await placement.stop();
  await simulators?.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
