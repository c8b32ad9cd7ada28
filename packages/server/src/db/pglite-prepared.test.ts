import { PGlite, types } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePglite } from './pglite-prepared.js';

/** Two clients on their own in-memory databases: one prepared, one as PGlite ships. */
let prepared: PGlite;
let plain: PGlite;

const prepares = async (client: PGlite) =>
  (
    await PGlite.prototype.query.call(
      client,
      `select statement from pg_prepared_statements where name like 'af\\_%' order by name`,
    )
  ).rows.map((row) => (row as { statement: string }).statement);

beforeAll(async () => {
  [prepared, plain] = await Promise.all([PGlite.create(), PGlite.create()]);
  preparePglite(prepared, 3);
  for (const client of [prepared, plain])
    await client.exec(
      `create table t (id int primary key, doc jsonb, at timestamptz, note text);
       insert into t values (1, '{"a": [1, 2]}', '2026-12-01T10:00:00Z', null), (2, '{}', '2026-12-01T11:30:00.5Z', 'it''s');`,
    );
}, 60_000);

afterAll(async () => {
  await Promise.all([prepared.close(), plain.close()]);
});

describe('preparePglite', () => {
  it('answers as PGlite does: rows, fields, parsed types, parameters serialized, nulls', async () => {
    const text = `select id, doc, at, note, $1::jsonb as echo, $2::int + 1 as next, $3::text is null as absent
                  from t where id = any($4::int[]) order by id`;
    const params = [{ b: 'x' }, 41, null, [1, 2]];
    const ours = await prepared.query(text, params);
    const theirs = await plain.query(text, params);
    expect(ours.rows).toEqual(theirs.rows);
    expect(ours.fields).toEqual(theirs.fields);
    expect(ours.rows[0]).toMatchObject({ id: 1, doc: { a: [1, 2] }, echo: { b: 'x' }, next: 42 });
    expect((ours.rows[0] as { at: unknown }).at).toBeInstanceOf(Date);
    // drizzle's options: array rows, timestamps kept as text.
    const options = {
      rowMode: 'array' as const,
      parsers: { [types.TIMESTAMPTZ]: (v: string) => v },
    };
    const arrays = await prepared.query('select id, at from t where id = $1', [1], options);
    expect(arrays.rows).toEqual(
      (await plain.query('select id, at from t where id = $1', [1], options)).rows,
    );
    expect(typeof (arrays.rows[0] as unknown[])[1]).toBe('string');
  });

  it('parses a text once, however often it runs', async () => {
    const text = 'select note from t where id = $1';
    const notes = [];
    for (const id of [1, 2, 2]) notes.push((await prepared.query(text, [id])).rows[0]);
    expect(notes).toEqual([{ note: null }, { note: "it's" }, { note: "it's" }]);
    expect((await prepares(prepared)).filter((statement) => statement === text)).toHaveLength(1);
  });

  it('rejects a failing statement with its code and text, and goes on serving', async () => {
    const insert = 'insert into t (id, note) values ($1, $2)';
    const error = await prepared.query(insert, [1, 'again']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '23505', query: insert });
    await expect(prepared.query('select count(*)::int as n from t', [])).resolves.toMatchObject({
      rows: [{ n: 2 }],
    });
    // A parameter its type refuses fails at bind, and the next statement runs all the same.
    await expect(prepared.query('select $1::int as n', ['abc'])).rejects.toMatchObject({
      code: '22P02',
    });
    await expect(prepared.query('select $1::int as n', ['7'])).resolves.toMatchObject({
      rows: [{ n: 7 }],
    });
    // A text that does not parse is not kept.
    await expect(prepared.query('selec 1', [])).rejects.toMatchObject({ code: '42601' });
    expect(await prepares(prepared)).not.toContain('selec 1');
  });

  it('runs a prepared text again after its table changed shape', async () => {
    await prepared.exec('create table shape (a int); insert into shape values (1)');
    const text = 'select * from shape where a = $1';
    expect((await prepared.query(text, [1])).rows).toEqual([{ a: 1 }]);
    await prepared.exec("alter table shape add column b text default 'x'");
    expect((await prepared.query(text, [1])).rows).toEqual([{ a: 1, b: 'x' }]);
  });

  it('keeps at most its limit of texts, closing the least recently used', async () => {
    for (let n = 0; n < 5; n++) await prepared.query(`select ${n} + $1::int as n`, [1]);
    expect(await prepares(prepared)).toEqual([
      'select 2 + $1::int as n',
      'select 3 + $1::int as n',
      'select 4 + $1::int as n',
    ]);
  });

  it('waits for a transaction another caller holds, and leaves statements inside it to PGlite', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = prepared.transaction(async (tx) => {
      await tx.query("update t set note = 'in tx' where id = $1", [2]);
      order.push('tx wrote');
      await held;
      await tx.query("update t set note = 'tx done' where id = $1", [2]);
      order.push('tx committed');
    });
    const outside = prepared.query('select note from t where id = $1', [2]).then((result) => {
      order.push('outside read');
      return result.rows[0];
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await transaction;
    expect(await outside).toEqual({ note: 'tx done' });
    expect(order).toEqual(['tx wrote', 'tx committed', 'outside read']);
  });
});
