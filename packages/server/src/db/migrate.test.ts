import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { migrationStatus, runMigrations } from './migrate.js';
import { testBackends } from '../testing/test-databases.js';

describe.each(testBackends())('migrations on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates every table and is current; running again changes nothing', async () => {
    const tables = await database.rows<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual([
      'api_tokens',
      'channel_connections',
      'channel_sync',
      'conversations',
      'events',
      'flow_versions',
      'flows',
      'messages',
      'outbox',
      'predefined_messages',
      'timers',
      'users',
    ]);
    expect(await migrationStatus(database)).toMatchObject({ current: true, newerThanCode: false });
    await runMigrations(database);
    const [count] = await database.rows<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    expect(count?.n).toBe(8);
  });

  it("keeps no planner statistics on the growing tables' JSON documents (an analyze skips them)", async () => {
    const rows = await database.rows<{ column: string; target: number | null }>(
      `select attrelid::regclass::text || '.' || attname as column, attstattarget as target
         from pg_attribute
        where attrelid in ('events'::regclass, 'conversations'::regclass, 'outbox'::regclass, 'messages'::regclass)
          and atttypid = 'jsonb'::regtype and not attisdropped
        order by 1`,
    );
    expect(rows).toEqual(
      [
        'conversations.customer',
        'conversations.snapshot',
        'events.effects',
        'events.payload',
        'events.trace',
        'messages.attachments',
        'outbox.payload',
      ].map((column) => ({ column, target: 0 })),
    );
    // The columns queries filter on keep theirs.
    const [status] = await database.rows<{ target: number | null }>(
      `select attstattarget as target from pg_attribute where attrelid = 'conversations'::regclass and attname = 'status'`,
    );
    expect(status?.target === null || status?.target === -1).toBe(true);
  });

  it('indexes no column that every step of a conversation moves (its update stays HOT)', async () => {
    const rows = await database.rows<{ index: string; column: string }>(
      `select i.relname as index, a.attname as column
         from pg_index x
         join pg_class i on i.oid = x.indexrelid
         join pg_attribute a on a.attrelid = x.indrelid and a.attnum = any(x.indkey)
        where x.indrelid = 'conversations'::regclass
        order by 1, 2`,
    );
    const moved = ['snapshot', 'flow_state', 'version', 'updated_at'];
    expect(rows.filter((row) => moved.includes(row.column))).toEqual([]);
    // The inbox's order is served by an index all the same.
    expect(rows.filter((row) => row.index === 'conversations_status_created_idx')).toEqual([
      { index: 'conversations_status_created_idx', column: 'created_at' },
      { index: 'conversations_status_created_idx', column: 'id' },
      { index: 'conversations_status_created_idx', column: 'status' },
    ]);
    // And a flow version's conversations (analytics counts them) by one of its own.
    expect(rows.filter((row) => row.index === 'conversations_flow_version_idx')).toEqual([
      { index: 'conversations_flow_version_idx', column: 'flow_version_id' },
    ]);
  });

  it('refuses a database migrated by newer code', async () => {
    await database.rows(
      `insert into drizzle.__drizzle_migrations (hash, created_at) values ('future', $1)`,
      [Date.now() + 86_400_000],
    );
    await expect(runMigrations(database)).rejects.toThrow('migrated by a newer attendflow');
    await database.rows(`delete from drizzle.__drizzle_migrations where hash = 'future'`);
  });
});
