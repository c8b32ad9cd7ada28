import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core.js';
import type { Database } from '../db/database.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { testBackends } from '../testing/test-databases.js';
import { crashFlow } from '../testing/traffic.js';
import { TimerWorker } from './timer-worker.js';

describe.each(testBackends())('timer worker on $name', (backend) => {
  let database: Database;
  let core: Core;
  let clock = Date.parse('2026-03-02T12:00:00Z');
  const ids: string[] = [];

  const count = async (query: string) =>
    Number((await database.rows<{ n: number }>(query))[0]?.n ?? -1);

  beforeAll(async () => {
    database = await backend.open();
    core = createCore({ database, secretKey: randomBytes(32), now: () => clock });
    const { connectionId } = await seedConnection(database.db, core.connections, {
      type: 'api',
      flow: crashFlow(),
      settings: apiSettings('http://127.0.0.1:9/unused'),
    });
    for (let c = 0; c < 7; c++) {
      const [opened] = await core.runtime.ingest(connectionId, {
        externalId: `t-${c}`,
        start: { customer: { name: 'Ana', fields: {} }, metadata: {} },
      });
      ids.push(opened?.conversationId ?? '');
    }
  });
  afterAll(() => database.close());

  it('drains a burst in full batches, several at a time, each timer once', async () => {
    const worker = new TimerWorker({
      database,
      runtime: core.runtime,
      now: () => clock,
      batchSize: 3,
      concurrency: 2,
    });
    expect(await worker.drain()).toBe(0);
    clock += 5_000;
    expect(await worker.depth()).toBe(7);
    expect(await worker.runOnce()).toBe(3);
    expect(await worker.drain()).toBe(4);
    expect(await worker.drain()).toBe(0);
    expect(await count(`select count(*)::int n from events where type = 'timer.fired'`)).toBe(7);
    expect(await count(`select count(*)::int n from messages where text = 'bye'`)).toBe(7);
    expect(await count(`select count(*)::int n from timers`)).toBe(0);
  });

  it('treats a second firing of the same timer as a duplicate', async () => {
    const [fired] = await database.rows<{ dedup_key: string; conversation_id: string }>(
      `select dedup_key, conversation_id from events where type = 'timer.fired' order by id limit 1`,
    );
    const timerId = fired?.dedup_key.split(':').at(-1) ?? '';
    const again = await core.runtime.dispatch(
      fired?.conversation_id ?? '',
      { type: 'timer.fired', timerId },
      { dedupKey: fired?.dedup_key ?? '', actor: 'timer' },
    );
    expect(again).toEqual({ status: 'duplicate', conversationId: fired?.conversation_id });
    expect(await count(`select count(*)::int n from events where type = 'timer.fired'`)).toBe(7);
  });
});

describe('timer worker draining a burst', () => {
  /** A database that answers claims from a list of batches, and a runtime whose firings wait. */
  function harness(batches: Array<number | Error>) {
    const log: string[] = [];
    let claims = 0;
    let release!: () => void;
    let released = new Promise<void>((resolve) => (release = resolve));
    const database = {
      rows: (query: string) => {
        if (!query.startsWith('update timers')) throw new Error(`unexpected query: ${query}`);
        const size = batches[claims++] ?? 0;
        log.push(`claim ${claims}`);
        if (size instanceof Error) return Promise.reject(size);
        return Promise.resolve(
          Array.from({ length: size }, (_, i) => ({
            conversation_id: `c${claims}-${i}`,
            timer_id: 't',
            due_at: new Date(0).toISOString(),
          })),
        );
      },
    } as unknown as Database;
    const runtime = {
      warm: () => Promise.resolve(),
      dispatch: async (conversationId: string) => {
        log.push(`fire ${conversationId}`);
        await released;
        return { status: 'applied', conversationId };
      },
    } as unknown as Core['runtime'];
    return {
      log,
      worker: new TimerWorker({ database, runtime, batchSize: 2 }),
      /** Lets the firings waiting now finish; later ones wait again. */
      releaseFirings: () => {
        release();
        released = new Promise<void>((resolve) => (release = resolve));
      },
    };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('fires the next batch while the last one is being written, never a third, and stops at a batch under the limit', async () => {
    const { log, worker, releaseFirings } = harness([2, 2, 1]);
    const drained = worker.drain();
    await settle();
    // The first batch's firings wait (their statements run), and the second batch fires meanwhile;
    // the third is claimed only once the first has ended.
    expect(log).toEqual(['claim 1', 'fire c1-0', 'fire c1-1', 'claim 2', 'fire c2-0', 'fire c2-1']);
    releaseFirings();
    await settle();
    expect(log.slice(6)).toEqual(['claim 3', 'fire c3-0']);
    let isDrained = false;
    void drained.then(() => (isDrained = true));
    await settle();
    // The last batch's firing still waits: the drain has not ended before it.
    expect(isDrained).toBe(false);
    releaseFirings();
    expect(await drained).toBe(5);
    // The third batch was under the limit: nothing claimed after it.
    expect(log.slice(8)).toEqual([]);
  });

  it('fires the batch it claimed when a stop came, and claims none after it', async () => {
    const { log, worker, releaseFirings } = harness([2, 2, 2]);
    let isStopped = false;
    const drained = worker.drain(() => isStopped);
    await settle();
    isStopped = true;
    releaseFirings();
    expect(await drained).toBe(4);
    expect(log).toEqual(['claim 1', 'fire c1-0', 'fire c1-1', 'claim 2', 'fire c2-0', 'fire c2-1']);
  });

  it('ends on a failed claim only after the batches in flight have fired', async () => {
    const { log, worker, releaseFirings } = harness([2, new Error('connection lost')]);
    let outcome = 'pending';
    const drained = worker.drain().then(
      () => (outcome = 'drained'),
      (error: Error) => (outcome = error.message),
    );
    await settle();
    expect(log).toEqual(['claim 1', 'fire c1-0', 'fire c1-1', 'claim 2']);
    expect(outcome).toBe('pending');
    releaseFirings();
    await drained;
    expect(outcome).toBe('connection lost');
  });
});
