import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';
import { PgliteRemote } from './pglite-remote.js';
import { flows } from './schema/index.js';
import { runMigrations } from './migrate.js';

let remote: PgliteRemote;
/** PGlite in this thread, the same table: what the remote client must answer alike. */
let local: PGlite;

const table = `create table t (id int primary key, doc jsonb, at timestamptz, note text);
  insert into t values (1, '{"a": [1, 2]}', '2026-12-01T10:00:00Z', null), (2, '{}', '2026-12-01T11:30:00.5Z', 'it''s');`;

beforeAll(async () => {
  [remote, local] = await Promise.all([PgliteRemote.start({}), PGlite.create()]);
  await Promise.all([remote.exec(table), local.exec(table)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([remote.close(), local.close()]);
});

describe('PgliteRemote', () => {
  it('answers as PGlite in this thread does: rows, fields, parsed types, both row modes', async () => {
    const text = `select id, doc, at, note, $1::jsonb as echo, $2::int + 1 as next from t
                  where id = any($3::int[]) order by id`;
    const params = [{ b: 'x' }, 41, [1, 2]];
    const ours = await remote.query(text, params);
    expect(ours.rows).toEqual((await local.query(text, params)).rows);
    expect(ours.fields).toEqual((await local.query(text, params)).fields);
    expect(ours.rows[0]).toMatchObject({ id: 1, doc: { a: [1, 2] }, echo: { b: 'x' }, next: 42 });
    expect((ours.rows[0] as { at: unknown }).at).toBeInstanceOf(Date);
    const arrays = await remote.query('select id, note from t order by id', [], {
      rowMode: 'array',
    });
    expect(arrays.rows).toEqual([
      [1, null],
      [2, "it's"],
    ]);
  });

  it('answers JSON documents alike: json, jsonb, null, scalars, arrays, both row modes', async () => {
    const text = `select doc, doc::json as plain, 'null'::jsonb as nothing, '"s"'::json as scalar,
                    null::jsonb as absent, '[1, {"x": null}]'::jsonb as list from t order by id`;
    for (const rowMode of ['object', 'array'] as const) {
      const ours = await remote.query(text, [], { rowMode });
      expect(ours.rows).toEqual((await local.query(text, [], { rowMode })).rows);
    }
    const [row] = (await remote.query(text)).rows;
    expect(row).toEqual({
      doc: { a: [1, 2] },
      plain: { a: [1, 2] },
      nothing: null,
      scalar: 's',
      absent: null,
      list: [1, { x: null }],
    });
    // A parser of the caller's own for a JSON type gets the text.
    const [own] = (
      await remote.query('select doc from t where id = 1', [], {
        parsers: { [types.JSONB]: (value: string) => `text ${value}` },
      })
    ).rows;
    expect(own).toEqual({ doc: 'text {"a": [1, 2]}' });
  });

  it("applies the caller's parsers in the caller's thread, to the columns of their types", async () => {
    const parsers = {
      [types.TIMESTAMPTZ]: (value: string) => `at ${value}`,
      [types.INT4]: (value: string) => Number(value) * 10,
    };
    for (const rowMode of ['object', 'array'] as const) {
      const text = 'select id, at, note from t where id = $1';
      const ours = await remote.query(text, [2], { rowMode, parsers });
      expect(ours.rows).toEqual((await local.query(text, [2], { rowMode, parsers })).rows);
    }
    const [row] = (await remote.query('select id, at from t where id = 1', [], { parsers }))
      .rows as Array<{ id: number; at: string }>;
    expect(row).toEqual({ id: 10, at: 'at 2026-12-01 10:00:00+00' });
  });

  it("refuses what cannot cross to PGlite's thread (functions), naming it", () => {
    expect(() => remote.query('select 1', [], { serializers: { 25: String } })).toThrow(
      /serializers/,
    );
  });

  it("reports PostgreSQL's errors with their fields, and goes on serving", async () => {
    const error = await remote.query(`insert into t (id) values (1)`).then(
      () => null,
      (e: unknown) => e as Record<string, unknown> & Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toBe('duplicate key value violates unique constraint "t_pkey"');
    expect(error).toMatchObject({ code: '23505', constraint: 't_pkey', table: 't' });
    expect((await remote.query('select count(*)::int as n from t')).rows).toEqual([{ n: 2 }]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const value = await remote.transaction(async (tx) => {
      await tx.query(`insert into t (id, note) values (10, 'kept')`);
      return (await tx.query<{ n: number }>('select count(*)::int as n from t')).rows[0]?.n;
    });
    expect(value).toBe(3);
    await expect(
      remote.transaction(async (tx) => {
        await tx.query(`insert into t (id, note) values (11, 'lost')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const after = await remote.query('select id from t where id >= 10 order by id');
    expect(after.rows).toEqual([{ id: 10 }]);
    await remote.query('delete from t where id >= 10');
  });

  it('makes a statement from outside wait for the open transaction, as PGlite does', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const holding = new Promise<void>((resolve) => (inside = resolve));
    const order: string[] = [];
    const transaction = remote.transaction(async (tx) => {
      await tx.query(`insert into t (id, note) values (20, 'inside')`);
      inside();
      await held;
      order.push('commit');
    });
    await holding;
    const outside = remote
      .query<{ n: number }>('select count(*)::int as n from t where id = 20')
      .then((result) => {
        order.push('outside');
        return result.rows[0]?.n;
      });
    // Time for the outside statement to run, were it not waiting.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual([]);
    release();
    await transaction;
    expect(await outside).toBe(1);
    expect(order).toEqual(['commit', 'outside']);
    await remote.query('delete from t where id = 20');
  });

  it('hands notifications to their listener until it unlistens', async () => {
    const heard: string[] = [];
    const unlisten = await remote.listen('news', (payload) => heard.push(payload));
    await remote.query(`select pg_notify('news', 'one')`);
    await expect.poll(() => heard).toEqual(['one']);
    await unlisten();
    await remote.query(`select pg_notify('news', 'two')`);
    await remote.query('select 1');
    expect(heard).toEqual(['one']);
  });

  it('dumps its data directory, which opens as a copy in another PGlite', async () => {
    const copy = await PGlite.create({ loadDataDir: await remote.dumpDataDir() });
    try {
      expect((await copy.query('select id, note from t order by id')).rows).toEqual([
        { id: 1, note: null },
        { id: 2, note: "it's" },
      ]);
    } finally {
      await copy.close();
    }
  });

  it('refuses calls once closed, with a clear message, and is not lost by closing', async () => {
    const closing = await PgliteRemote.start({});
    await closing.close();
    await expect(closing.query('select 1')).rejects.toThrow('the PGlite database is closed');
    const lost = await Promise.race([closing.lost, new Promise((r) => setTimeout(r, 100, null))]);
    expect(lost).toBeNull();
  });

  it('says it is lost when its thread stops, and fails every call from then on', async () => {
    const dying = await PgliteRemote.start({});
    await (dying as unknown as { worker: Worker }).worker.terminate();
    expect((await dying.lost).message).toMatch(/^the PGlite thread exited \(code \d+\)$/);
    await expect(dying.query('select 1')).rejects.toThrow('the PGlite database is closed');
  });

  it('says it is lost when PostgreSQL in it panics, fails every call, and stops its thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'af-panic-'));
    const panicking = await PgliteRemote.start({ dataDir: dir });
    const exited = new Promise<number>((resolve) =>
      (panicking as unknown as { worker: Worker }).worker.once('exit', resolve),
    );
    try {
      await panicking.exec('create table t (x int)');
      // A WAL segment it cannot create (its directory gone, as on a failed disk): PANIC, after
      // which PGlite's next statement spun its thread forever.
      rmSync(join(dir, 'pg_wal'), { recursive: true, force: true });
      await panicking.query('select pg_switch_wal()');
      const calls = ['insert into t values (1)', 'select 1', 'select count(*) from t'].map((text) =>
        panicking.query(text).then(
          () => 'answered',
          (error: { severity?: string; message: string }) => `${error.severity}: ${error.message}`,
        ),
      );
      const [first, ...rest] = await Promise.all(calls);
      expect(first).toMatch(
        /^PANIC: could not create file "pg_wal\/xlogtemp\.\d+": No such file or directory$/,
      );
      // The calls behind it fail with the same error, not by hanging behind a spinning thread.
      expect(rest).toEqual([first, first]);
      expect(`PANIC: ${(await panicking.lost).message}`).toBe(first);
      await expect(panicking.query('select 1')).rejects.toThrow('the PGlite database is closed');
      expect(typeof (await exited)).toBe('number');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('openDatabase on PGlite (its own thread)', () => {
  let dir: string;
  let database: Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'af-remote-'));
    database = await openDatabase({ dataDir: dir });
    await runMigrations(database);
  }, 60_000);

  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs drizzle's queries and transactions, a rolled back savepoint included", async () => {
    const [flow] = await database.db
      .insert(flows)
      .values({ name: 'Remote', draft: {} })
      .returning();
    if (!flow) throw new Error('no flow inserted');
    await database.db.transaction(async (tx) => {
      await tx.update(flows).set({ name: 'Renamed' }).where(eq(flows.id, flow.id));
      await tx
        .transaction(async (inner) => {
          await inner.update(flows).set({ name: 'Never' }).where(eq(flows.id, flow.id));
          inner.rollback();
        })
        .catch(() => undefined);
    });
    const [row] = await database.db.select().from(flows).where(eq(flows.id, flow.id));
    expect(row?.name).toBe('Renamed');
    // drizzle's parsers keep timestamps as text from PGlite, and its column maps them to a Date.
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - (row?.createdAt.getTime() ?? 0))).toBeLessThan(60_000);
    const [count] = await database.rows<{ n: number }>('select count(*)::int as n from flows');
    expect(count?.n).toBe(1);
    await expect(database.db.execute(sql`select * from no_such_table`)).rejects.toThrow(
      /no_such_table/,
    );
  });

  it('keeps what it wrote in its data directory across a reopen', async () => {
    await database.rows(`insert into flows (name, draft) values ('Durable', '{}')`);
    await database.close();
    database = await openDatabase({ dataDir: dir });
    const names = await database.rows<{ name: string }>('select name from flows order by name');
    expect(names.map((row) => row.name)).toEqual(['Durable', 'Renamed']);
  });
});
