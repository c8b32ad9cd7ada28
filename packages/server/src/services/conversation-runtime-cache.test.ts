import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core.js';
import type { Database } from '../db/database.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { testBackends } from '../testing/test-databases.js';
import { crashFlow } from '../testing/traffic.js';

// Two cores over one database stand for two server processes, each with its own cache.
describe.each(testBackends())('cached conversation state on $name', (backend) => {
  let database: Database;
  let first: Core;
  let second: Core;
  let connectionId = '';
  let conversationId = '';

  const message = (text: string, id: string) => ({
    externalId: 'shared',
    dedupKey: id,
    start: { customer: { name: 'Ana', fields: {} }, metadata: {}, text },
    event: { type: 'customer.message' as const, text },
  });

  beforeAll(async () => {
    database = await backend.open();
    // Processes of one deployment share the key the connections' secrets are sealed with.
    const secretKey = randomBytes(32);
    first = createCore({ database, secretKey });
    second = createCore({ database, secretKey });
    ({ connectionId } = await seedConnection(database.db, first.connections, {
      type: 'api',
      flow: crashFlow(),
      settings: apiSettings('http://127.0.0.1:9/unused'),
    }));
  });
  afterAll(() => database.close());

  it('applies an event on top of what another process wrote, not on its stale cache', async () => {
    const [opened] = await first.runtime.ingest(connectionId, message('oi', 'm1'));
    conversationId = opened?.conversationId ?? '';
    const moved = await second.runtime.ingest(connectionId, message('tudo bem?', 'm2'));
    expect(moved.map((o) => o.status)).toEqual(['applied']);
    const [late] = await first.runtime.ingest(connectionId, message('alô', 'm3'));
    expect(late).toMatchObject({ status: 'applied', seq: 3 });
    const rows = await database.rows<{ seq: number; dedup_key: string }>(
      'select seq, dedup_key from events where conversation_id = $1 order by seq',
      [conversationId],
    );
    expect(rows.map((r) => [r.seq, r.dedup_key])).toEqual([
      [1, 'm1'],
      [2, 'm2'],
      [3, 'm3'],
    ]);
    const texts = await database.rows<{ text: string }>(
      `select text from messages where conversation_id = $1 and direction = 'outbound' order by local_id`,
      [conversationId],
    );
    expect(texts.map((t) => t.text)).toEqual(['ack', 'got it', 'got it']);
  });

  it('drops a delivery already applied by another process, from a warm cache', async () => {
    const repeated = await second.runtime.ingest(connectionId, message('alô', 'm3'));
    expect(repeated).toEqual([{ status: 'duplicate', conversationId }]);
    const again = await first.runtime.ingest(connectionId, message('alô', 'm3'));
    expect(again).toEqual([{ status: 'duplicate', conversationId }]);
    const [row] = await database.rows<{ version: number; n: number }>(
      'select version, (select count(*)::int from events where conversation_id = $1) as n from conversations where id = $1',
      [conversationId],
    );
    expect(row).toEqual({ version: 3, n: 3 });
  });

  it('warms the cache with many conversations in one read: their next events go by group commit', async () => {
    const opened = [];
    for (const id of ['w1', 'w2', 'w3'])
      opened.push(
        ...(await first.runtime.ingest(connectionId, {
          externalId: id,
          start: { customer: { name: 'Ana', fields: {} }, metadata: {} },
        })),
      );
    const ids = opened.map((o) => o.conversationId ?? '');
    // A third process that has seen none of them: warmed for two, the third is not.
    const third = createCore({ database, secretKey: randomBytes(32) });
    await third.runtime.warm(ids.slice(0, 2));
    const writes = () => third.metrics.stepWrites.observed;
    const timerOf = async (conversationId: string) =>
      (
        await database.rows<{ timer_id: string }>(
          'select timer_id from timers where conversation_id = $1',
          [conversationId],
        )
      )[0]?.timer_id ?? '';
    const fire = async (conversationId: string) =>
      third.runtime.dispatch(
        conversationId,
        { type: 'timer.fired', timerId: await timerOf(conversationId) },
        { dedupKey: `timer:${conversationId}`, actor: 'timer' },
      );
    expect((await fire(ids[0] ?? '')).status).toBe('applied');
    expect((await fire(ids[1] ?? '')).status).toBe('applied');
    // The warmed ones were written by the group commit's statement, the cold one under its row lock.
    expect(writes()).toBe(2);
    expect((await fire(ids[2] ?? '')).status).toBe('applied');
    expect(writes()).toBe(2);
    const [row] = await database.rows<{ n: number }>(
      `select count(*)::int as n from events where type = 'timer.fired' and conversation_id = any($1::uuid[])`,
      [ids],
    );
    expect(row?.n).toBe(3);
  });
});
