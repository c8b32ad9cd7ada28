import { randomBytes } from 'node:crypto';
// One turn of the event loop: when a taken row's delivery starts (the fake answers at once).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { asc, eq } from 'drizzle-orm';
import type { DeliveryResult } from '@attendflow/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core.js';
import type { Database } from '../db/database.js';
import { conversations, outbox } from '../db/schema/index.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { startSink } from '../testing/sink.js';
import { testBackends } from '../testing/test-databases.js';
import { crashFlow, waitUntil } from '../testing/traffic.js';
import { HandedDelivery, type DeliverySteps } from './handed-delivery.js';
import type { OutboxRow } from './outbox-row.js';
import { Workers } from './workers.js';

const row = (id: string, conversation = 'c1'): OutboxRow => ({
  id,
  conversation_id: conversation,
  connection_id: 'k',
  kind: 'message',
  message_id: null,
  payload: {} as OutboxRow['payload'],
  idempotency_key: `${conversation}:${id}`,
  attempts: 1,
  external_id: null,
  customer: null,
  subject: null,
});

/** A scripted outbox worker: records what was delivered, settled and released, in order. */
function fakeSteps(failing: Set<string> = new Set(), settleFailures = 0) {
  const log: string[] = [];
  let failuresLeft = settleFailures;
  let release: () => void = () => undefined;
  const gate = { held: null as Promise<void> | null };
  const steps: DeliverySteps = {
    async deliverOne(r): Promise<DeliveryResult> {
      if (gate.held) await gate.held;
      log.push(`deliver ${r.id}`);
      return failing.has(r.id) ? { ok: false, retryable: true, error: 'boom' } : { ok: true };
    },
    async settleSent(rows) {
      log.push(`sent ${rows.map((r) => r.id).join(',')}`);
      await Promise.resolve();
      if (failuresLeft-- > 0) throw new Error('the connection was cut');
    },
    async settle(r) {
      log.push(`retry ${r.id}`);
      await Promise.resolve();
    },
    async release(rows) {
      log.push(`release ${rows.map((r) => r.id).join(',')}`);
      await Promise.resolve();
    },
    sentOf: (rows) => ({
      count: rows.length,
      sent: { ids: rows.map((r) => r.id), at: '2026-12-01T00:00:00.000Z', notify: [] },
      updates: [],
      notify: null,
    }),
    sentCommitted(batch) {
      log.push(`carried ${batch.sent.ids.join(',')}`);
    },
  };
  const hold = () => {
    gate.held = new Promise((resolve) => (release = resolve));
  };
  const open = () => {
    gate.held = null;
    release();
  };
  return { steps, log, hold, open };
}

/** A hand-off over the fake (leases of 30 s, deliveries of 1 s) that fails the test on any error. */
const deliveryOf = (fake: ReturnType<typeof fakeSteps>, settleLingerMs?: number) =>
  new HandedDelivery(
    fake.steps,
    30_000,
    1_000,
    (error) => {
      throw error;
    },
    settleLingerMs,
  );

describe('handed delivery', () => {
  it("delivers a conversation's rows in order and holds them until they are marked sent", async () => {
    const fake = fakeSteps();
    const handed = deliveryOf(fake);
    fake.hold();
    handed.take([row('1'), row('2')], handed.holding('c1').epoch);
    expect(handed.holding('c1').own).toEqual(['1', '2']);
    handed.take([row('3')], handed.holding('c1').epoch);
    fake.open();
    await handed.idle();
    expect(fake.log.filter((l) => l.startsWith('deliver'))).toEqual([
      'deliver 1',
      'deliver 2',
      'deliver 3',
    ]);
    // Delivered within one turn of the event loop: marked sent by one statement.
    expect(fake.log.filter((l) => l.startsWith('sent'))).toEqual(['sent 1,2,3']);
    expect(handed.holding('c1').own).toEqual([]);
  });

  it('after a failure retries that row, releases the rows behind it and any handed off against the old view', async () => {
    const fake = fakeSteps(new Set(['2']));
    const handed = deliveryOf(fake);
    const before = handed.holding('c1').epoch;
    handed.take([row('1'), row('2'), row('3')], before);
    await handed.idle();
    expect([...fake.log].sort()).toEqual(
      ['deliver 1', 'deliver 2', 'release 3', 'retry 2', 'sent 1'].sort(),
    );
    // Released only once the failed row is settled for its retry, so it goes first again.
    expect(fake.log.indexOf('retry 2')).toBeLessThan(fake.log.indexOf('release 3'));
    // A step written while that happened asked at the old epoch: its rows go back to the queue.
    handed.take([row('4')], before);
    await handed.idle();
    expect(fake.log.at(-1)).toBe('release 4');
    expect(handed.holding('c1').epoch).not.toBe(before);
  });

  it('lets the next step statement carry the delivered rows, and marks them alone when none comes', async () => {
    const fake = fakeSteps();
    const handed = deliveryOf(fake, 60_000);
    expect(handed.takeSent()).toBeNull();
    handed.take([row('1'), row('2', 'c2')], handed.holding('c1').epoch);
    await waitUntil(() => fake.log.length === 2, 1_000);
    const carrier = handed.takeSent();
    expect(carrier?.sent.ids).toEqual(['1', '2']);
    // Still held while the statement carrying them is in flight: the next step's rows of the
    // conversation wait behind them, not behind a claim.
    expect(handed.holding('c1').own).toEqual(['1']);
    expect(handed.takeSent()).toBeNull();
    carrier?.settled(true);
    expect(fake.log.slice(2)).toEqual(['carried 1,2']);
    expect(handed.holding('c1').own).toEqual([]);

    // A carrying statement that failed: the rows get a statement of their own at once.
    handed.take([row('3')], handed.holding('c1').epoch);
    await waitUntil(() => fake.log.includes('deliver 3'), 1_000);
    handed.takeSent()?.settled(false);
    await handed.idle();
    expect(fake.log.slice(4)).toEqual(['sent 3']);
  });

  it('starts the linger again for rows delivered after a statement carried the ones before', async () => {
    const fake = fakeSteps();
    const handed = deliveryOf(fake, 150);
    handed.take([row('1')], handed.holding('c1').epoch);
    await nextTurn();
    expect(fake.log).toEqual(['deliver 1']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    handed.takeSent()?.settled(true);
    handed.take([row('2')], handed.holding('c1').epoch);
    await nextTurn();
    // Past the first row's linger, within the second's: still waiting for a statement to carry it.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fake.log).toEqual(['deliver 1', 'carried 1', 'deliver 2']);
    expect(handed.takeSent()?.sent.ids).toEqual(['2']);
  });

  it('marks delivered rows after the linger when no step statement carries them', async () => {
    const fake = fakeSteps();
    const handed = deliveryOf(fake, 20);
    handed.take([row('1')], handed.holding('c1').epoch);
    await waitUntil(() => fake.log.includes('sent 1'), 1_000);
    expect(fake.log).toEqual(['deliver 1', 'sent 1']);
    expect(handed.holding('c1').own).toEqual([]);
    expect(handed.takeSent()).toBeNull();
  });

  it('marks delivered rows again after a statement failed (a connection cut), then leaves them to the lease', async () => {
    const blip = fakeSteps(new Set(), 2);
    const errors: unknown[] = [];
    const handed = new HandedDelivery(blip.steps, 30_000, 1_000, (error) => errors.push(error), 20);
    handed.take([row('1')], handed.holding('c1').epoch);
    await waitUntil(() => handed.holding('c1').own.length === 0, 2_000);
    expect(blip.log).toEqual(['deliver 1', 'sent 1', 'sent 1', 'sent 1']);
    expect(errors).toEqual([]);

    // Down for longer than the tries (50 + 100 + 200 + 400 + 800 ms): the lease's claim redelivers.
    const down = fakeSteps(new Set(), Infinity);
    const failing = new HandedDelivery(
      down.steps,
      30_000,
      1_000,
      (error) => errors.push(error),
      20,
    );
    failing.take([row('2')], failing.holding('c1').epoch);
    await waitUntil(() => errors.length > 0, 5_000);
    expect(down.log).toEqual(['deliver 2', ...Array<string>(6).fill('sent 2')]);
    expect(errors).toEqual([new Error('the connection was cut')]);
    expect(failing.holding('c1').own).toEqual([]);
  });

  it("holds the rows at once and delivers them on the next turn, after the step's answer", async () => {
    const fake = fakeSteps();
    const handed = deliveryOf(fake);
    handed.take([row('1')], handed.holding('c1').epoch);
    // What the request that made the step does next (its answer) runs before the delivery; the
    // conversation's next step already counts the row as this process's.
    await Promise.resolve();
    expect(fake.log).toEqual([]);
    expect(handed.holding('c1').own).toEqual(['1']);
    handed.take([row('2')], handed.holding('c1').epoch);
    await nextTurn();
    expect(fake.log).toEqual(['deliver 1', 'deliver 2']);
    await handed.idle();
    expect(fake.log.slice(2)).toEqual(['sent 1,2']);
  });

  it('runs conversations side by side', async () => {
    const fake = fakeSteps();
    const handed = deliveryOf(fake);
    fake.hold();
    const { epoch } = handed.holding('a');
    handed.take([row('1', 'a'), row('2', 'b')], epoch);
    expect(handed.holding('a').own).toEqual(['1']);
    expect(handed.holding('b').own).toEqual(['2']);
    fake.open();
    await handed.idle();
    expect(fake.log.filter((l) => l.startsWith('deliver')).sort()).toEqual([
      'deliver 1',
      'deliver 2',
    ]);
  });
});

describe.each(testBackends())('hand-off through the runtime on $name', (backend) => {
  let database: Database;
  let core: Core;
  let workers: Workers;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let connectionId: string;

  beforeAll(async () => {
    database = await backend.open();
    sink = await startSink();
    core = createCore({ database, secretKey: randomBytes(32) });
    ({ connectionId } = await seedConnection(database.db, core.connections, {
      type: 'api',
      flow: crashFlow(),
      settings: apiSettings(sink.url, 2_000),
    }));
    // A poll too slow to matter and no wake: only the hand-off can deliver here.
    workers = new Workers(core, 60_000, (error) => {
      throw error;
    });
    workers.start();
  });

  afterAll(async () => {
    await workers.stop();
    await sink.close();
    await database.close();
  });

  it("delivers each committed step's rows without a claim, in order, each row claimed once", async () => {
    const texts = ['one', 'two', 'three', 'four'];
    for (const [index, text] of texts.entries()) {
      await core.runtime.ingest(connectionId, {
        externalId: 'handed-1',
        dedupKey: `handed-1-m${index}`,
        start: { customer: { fields: {} }, metadata: {}, text },
        event: { type: 'customer.message', text },
      });
    }
    const [conversation] = await database.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.externalId, 'handed-1'));
    const rowsOf = () =>
      database.db
        .select({ key: outbox.idempotencyKey, state: outbox.state, attempts: outbox.attempts })
        .from(outbox)
        .where(eq(outbox.conversationId, conversation?.id ?? ''))
        .orderBy(asc(outbox.id));
    // ack for the first message, then "got it" for each of the three others.
    await waitUntil(async () => (await rowsOf()).every((r) => r.state === 'sent'), 10_000);
    const rows = await rowsOf();
    expect(rows.map((r) => [r.state, r.attempts])).toEqual(
      Array.from({ length: 4 }, () => ['sent', 1]),
    );
    const delivered = sink
      .delivered()
      .filter((r) => r.idempotencyKey?.startsWith(conversation?.id ?? '-'))
      .map((r) => (r.body['message'] as { text: string }).text);
    expect(delivered).toEqual(['ack', 'got it', 'got it', 'got it']);
  });
});
