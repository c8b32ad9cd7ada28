import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { itOnPostgres, testBackends } from '../testing/test-databases.js';
import type { LiveBus, LiveUpdate } from './live-bus.js';
import { createPgLiveBus, liveChannel, type PgLiveBus } from './pg-live-bus.js';

/** Collects what a topic receives; `until(n)` waits for n updates. */
function collect(bus: LiveBus, topic: string) {
  const seen: LiveUpdate[] = [];
  let wake = () => undefined as void;
  bus.subscribe(topic, (update) => {
    seen.push(update);
    wake();
  });
  const until = async (n: number) => {
    const deadline = Date.now() + 5_000;
    while (seen.length < n && Date.now() < deadline)
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    return seen;
  };
  return { seen, until };
}

describe.each(testBackends())('pg live bus on $name', (backend) => {
  let database: Database & { url?: string };
  let bus: PgLiveBus;
  beforeAll(async () => {
    database = await backend.open();
    bus = createPgLiveBus(database);
    await bus.ready;
  });
  afterAll(async () => {
    await bus.close();
    await database.close();
  });

  it('delivers to its own subscribers through NOTIFY, in order, per topic', async () => {
    const inbox = collect(bus, 'inbox');
    const other = collect(bus, 'conversation:x');
    for (let i = 1; i <= 30; i++) bus.publish({ topic: 'inbox', type: 'tick', data: { i } });
    bus.publish({ topic: 'conversation:x', type: 'conversation.changed', data: { seq: 1 } });
    expect(inbox.seen).toEqual([]); // nothing is delivered locally before the round trip
    const got = await inbox.until(30);
    expect(got.map((update) => update.data['i'])).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect(await other.until(1)).toEqual([
      { topic: 'conversation:x', type: 'conversation.changed', data: { seq: 1 } },
    ]);
  });

  it('keeps a too-large update under the payload limit, with its small fields', async () => {
    const flow = collect(bus, 'flow:big');
    const trace = Array.from({ length: 400 }, (_, i) => ({ nodeId: `node-${i}`, kind: 'enter' }));
    bus.publish({
      topic: 'flow:big',
      type: 'flow.trace',
      data: { seq: 7, conversationId: 'c1', trace },
    });
    const [update] = await flow.until(1);
    expect(update).toEqual({
      topic: 'flow:big',
      type: 'flow.trace',
      data: { seq: 7, conversationId: 'c1', truncated: true },
    });
  });

  it('ignores notifications on its channel that are not live updates', async () => {
    const inbox = collect(bus, 'inbox');
    await database.notify(liveChannel, 'not json');
    await database.notify(liveChannel, JSON.stringify([{ topic: 'inbox' }, 42]));
    bus.publish({ topic: 'inbox', type: 'after', data: {} });
    const got = await inbox.until(1);
    expect(got.map((update) => update.type)).toEqual(['after']);
  });

  itOnPostgres(backend)(
    'crosses between two database handles (two processes) on the same PostgreSQL',
    async () => {
      const second = await openDatabase({ url: database.url ?? '' });
      const otherBus = createPgLiveBus(second);
      await otherBus.ready;
      try {
        const here = collect(bus, 'conversation:shared');
        const there = collect(otherBus, 'conversation:shared');
        otherBus.publish({ topic: 'conversation:shared', type: 'from-b', data: { n: 1 } });
        bus.publish({ topic: 'conversation:shared', type: 'from-a', data: { n: 2 } });
        const seenHere = await here.until(2);
        const seenThere = await there.until(2);
        expect(seenHere.map((u) => u.type).sort()).toEqual(['from-a', 'from-b']);
        expect(seenThere.map((u) => u.type).sort()).toEqual(['from-a', 'from-b']);
      } finally {
        await otherBus.close();
        await second.close();
      }
    },
  );
});
