import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core.js';
import type { Database } from '../db/database.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { testBackends } from '../testing/test-databases.js';
import { crashFlow } from '../testing/traffic.js';

// A write that fails for one step (here a trigger refusing one dedup key, as a unique key written
// by another process a moment ago would) must not take the steps written beside it down: the
// batcher retries a failed group one by one, and the runtime falls back to its locked path.
describe.each(testBackends())('group commit on $name', (backend) => {
  let database: Database;
  let core: Core;
  let connectionId = '';

  const message = (externalId: string, id: string, text: string) => ({
    externalId,
    dedupKey: id,
    start: { customer: { name: externalId, fields: {} }, metadata: {}, text },
    event: { type: 'customer.message' as const, text },
  });
  const keys = async () =>
    (
      await database.rows<{ dedup_key: string }>(
        `select dedup_key from events where dedup_key is not null order by dedup_key`,
      )
    ).map((row) => row.dedup_key);

  beforeAll(async () => {
    database = await backend.open();
    core = createCore({ database, secretKey: randomBytes(32) });
    ({ connectionId } = await seedConnection(database.db, core.connections, {
      type: 'api',
      flow: crashFlow(),
      settings: apiSettings('http://127.0.0.1:9/unused'),
    }));
    await database.rows(`
      create function refuse_poison() returns trigger language plpgsql as $$
      begin
        if new.dedup_key like 'poison%' then raise exception 'poisoned event %', new.dedup_key; end if;
        -- A slow write keeps the statement in flight while the next steps queue behind it.
        if new.dedup_key like 'slow%' then perform pg_sleep(0.3); end if;
        return new;
      end $$`);
    await database.rows(
      `create trigger refuse_poison before insert on events for each row execute function refuse_poison()`,
    );
  });
  afterAll(() => database.close());

  it('writes every healthy step of a group whose statement one poisoned step failed', async () => {
    // Warm conversations: their next steps come from the cache and go through the batcher.
    for (const name of ['a', 'b', 'c', 'd'])
      await core.runtime.ingest(connectionId, message(name, `${name}-1`, 'oi'));
    const reply = (externalId: string, id: string, text: string) => ({
      externalId,
      dedupKey: id,
      event: { type: 'customer.message' as const, text },
    });
    const slow = core.runtime.ingest(connectionId, reply('d', 'slow-d-2', 'devagar'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const results = await Promise.allSettled([
      core.runtime.ingest(connectionId, reply('a', 'a-2', 'tudo bem?')),
      core.runtime.ingest(connectionId, reply('b', 'poison-b-2', 'veneno')),
      core.runtime.ingest(connectionId, reply('c', 'c-2', 'alô')),
    ]);
    await slow;
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (results[1] as PromiseRejectedResult).reason as Error & { cause?: unknown };
    expect(`${reason.message} ${String(reason.cause)}`).toContain('poisoned event poison-b-2');
    expect(await keys()).toEqual(['a-1', 'a-2', 'b-1', 'c-1', 'c-2', 'd-1', 'slow-d-2']);
    // The refused step left its conversation as it was: the next event applies on top of it.
    const [next] = await core.runtime.ingest(connectionId, reply('b', 'b-3', 'de novo'));
    expect(next).toMatchObject({ status: 'applied', seq: 2 });
    expect(await keys()).toEqual(['a-1', 'a-2', 'b-1', 'b-3', 'c-1', 'c-2', 'd-1', 'slow-d-2']);
  });
});
