import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core.js';
import type { Database } from '../db/database.js';
import { conversations, events, messages, outbox, timers } from '../db/schema/index.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { startSink } from '../testing/sink.js';
import { testBackends } from '../testing/test-databases.js';

describe.each(testBackends())('conversation runtime on $name', (backend) => {
  let database: Database;
  let core: Core;
  let clock = Date.parse('2026-03-02T12:00:00Z');
  let sink: Awaited<ReturnType<typeof startSink>>;
  let api: { connectionId: string };
  let ra: { connectionId: string };

  const counts = async (conversationId: string) => {
    const { db } = database;
    const of = async (table: typeof events | typeof messages | typeof outbox | typeof timers) =>
      (
        await db.select({ n: count() }).from(table).where(eq(table.conversationId, conversationId))
      )[0]?.n;
    return {
      events: await of(events),
      messages: await of(messages),
      outbox: await of(outbox),
      timers: await of(timers),
    };
  };

  beforeAll(async () => {
    database = await backend.open();
    sink = await startSink();
    core = createCore({
      database,
      secretKey: randomBytes(32),
      now: () => clock,
      retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 },
    });
    api = await seedConnection(database.db, core.connections, {
      type: 'api',
      settings: apiSettings(sink.url),
    });
    ra = await seedConnection(database.db, core.connections, {
      type: 'reclame-aqui',
      settings: {
        description: 'RA',
        companyEmail: 'sac@loja.example',
        user: 'client-id',
        password: 'client-secret',
      },
    });
  });
  afterAll(async () => {
    await sink.close();
    await database.close();
  });

  const start = (externalId: string, messageId: string, text = 'Oi, tudo bem?') => ({
    externalId,
    dedupKey: messageId,
    start: { customer: { name: 'Ana', fields: {} }, metadata: {}, text },
    event: { type: 'customer.message' as const, messageId, text },
  });

  it('opens a conversation on its first message and writes the step in one go', async () => {
    const [outcome] = await core.runtime.ingest(api.connectionId, start('c-1', 'msg-1'));
    expect(outcome).toMatchObject({ status: 'applied', seq: 1 });
    const id = outcome?.conversationId ?? '';
    const [row] = await database.db.select().from(conversations).where(eq(conversations.id, id));
    expect(row).toMatchObject({
      externalId: 'c-1',
      channel: 'api',
      flowState: 'wait',
      status: 'waiting',
      version: 1,
    });
    expect(await counts(id)).toEqual({ events: 1, messages: 2, outbox: 1, timers: 1 });
    const transcript = await database.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, id))
      .orderBy(messages.direction);
    expect(transcript.map((m) => [m.direction, m.author, m.text, m.state])).toEqual([
      ['inbound', 'customer', 'Oi, tudo bem?', 'received'],
      ['outbound', 'bot', 'Olá Ana!', 'pending'],
    ]);
  });

  it('changes nothing when the same delivery comes twice', async () => {
    const again = await core.runtime.ingest(api.connectionId, start('c-1', 'msg-1'));
    expect(again.map((o) => o.status)).toEqual(['duplicate']);
    const [row] = await database.db
      .select()
      .from(conversations)
      .where(eq(conversations.externalId, 'c-1'));
    expect(await counts(row?.id ?? '')).toEqual({ events: 1, messages: 2, outbox: 1, timers: 1 });
  });

  it('delivers the outbox once with its idempotency key, retrying 5xx and 429 with Retry-After', async () => {
    sink.script.push({ status: 503 }, { status: 429, headers: { 'retry-after': '7' } });
    expect(await core.outbox.runOnce()).toBe(1);
    const [afterFirst] = await database.db.select().from(outbox);
    expect(afterFirst).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: `POST ${sink.url}: HTTP 503`,
    });
    clock += 1_000;
    await core.outbox.runOnce();
    const [afterSecond] = await database.db.select().from(outbox);
    expect(afterSecond?.nextAttemptAt.getTime()).toBe(clock + 7_000);
    expect(await core.outbox.runOnce()).toBe(0);
    clock += 7_000;
    expect(await core.outbox.runOnce()).toBe(1);
    expect(await core.outbox.runOnce()).toBe(0);
    const [sent] = await database.db.select().from(outbox);
    expect(sent).toMatchObject({ state: 'sent', attempts: 3 });
    expect(
      sink.delivered().map((r) => [r.idempotencyKey, (r.body['message'] as { text: string }).text]),
    ).toEqual([[sent?.idempotencyKey, 'Olá Ana!']]);
    expect(sink.received[0]?.authorization).toBe('Bearer outbound-token-0123456789');
    const [message] = await database.db.select().from(messages).where(eq(messages.author, 'bot'));
    expect(message?.state).toBe('sent');
  });

  it('fires a due timer once and ignores it afterwards', async () => {
    const [row] = await database.db
      .select()
      .from(conversations)
      .where(eq(conversations.externalId, 'c-1'));
    const id = row?.id ?? '';
    expect(await core.timers.runOnce()).toBe(0);
    clock += 60 * 60_000;
    expect(await core.timers.runOnce()).toBe(1);
    expect(await core.timers.runOnce()).toBe(0);
    const [after] = await database.db.select().from(conversations).where(eq(conversations.id, id));
    expect(after?.flowState).toBe('$ended');
    expect(await counts(id)).toMatchObject({ events: 2, timers: 0, outbox: 2 });
  });

  it('refuses an agent action a channel rule forbids, writing nothing', async () => {
    const [opened] = await core.runtime.ingest(
      ra.connectionId,
      start('ra-1', 'ra-msg-1', 'Produto quebrado'),
    );
    const id = opened?.conversationId ?? '';
    const reply = (text: string) => ({
      type: 'agent.reply' as const,
      agentId: 'bia',
      text,
      visibility: 'public' as const,
    });
    expect(await core.runtime.dispatch(id, reply('Resposta pública'))).toMatchObject({
      status: 'applied',
    });
    const before = await counts(id);
    const second = await core.runtime.dispatch(id, reply('Outra'));
    expect(second).toEqual({
      status: 'rejected',
      conversationId: id,
      rejection: {
        code: 'CHANNEL_PUBLIC_ANSWER_LIMIT',
        message: 'this channel takes at most 1 public answer(s) per conversation',
        params: { max: 1 },
      },
    });
    expect(await counts(id)).toEqual(before);
  });

  it('marks a delivery dead after the last try', async () => {
    while ((await core.outbox.runOnce()) > 0);
    const [opened] = await core.runtime.ingest(api.connectionId, start('c-2', 'msg-2'));
    const id = opened?.conversationId ?? '';
    sink.script.push({ status: 500 }, { status: 500 }, { status: 500 });
    for (let attempt = 0; attempt < 3; attempt++) {
      await core.outbox.runOnce();
      clock += 20_000;
    }
    const [row] = await database.db.select().from(outbox).where(eq(outbox.conversationId, id));
    expect(row).toMatchObject({
      state: 'dead',
      attempts: 3,
      lastError: `POST ${sink.url}: HTTP 500`,
    });
    const [message] = await database.db
      .select()
      .from(messages)
      .where(eq(messages.id, row?.messageId ?? ''));
    expect(message).toMatchObject({ state: 'dead', error: `POST ${sink.url}: HTTP 500` });
  });
});
