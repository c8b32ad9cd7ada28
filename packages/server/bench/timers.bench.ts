/**
 * `pnpm bench` (server), second part: a burst of timers due at the same minute. N conversations
 * wait for the customer with their timeout armed (bulk-inserted copies of one real conversation);
 * the timer worker drains them, each firing a real engine step (timeout → goodbye message →
 * outbox row) in its own transaction. In the same run, the baseline: a minimal claim + delete loop
 * in SQL over the same number of rows, with the same batch size.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createCore } from '../src/core.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { TimerWorker } from '../src/services/timer-worker.js';
import { seedConnection, apiSettings } from '../src/testing/seed.js';
import { crashFlow } from '../src/testing/traffic.js';
import { placeAsStarted } from './placement.js';

const batchSize = 500;

interface Figure {
  backend: string;
  timers: number;
  seconds: number;
  baselineSeconds: number;
}

/** N conversations parked in wait-for-customer, each with its timeout due within the last minute. */
async function seedWaiting(database: Database, count: number): Promise<void> {
  const core = createCore({ database, secretKey: randomBytes(32) });
  const { connectionId } = await seedConnection(database.db, core.connections, {
    type: 'api',
    flow: crashFlow(),
    settings: apiSettings('http://127.0.0.1:9/unused', 5_000),
  });
  const [opened] = await core.runtime.ingest(connectionId, {
    externalId: 'template',
    start: { customer: { name: 'Ana', fields: {} }, metadata: {} },
  });
  const [timer] = await database.rows<{ timer_id: string }>('select timer_id from timers');
  if (!opened || !timer) throw new Error('the template conversation armed no timer');
  await database.rows(
    `insert into conversations (connection_id, channel, external_id, flow_version_id, status, flow_state, customer, snapshot, version)
     select c.connection_id, c.channel, 'burst-' || g, c.flow_version_id, c.status, c.flow_state, c.customer, c.snapshot, c.version
     from conversations c, generate_series(1, $2::int) g where c.id = $1`,
    [opened.conversationId, count],
  );
  await database.rows('delete from timers');
  await database.rows(
    `insert into timers (conversation_id, timer_id, due_at)
     select id, $1, date_trunc('minute', now()) - interval '1 minute' + (random() * interval '59 seconds')
     from conversations where external_id like 'burst-%'`,
    [timer.timer_id],
  );
  await database.rows('analyze');
}

async function countOf(database: Database, query: string): Promise<number> {
  const [row] = await database.rows<{ n: number }>(query);
  return Number(row?.n ?? 0);
}

async function measure(database: Database, name: string, count: number): Promise<Figure> {
  await seedWaiting(database, count);
  const core = createCore({ database, secretKey: randomBytes(32) });
  let failed = 0;
  const worker = new TimerWorker({
    database,
    runtime: core.runtime,
    batchSize,
    onError: () => failed++,
  });
  // As `pnpm start` places PGlite's thread (PGLITE_CPU); nothing on PostgreSQL.
  const unplace = await placeAsStarted(database, core.metrics.stepLoad);
  const began = performance.now();
  const fired = await worker.drain().finally(unplace);
  const seconds = (performance.now() - began) / 1000;
  const events = await countOf(
    database,
    `select count(*) n from events where type = 'timer.fired'`,
  );
  const left = await countOf(database, 'select count(*) n from timers');
  // One table each: the statistics are from before the drain, a join could be planned badly.
  const goodbyes = await countOf(
    database,
    `select count(*) n from outbox where payload->>'text' = 'bye'`,
  );
  if (fired !== count || events !== count || left !== 0 || goodbyes !== count || failed !== 0)
    throw new Error(
      `${name}: claimed ${fired}, fired ${events}, goodbyes ${goodbyes}, left ${left}, failed ${failed} of ${count}`,
    );

  // Baseline: the same number of due rows, claimed and deleted in batches, nothing else.
  await database.rows(
    `insert into timers (conversation_id, timer_id, due_at)
     select id, 'baseline', now() - interval '1 second' from conversations where external_id like 'burst-%'`,
  );
  await database.rows('analyze timers');
  const baselineBegan = performance.now();
  for (;;) {
    const claimed = await database.rows(
      `delete from timers where (conversation_id, timer_id) in (
         select conversation_id, timer_id from timers where due_at <= now()
         order by due_at limit $1 for update skip locked)
       returning conversation_id`,
      [batchSize],
    );
    if (claimed.length === 0) break;
  }
  const baselineSeconds = (performance.now() - baselineBegan) / 1000;
  return { backend: name, timers: count, seconds, baselineSeconds };
}

async function bench(name: 'pglite' | 'postgres', count: number): Promise<Figure> {
  if (name === 'pglite') {
    const database = await openDatabase({ memory: true });
    await runMigrations(database);
    try {
      return await measure(database, name, count);
    } finally {
      await database.close();
    }
  }
  const admin = postgres(process.env['DATABASE_URL'] ?? '', { max: 1, onnotice: () => undefined });
  const db = `af_bench_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database ${db}`);
  const url = new URL(process.env['DATABASE_URL'] ?? '');
  url.pathname = `/${db}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await runMigrations(database);
    return await measure(database, name, count);
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists ${db} with (force)`);
    await admin.end();
  }
}

const postgresCount = Number(process.env['BENCH_TIMERS'] ?? 100_000);
const pgliteCount = Number(process.env['BENCH_TIMERS_PGLITE'] ?? 100_000);
const figures: Figure[] = [await bench('pglite', pgliteCount)];
if (process.env['DATABASE_URL']) figures.push(await bench('postgres', postgresCount));
console.log(
  `timers: a burst due at the same minute, each firing a real step (timeout → goodbye → outbox); claimed ${batchSize} at a time`,
);
console.log('backend    timers  drain s  timers/s  baseline s  baseline/s  ratio');
for (const f of figures) {
  console.log(
    `${f.backend.padEnd(9)} ${String(f.timers).padStart(7)} ${f.seconds.toFixed(1).padStart(8)} ${(f.timers / f.seconds).toFixed(0).padStart(9)} ${f.baselineSeconds.toFixed(2).padStart(11)} ${(f.timers / f.baselineSeconds).toFixed(0).padStart(11)} ${(f.baselineSeconds / f.seconds).toFixed(2).padStart(6)}`,
  );
}
process.exit(0);
