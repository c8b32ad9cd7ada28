/**
 * `pnpm bench` (server): inbound events per second end to end — HTTP webhook → engine → committed →
 * outbox delivered to a local sink — with 1, 10 and 100 concurrent conversations, p50 / p99 webhook
 * latency, on PGlite and (when DATABASE_URL is set) PostgreSQL. In the same run, the ceiling: the
 * same writes per message as one SQL statement, with nothing else, in rounds taking turns with
 * ours in the same process (a noisy machine slows both alike). Our rate is printed as a ratio of
 * that ceiling.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { buildApp } from '../src/app.js';
import { loggerOptions } from '../src/logging.js';
import { createCore } from '../src/core.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { preparePglite } from '../src/db/pglite-prepared.js';
import { runMigrations } from '../src/db/migrate.js';
import { runUpkeep } from '../src/services/pglite-upkeep.js';
import { Workers } from '../src/services/workers.js';
import { UserService } from '../src/services/users.js';
import { seedConnection, apiSettings } from '../src/testing/seed.js';
import { crashFlow, waitUntil, type PlannedMessage } from '../src/testing/traffic.js';
import { cpuMeter, type CpuUse } from './cpu-meter.js';
import { seedHistory } from './history.js';
import { placeAsStarted } from './placement.js';
import { startTraffic, type Round } from './traffic.js';

const messagesTotal = Number(process.env['BENCH_MESSAGES'] ?? 2_000);
const levels = (process.env['BENCH_LEVELS'] ?? '1,10,100').split(',').map(Number);
/** BENCH_CEILING=off leaves the ceiling out (to profile ours alone): its columns read 0. */
const withCeiling = process.env['BENCH_CEILING'] !== 'off';
/**
 * Open-loop rounds after the closed-loop levels, at these fractions of the backend's best closed-loop
 * rate (BENCH_PACED=off: none), each BENCH_PACED_SECONDS long over BENCH_PACED_CONVERSATIONS.
 */
const pacedFractions =
  process.env['BENCH_PACED'] === 'off'
    ? []
    : (process.env['BENCH_PACED'] ?? '0.5,0.8,1').split(',').map(Number);
const pacedSeconds = Number(process.env['BENCH_PACED_SECONDS'] ?? 3);
const pacedConversations = Number(process.env['BENCH_PACED_CONVERSATIONS'] ?? 200);
/**
 * Messages sent at 10 and 100 conversations, ours and the ceiling's, before the first measured
 * round and not counted (0: none): the first level would otherwise pay for the JIT compiling both (the
 * server's CPU per message fell by half over the first few thousand messages, measured).
 */
const warmupMessages = Number(process.env['BENCH_WARMUP'] ?? 2_000);
/** Closed conversations in the database before the first round (see `seedHistory`); 0: none. */
const historyCount = Number(process.env['BENCH_HISTORY'] ?? 10_000);
/** Ours and the ceiling take turns, each round half the messages: load from elsewhere hits both. */
const rounds = 2;

/** An open-loop round: webhooks offered on a schedule, what went through, latency from schedule. */
interface PacedFigure {
  backend: string;
  fraction: number;
  offered: number;
  rate: number;
  p50: number;
  p99: number;
  /** Inside the server: from the request's arrival to its answer written. */
  serverP99: number;
  /** Step statements (group commits) that took over 100 ms from sent to committed. */
  slowWrites: number;
  writes: number;
}

/** One of our rounds, with what its time was made of inside the server. */
interface OursRound extends Round {
  /** Each webhook's time inside the server (arrival to answer written), ms. */
  inServer: number[];
  /** Step statements written in the round, and their time from sent to committed, summed (s). */
  statements: number;
  statementSeconds: number;
  /** Step statements that took over 100 ms from sent to committed. */
  slowStatements: number;
}

/** Means over a level's rounds: what a message's time is made of inside the server. */
interface Inside {
  /** A webhook from its arrival to its answer written, ms. */
  serverMs: number;
  /** A step statement from sent to committed, ms. */
  writeMs: number;
  /** Messages per step statement. */
  perWrite: number;
}

interface Figure {
  backend: string;
  concurrency: number;
  rate: number;
  p50: number;
  p99: number;
  ceiling: number;
  inside: Inside;
  /** CPU per message, µs, by process: ours, then the ceiling's (its client is this process). */
  cpu?: { ours: CpuUse; ceiling: CpuUse };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

/** Messages per second over some rounds (0 for none). */
const rate = (list: Round[]) =>
  list.length === 0
    ? 0
    : list.reduce((sum, x) => sum + x.count, 0) / list.reduce((sum, x) => sum + x.seconds, 0);

const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, x) => sum + x, 0) / values.length;

function insideOf(list: OursRound[]): Inside {
  const messages = list.reduce((sum, x) => sum + x.count, 0);
  const statements = list.reduce((sum, x) => sum + x.statements, 0);
  const seconds = list.reduce((sum, x) => sum + x.statementSeconds, 0);
  return {
    serverMs: mean(list.flatMap((x) => x.inServer)),
    writeMs: statements === 0 ? 0 : (seconds * 1000) / statements,
    perWrite: statements === 0 ? 0 : messages / statements,
  };
}

/** Summed CPU of some rounds, in µs per message they carried. */
function perMessage(use: CpuUse[], list: Round[]): CpuUse {
  const messages = Math.max(
    1,
    list.reduce((sum, x) => sum + x.count, 0),
  );
  const each = (key: keyof CpuUse) => (use.reduce((sum, x) => sum + x[key], 0) * 1e6) / messages;
  return { server: each('server'), traffic: each('traffic'), postgres: each('postgres') };
}

function plan(
  concurrency: number,
  run: string,
  each = Math.max(1, Math.floor(messagesTotal / rounds / concurrency)),
): PlannedMessage[][] {
  return Array.from({ length: concurrency }, (_, c) =>
    Array.from({ length: each }, (_, m) => ({
      conversationId: `${run}-c${c}`,
      messageId: `${run}-c${c}-m${m}`,
      text: `hello ${m}`,
    })),
  );
}

/** The server with its workers and a sink, ready to take webhook rounds. */
async function startEngine(database: Database) {
  const traffic = await startTraffic();
  const core = createCore({ database, secretKey: randomBytes(32) });
  // As `pnpm start` places PGlite's thread (PGLITE_CPU, default adaptive); after the traffic
  // process is started, which would inherit the CPU.
  const unplace = await placeAsStarted(database, core.metrics.stepLoad);
  // Its logs as `pnpm start` writes them (one line per request), to nowhere.
  const app = await buildApp({
    core,
    users: new UserService(database.db),
    logger: loggerOptions('info', { file: '/dev/null' }),
  });
  // The poll period of a default configuration (deliveries are woken by commits, not the poll).
  const workers = new Workers(core, 250, (error) => console.error(error));
  core.runtime.onOutbound = () => workers.wake();
  workers.start();
  await app.listen({ host: '127.0.0.1', port: 0 });
  // Each webhook's time inside the server, for the open loop's tail: arrival to answer written.
  let serverLatencies: number[] = [];
  app.server.on('request', (_request, response) => {
    const began = performance.now();
    response.on('finish', () => serverLatencies.push(performance.now() - began));
  });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const flow = crashFlow();
  // Long waits: the bench measures messages, not timers.
  flow.nodes = flow.nodes.map((node) =>
    node.type === 'wait-for-customer'
      ? { ...node, settings: { timeout: { amount: 1, unit: 'days' } } }
      : node,
  );
  const { connectionId } = await seedConnection(database.db, core.connections, {
    type: 'api',
    flow,
    settings: apiSettings(traffic.sinkUrl, 5_000),
  });
  if (historyCount > 0) {
    // One real conversation of five messages, delivered, is the history's template.
    await traffic.round(url, connectionId, plan(1, 'template', 5));
    await waitUntil(async () => {
      const [row] = await database.rows<{ n: number }>(
        `select count(*)::int as n from outbox where state <> 'sent'`,
      );
      return row?.n === 0;
    }, 10_000);
    const [template] = await database.rows<{ id: string }>(
      `select id from conversations where external_id = 'template-c0'`,
    );
    if (!template) throw new Error('the history template conversation was not opened');
    await seedHistory(database, template.id, historyCount);
  }
  /** A round through the traffic process, with what the server saw of it (webhooks, statements). */
  const observed = async (send: () => Promise<Round>): Promise<OursRound> => {
    serverLatencies = [];
    const writes = core.metrics.stepWrites;
    const before = { count: writes.observed, seconds: writes.total, slow: writes.countAbove(0.1) };
    const result = await send();
    return {
      ...result,
      inServer: serverLatencies,
      statements: writes.observed - before.count,
      statementSeconds: writes.total - before.seconds,
      slowStatements: writes.countAbove(0.1) - before.slow,
    };
  };
  /** One round: every message sent, committed and delivered to the sink (timed by the traffic process). */
  const round = (concurrency: number, run: string, each?: number) =>
    observed(() => traffic.round(url, connectionId, plan(concurrency, run, each)));
  /** An open-loop round: `rate` webhooks a second for `pacedSeconds` over new conversations. */
  const paced = (rate: number, run: string) =>
    observed(() =>
      traffic.round(
        url,
        connectionId,
        plan(pacedConversations, run, Math.ceil((rate * pacedSeconds) / pacedConversations)),
        rate,
      ),
    );
  const stop = async () => {
    await app.close();
    await workers.stop();
    await unplace();
    await traffic.close();
  };
  return { round, paced, stop, meter: cpuMeter(traffic.pid) };
}

/**
 * What one message writes, in one statement: the conversation's snapshot and version, the event
 * (with its trace and effects), the inbound and the outbound message, the outbox row, the wait's
 * timer re-armed (the old one deleted, the new one inserted), and the previous message's delivery
 * marked sent with its message (ours marks it in the next step's statement, as here). The values
 * are a real message's (`CeilingSample`), so the ceiling writes the same bytes as ours. Its outbox
 * rows are due in a hundred years and its timers in a day: the server's workers, running beside
 * it, must not spend rounds on them.
 */
const ceilingStatement = `
  with c as (update conversations set version = version + 1, snapshot = $2::jsonb, updated_at = now() where id = $1 returning id, connection_id, version, flow_version_id),
  e as (insert into events (conversation_id, connection_id, seq, type, payload, dedup_key, flow_version_id, trace, effects)
        select id, connection_id, version, 'customer.message', $3::jsonb, $4, flow_version_id, $5::jsonb, $6::jsonb from c),
  i as (insert into messages (conversation_id, local_id, direction, author, text, state)
        select id, 'in' || version, 'inbound', 'customer', 'hello', 'received' from c),
  o as (insert into messages (conversation_id, local_id, direction, author, visibility, text, state)
        select id, 'm' || version, 'outbound', 'bot', 'public', 'got it', 'pending' from c returning id, conversation_id),
  q as (insert into outbox (conversation_id, connection_id, kind, message_id, payload, idempotency_key, next_attempt_at)
        select o.conversation_id, c.connection_id, 'message', o.id, $7::jsonb, $4 || ':out', now() + interval '100 years' from o, c),
  td as (delete from timers where conversation_id = $1),
  ta as (insert into timers (conversation_id, timer_id, due_at) select id, 't' || version, now() + interval '1 day' from c),
  ps as (update outbox set state = 'sent', sent_at = now(), claimed_until = null
        where conversation_id = $1 and state = 'pending' returning message_id),
  pm as (update messages set state = 'sent', sent_at = now() where id in (select message_id from ps))
  select 1`;

/** What one of our messages wrote (JSON texts), for the ceiling to write the same. */
interface CeilingSample {
  snapshot: string;
  payload: string;
  trace: string;
  effects: string;
  outbox: string;
}

/** The latest customer message our server wrote, with its conversation's snapshot and outbox row. */
async function sampleOf(database: Database): Promise<CeilingSample> {
  const [sample] = await database.rows<CeilingSample>(
    `select c.snapshot::text as snapshot, e.payload::text as payload, e.trace::text as trace,
       e.effects::text as effects, o.payload::text as outbox
     from events e join conversations c on c.id = e.conversation_id
       join outbox o on o.conversation_id = c.id and o.kind = 'message'
     where e.type = 'customer.message' order by e.created_at desc limit 1`,
  );
  if (!sample) throw new Error('the ceiling needs one of our messages written first');
  return sample;
}

/** Where the ceiling writes: raw statements, and the connection and version its conversations use. */
interface CeilingTarget {
  run: (query: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;
  connectionId: string;
  versionId: string;
  /** What to write: one of our messages, read once ours has run a round. */
  sample: () => Promise<CeilingSample>;
}

async function measureCeiling(
  target: CeilingTarget,
  name: string,
  concurrency: number,
  messages = messagesTotal / rounds,
): Promise<Round> {
  const { run } = target;
  const ids: string[] = [];
  for (let c = 0; c < concurrency; c++) {
    const [row] = await run(
      `insert into conversations (connection_id, channel, external_id, flow_version_id, customer, snapshot)
       values ($1, 'api', $2, $3, '{}'::jsonb, '{}'::jsonb) returning id`,
      [
        target.connectionId,
        `${name}-ceiling-${concurrency}-${c}-${randomBytes(3).toString('hex')}`,
        target.versionId,
      ],
    );
    if (row) ids.push(String(row['id']));
  }
  const each = Math.max(1, Math.floor(messages / concurrency));
  const { snapshot, payload, trace, effects, outbox } = await target.sample();
  const began = performance.now();
  await Promise.all(
    ids.map(async (id) => {
      for (let m = 0; m < each; m++) {
        await run(ceilingStatement, [id, snapshot, payload, `${id}-${m}`, trace, effects, outbox]);
      }
    }),
  );
  return { count: each * concurrency, seconds: (performance.now() - began) / 1000, latencies: [] };
}

async function bench(
  name: 'pglite' | 'postgres',
): Promise<{ figures: Figure[]; paced: PacedFigure[] }> {
  let database: Database;
  let run: CeilingTarget['run'];
  let cleanup: () => Promise<unknown>;
  if (name === 'postgres') {
    const admin = postgres(process.env['DATABASE_URL'] ?? '', {
      max: 1,
      onnotice: () => undefined,
    });
    const db = `af_bench_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`create database ${db}`);
    const url = new URL(process.env['DATABASE_URL'] ?? '');
    url.pathname = `/${db}`;
    database = await openDatabase({ url: url.toString() });
    const raw = postgres(url.toString(), { max: 10, onnotice: () => undefined });
    run = (query, params) => raw.unsafe(query, params as never[]);
    cleanup = async () => {
      await raw.end();
      await database.close();
      await admin.unsafe(`drop database if exists ${db} with (force)`);
      await admin.end();
    };
  } else {
    // BENCH_PGLITE_DIR=1: in a data directory, as `pnpm start` runs it (default: in memory).
    const dir = process.env['BENCH_PGLITE_DIR'] ? mkdtempSync(join(tmpdir(), 'af-bench-')) : null;
    database = await openDatabase(dir ? { dataDir: dir } : { memory: true });
    // Set below: a copy of the database in this thread, once the history is in it.
    run = () => Promise.reject(new Error('the ceiling has no database yet'));
    cleanup = async () => {
      await database.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    };
  }
  await runMigrations(database);
  const engine = await startEngine(database);
  // The ceiling's conversations are on a connection of their own (its deliveries go nowhere).
  const seeded = await seedConnection(
    database.db,
    createCore({ database, secretKey: randomBytes(32) }).connections,
    { type: 'api', settings: apiSettings('http://127.0.0.1:9/x', 5_000) },
  );
  let ceilingUpkeep: () => Promise<unknown> = () => Promise.resolve();
  if (name === 'pglite') {
    /**
     * Our PGlite runs on a thread of its own (`db/pglite-remote.ts`). The ceiling is the
     * minimal script, PGlite called in its own thread, on a copy of the same database (the
     * history, the schema, the statistics), made here.
     */
    const dump = await database.dumpDataDir?.();
    if (!dump) throw new Error('PGlite gave no dump of its data directory');
    const copy = await PGlite.create({ loadDataDir: dump });
    preparePglite(copy);
    const rows = async <T>(query: string, params?: unknown[]) =>
      (await copy.query<T>(query, params)).rows;
    run = rows;
    ceilingUpkeep = () => runUpkeep({ rows });
    const closeOurs = cleanup;
    cleanup = async () => {
      await copy.close();
      await closeOurs();
    };
  }
  let sample: Promise<CeilingSample> | undefined;
  const ceilingTarget: CeilingTarget = {
    run,
    ...seeded,
    sample: () => (sample ??= sampleOf(database)),
  };
  /**
   * PGlite's upkeep (vacuum, analyze) runs on PGlite's thread in a moment without steps; the
   * ceiling's rounds run none, so the workers' loop would pick them for it. Between rounds, as
   * the pause a quiet server has: what is due is done before each round, ours or the ceiling's.
   */
  const quietMoment = async () => {
    if (name !== 'pglite') return;
    await runUpkeep(database);
    await ceilingUpkeep();
  };
  // Half at 10 conversations, half at 100 (the large groups' code paths and plans).
  for (const warm of warmupMessages > 0 ? [10, 100] : []) {
    const half = warmupMessages / 2;
    await engine.round(warm, `${name}-warmup-${warm}`, Math.ceil(half / warm));
    if (withCeiling) await measureCeiling(ceilingTarget, `${name}-warmup`, warm, half);
  }
  const figures: Figure[] = [];
  for (const [level, concurrency] of levels.entries()) {
    const ours: OursRound[] = [];
    const ceiling: Round[] = [];
    const cpu = { ours: [] as CpuUse[], ceiling: [] as CpuUse[] };
    const metered = async <T>(list: CpuUse[], work: () => Promise<T>): Promise<T> => {
      const stop = engine.meter?.();
      const result = await work();
      if (stop) list.push(stop());
      return result;
    };
    for (let r = 0; r < rounds; r++) {
      await quietMoment();
      ours.push(
        await metered(cpu.ours, () =>
          engine.round(concurrency, `${name}-l${level}-${concurrency}-r${r}`),
        ),
      );
      await quietMoment();
      if (withCeiling)
        ceiling.push(
          await metered(cpu.ceiling, () => measureCeiling(ceilingTarget, name, concurrency)),
        );
    }
    const latencies = ours.flatMap((x) => x.latencies);
    figures.push({
      backend: name,
      concurrency,
      rate: rate(ours),
      ceiling: rate(ceiling),
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      inside: insideOf(ours),
      ...(engine.meter && {
        cpu: { ours: perMessage(cpu.ours, ours), ceiling: perMessage(cpu.ceiling, ceiling) },
      }),
    });
  }
  const peak = Math.max(0, ...figures.map((f) => f.rate));
  const paced: PacedFigure[] = [];
  for (const fraction of pacedFractions) {
    const offered = Math.max(1, Math.round(peak * fraction));
    await quietMoment();
    const round = await engine.paced(offered, `${name}-paced-${fraction}`);
    paced.push({
      backend: name,
      fraction,
      offered,
      rate: rate([round]),
      p50: quantile(round.latencies, 0.5),
      p99: quantile(round.latencies, 0.99),
      serverP99: quantile(round.inServer, 0.99),
      slowWrites: round.slowStatements,
      writes: round.statements,
    });
  }
  await engine.stop();
  await cleanup();
  return { figures, paced };
}

const backends = (process.env['BENCH_BACKENDS']?.split(',') ??
  (process.env['DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'])) as Array<
  'pglite' | 'postgres'
>;
const all: Figure[] = [];
const allPaced: PacedFigure[] = [];
for (const name of backends) {
  const { figures, paced } = await bench(name);
  all.push(...figures);
  allPaced.push(...paced);
}
const n8n = 220;
console.log(
  `end to end: webhook → engine → commit → delivered to a local sink (${messagesTotal} messages per level)`,
);
console.log('backend   conc  events/s  ceiling/s  ratio  ×n8n   p50 ms  p99 ms');
for (const f of all) {
  // With BENCH_CEILING=off there is no ceiling to compare with.
  const ceiling = f.ceiling > 0 ? f.ceiling.toFixed(0) : '—';
  const ratio = f.ceiling > 0 ? (f.rate / f.ceiling).toFixed(2) : '—';
  console.log(
    `${f.backend.padEnd(9)} ${String(f.concurrency).padStart(4)} ${f.rate.toFixed(0).padStart(9)} ${ceiling.padStart(10)} ${ratio.padStart(6)} ${(f.rate / n8n).toFixed(1).padStart(5)} ${f.p50.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(7)}`,
  );
}
console.log(
  "\ninside the server, means: a webhook from arrival to answer written; a step statement from sent to committed; the ceiling's message",
);
console.log('backend   conc  server ms  statement ms  messages/statement  ceiling ms');
for (const f of all) {
  const { serverMs, writeMs, perWrite } = f.inside;
  console.log(
    `${f.backend.padEnd(9)} ${String(f.concurrency).padStart(4)} ${serverMs.toFixed(2).padStart(10)} ${writeMs.toFixed(2).padStart(13)} ${perWrite.toFixed(1).padStart(19)} ${(f.ceiling > 0 ? ((1000 * f.concurrency) / f.ceiling).toFixed(2) : '—').padStart(11)}`,
  );
}
if (all.some((f) => f.cpu)) {
  console.log(
    '\nCPU per message, µs (ceiling: its client is the bench process, nothing else runs)',
  );
  console.log('backend   conc  server  traffic  postgres |  ceiling client  postgres');
  for (const f of all) {
    if (!f.cpu) continue;
    const us = (value: number, width: number) => value.toFixed(0).padStart(width);
    console.log(
      `${f.backend.padEnd(9)} ${String(f.concurrency).padStart(4)} ${us(f.cpu.ours.server, 7)} ${us(f.cpu.ours.traffic, 8)} ${us(f.cpu.ours.postgres, 9)} | ${us(f.cpu.ceiling.server, 15)} ${us(f.cpu.ceiling.postgres, 9)}`,
    );
  }
}
if (allPaced.length > 0) {
  console.log(
    `\nopen loop: webhooks on a fixed schedule over ${pacedConversations} conversations for ${pacedSeconds} s, latency from each one's scheduled time`,
  );
  console.log(
    '(server p99: inside the server, arrival to answer written; writes > 100 ms: step statements, sent to committed, of all)',
  );
  console.log(
    'backend   of peak  offered/s  events/s   p50 ms  p99 ms  server p99 ms  writes > 100 ms',
  );
  for (const f of allPaced) {
    console.log(
      `${f.backend.padEnd(9)} ${f.fraction.toFixed(2).padStart(7)} ${String(f.offered).padStart(10)} ${f.rate.toFixed(0).padStart(9)} ${f.p50.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(7)} ${f.serverP99.toFixed(1).padStart(14)} ${`${f.slowWrites} of ${f.writes}`.padStart(16)}`,
    );
  }
}
process.exit(0);
