import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { runMigrations } from '../db/migrate.js';
import { randomBytes } from 'node:crypto';
import { createCore } from '../core.js';
import { waitUntil } from '../testing/traffic.js';
import { dueUpkeep, runUpkeep, UpkeepTiming } from './pglite-upkeep.js';
import { Workers } from './workers.js';

// PGlite only: it is the back end without autovacuum (PostgreSQL's own daemon would race the test).
describe('PGlite upkeep', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ memory: true });
    await runMigrations(database);
    await database.rows('create table upkeep_churned (id int primary key, n int not null)');
    await database.rows('create table upkeep_changed (id int primary key, n int not null)');
    await database.rows('create table upkeep_quiet (id int primary key, n int not null)');
    // 2,000 rows, 600 of them updated (dead versions); 100 rows only; 10 rows only.
    await database.rows('insert into upkeep_churned select g, 0 from generate_series(1, 2000) g');
    await database.rows('update upkeep_churned set n = 1 where id <= 600');
    await database.rows('insert into upkeep_changed select g, 0 from generate_series(1, 100) g');
    await database.rows('insert into upkeep_quiet select g, 0 from generate_series(1, 10) g');
    await flushStats();
  });
  afterAll(async () => {
    await database.close();
  });

  /** The backend reports its counters when idle for a second, or at once when asked. */
  async function flushStats() {
    await database.rows('select pg_stat_force_next_flush()');
    await database.rows('select 1');
  }

  const statsOf = (table: string) =>
    database
      .rows<{ dead: number; vacuumed: boolean; analyzed: boolean }>(
        `select n_dead_tup::int as dead, last_vacuum is not null as vacuumed,
           last_analyze is not null as analyzed
         from pg_stat_user_tables where relname = $1`,
        [table],
      )
      .then((rows) => rows[0]);

  it("finds the tables due by autovacuum's rules, and only those", async () => {
    const due = (await dueUpkeep(database)).filter((task) => task.table.startsWith('upkeep_'));
    expect(due).toEqual([
      // 100 rows changed > 50 + 10 % of 100: analyze; too few rows for a vacuum.
      { table: 'upkeep_changed', vacuum: false, reason: '100 rows changed since the last analyze' },
      // 600 dead > 50 + 20 % of 2,000 live.
      { table: 'upkeep_churned', vacuum: true, reason: '600 dead rows of 2000' },
    ]);
  });

  it('vacuums and analyzes what is due, then nothing is due', async () => {
    await runUpkeep(database);
    await flushStats();
    expect(await statsOf('upkeep_churned')).toEqual({ dead: 0, vacuumed: true, analyzed: true });
    expect(await statsOf('upkeep_changed')).toEqual({ dead: 0, vacuumed: false, analyzed: true });
    expect(await statsOf('upkeep_quiet')).toEqual({ dead: 0, vacuumed: false, analyzed: false });
    const due = (await dueUpkeep(database)).filter((task) => task.table.startsWith('upkeep_'));
    expect(due).toEqual([]);
  });

  it("runs in a PGlite server's workers", async () => {
    await database.rows('create table upkeep_by_workers (id int primary key, n int not null)');
    await database.rows('insert into upkeep_by_workers select g, 0 from generate_series(1, 500) g');
    await database.rows('update upkeep_by_workers set n = 1');
    await flushStats();
    const errors: unknown[] = [];
    const workers = new Workers(createCore({ database, secretKey: randomBytes(32) }), 50, (error) =>
      errors.push(error),
    );
    workers.start();
    try {
      await waitUntil(async () => (await statsOf('upkeep_by_workers'))?.vacuumed === true, 10_000);
    } finally {
      await workers.stop();
    }
    await flushStats();
    expect(await statsOf('upkeep_by_workers')).toEqual({ dead: 0, vacuumed: true, analyzed: true });
    expect(errors).toEqual([]);
  });
});

describe('UpkeepTiming', () => {
  /** A clock and a step count the test moves; `runs` looks as the loop would until `until`. */
  function harness(periodMs = 60_000, quietMs = 1_000, maxDeferMs = 600_000) {
    const state = { now: 0, steps: 0 };
    const timing = new UpkeepTiming(
      () => state.steps,
      () => state.now,
      periodMs,
      quietMs,
      maxDeferMs,
    );
    /** The times upkeep ran, the loop looking when `waitMs` says, traffic from `busy`. */
    const runs = (until: number, busy: (now: number) => boolean) => {
      const ran: number[] = [];
      while (state.now <= until) {
        if (timing.take()) ran.push(state.now);
        const wait = timing.waitMs();
        // Steps during the wait, a hundred every 100 ms while busy.
        for (let t = 0; t < wait; t += 100) if (busy(state.now + t)) state.steps += 100;
        state.now += wait;
      }
      return ran;
    };
    return { runs };
  }

  it('runs once a quiet second has been seen, then a period later', () => {
    const { runs } = harness();
    expect(runs(130_000, () => false)).toEqual([1_000, 61_000, 121_000]);
  });

  it('waits while steps run, and runs in the first quiet second after', () => {
    const { runs } = harness();
    // Traffic from 50 s to 75 s: the round due at 61 s waits for it to end.
    const ran = runs(140_000, (now) => now >= 50_000 && now < 75_000);
    expect(ran[0]).toBe(1_000);
    expect(ran[1]).toBeGreaterThanOrEqual(76_000);
    expect(ran[1]).toBeLessThanOrEqual(77_000);
    expect(ran[2]).toBe((ran[1] ?? 0) + 60_000);
  });

  it('runs anyway when traffic never pauses, at most the longest deferral late', () => {
    const { runs } = harness(60_000, 1_000, 300_000);
    const ran = runs(1_000_000, () => true);
    expect(ran.length).toBeGreaterThanOrEqual(2);
    // The first at start + the deferral, each next a period and a deferral later.
    expect(ran[0]).toBeGreaterThanOrEqual(300_000);
    expect(ran[0]).toBeLessThanOrEqual(301_000);
    expect((ran[1] ?? 0) - (ran[0] ?? 0)).toBeGreaterThanOrEqual(360_000);
    expect((ran[1] ?? 0) - (ran[0] ?? 0)).toBeLessThanOrEqual(362_000);
  });
});
