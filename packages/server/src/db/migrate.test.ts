import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { executeRows, type Database } from './database.js';
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
    expect(count?.n).toBe(9);
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

  it("probes a conversation's pending rows through its own index, and claims through the due-time one", async () => {
    // The statistics of a deployment whose history is all sent, then rows pending in flight: the
    // generic plan (every statement is prepared) must not walk every pending row for each probe.
    const plans = await database.db.transaction(async (tx) => {
      const run = (text: string) => executeRows<{ 'QUERY PLAN': string }>(tx, sql.raw(text));
      const seed = (from: number, to: number, state: string) =>
        run(`insert into outbox (conversation_id, connection_id, kind, payload, idempotency_key, state, next_attempt_at)
             select md5(i::text)::uuid, gen_random_uuid(), 'message', '{}', 'probe-' || i, '${state}', now()
             from generate_series(${from}, ${to}) i`);
      // Rows with no conversation behind them: the foreign keys are not this test's subject.
      await run(`set local session_replication_role = replica`);
      await seed(1, 5_000, 'sent');
      await run(`analyze outbox`);
      await seed(5_001, 5_100, 'pending');
      await run(`set local plan_cache_mode = force_generic_plan`);
      await run(`prepare probe(uuid, text[]) as select exists (select 1 from outbox p
        where p.conversation_id = $1 and p.state = 'pending' and p.id::text <> all ($2))`);
      await run(`prepare due(timestamptz) as select id from outbox
        where state = 'pending' and next_attempt_at <= $1 order by next_attempt_at limit 50`);
      const explain = async (text: string) =>
        (await run(`explain ${text}`)).map((row) => row['QUERY PLAN']).join('\n');
      const found = {
        probe: await explain(`execute probe(md5('5050')::uuid, '{}')`),
        due: await explain(`execute due(now())`),
      };
      await run(`deallocate probe`);
      await run(`deallocate due`);
      await run(`delete from outbox where idempotency_key like 'probe-%'`);
      return found;
    });
    expect(plans.probe).toContain('outbox_pending_conversation_idx');
    expect(plans.probe).not.toContain('outbox_due_idx');
    expect(plans.due).toContain('outbox_due_idx');
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
