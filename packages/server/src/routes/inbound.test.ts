import { createHmac } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { ChannelAdapter } from '@attendflow/engine';
import { channelAdapters } from '@attendflow/nodes/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelConnections, conversations, events, messages, outbox } from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startSink } from '../testing/sink.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

const inboundToken = 'inbound-token-0123456789';

type Results = {
  results: Array<{ externalId: string; conversationId: string; status: string }>;
};

describe.each(testBackends())('inbound webhook on $name', (backend) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let connectionId: string;

  const settings = () => ({
    outboundUrl: sink.url,
    outboundToken: 'outbound-token-0123456789',
    inboundToken,
    timeoutMs: 1_000,
  });
  const message = (conversationId: string, messageId: string, text = 'Oi, tudo bem?') => ({
    type: 'message',
    conversationId,
    messageId,
    text,
    customer: { name: 'Ana' },
    subject: 'Pedido 42',
  });
  const deliver = (
    payload: unknown,
    options: { id?: string; token?: string | null; headers?: Record<string, string> } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/channels/${options.id ?? connectionId}/inbound`,
      headers: {
        'content-type': 'application/json',
        ...(options.token === null
          ? {}
          : { authorization: `Bearer ${options.token ?? inboundToken}` }),
        ...options.headers,
      },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const tally = async () => {
    const { db } = t.database;
    const of = async (
      table: typeof conversations | typeof events | typeof messages | typeof outbox,
    ) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
    return {
      conversations: await of(conversations),
      events: await of(events),
      messages: await of(messages),
      outbox: await of(outbox),
    };
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    sink = await startSink();
    ({ connectionId } = await seedConnection(t.database.db, t.core.connections, {
      type: 'api',
      settings: settings(),
    }));
  });
  afterAll(async () => {
    await sink.close();
    await t.close();
  });

  it('opens a conversation from a delivery and answers per item', async () => {
    const response = await deliver(message('c-1', 'msg-1'));
    expect(response.statusCode).toBe(200);
    const [result] = response.json<Results>().results;
    expect(result).toMatchObject({ externalId: 'c-1', status: 'applied' });
    const [row] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, result?.conversationId ?? ''));
    expect(row).toMatchObject({
      connectionId,
      externalId: 'c-1',
      subject: 'Pedido 42',
      flowState: 'wait',
    });
    expect(await tally()).toEqual({ conversations: 1, events: 1, messages: 2, outbox: 1 });
    expect(await t.core.outbox.runOnce()).toBe(1);
    expect(sink.delivered().map((r) => (r.body['message'] as { text: string }).text)).toEqual([
      'Olá Ana!',
    ]);
  });

  it('answers a duplicate delivery the same way, writing nothing', async () => {
    const before = await tally();
    const first = await t.database.db.select().from(conversations);
    const again = await deliver(message('c-1', 'msg-1'));
    expect(again.statusCode).toBe(200);
    expect(again.json<Results>().results).toEqual([
      { externalId: 'c-1', conversationId: first[0]?.id, status: 'duplicate' },
    ]);
    expect(await tally()).toEqual(before);
    expect(await t.database.db.select().from(conversations)).toEqual(first);
  });

  it('takes a batch: a new conversation and a message on an existing one', async () => {
    const response = await deliver({
      items: [message('c-2', 'msg-2'), message('c-1', 'msg-3', 'Alguém aí?')],
    });
    const results = response.json<Results>().results;
    expect(results.map((r) => [r.externalId, r.status])).toEqual([
      ['c-2', 'applied'],
      ['c-1', 'applied'],
    ]);
    const [c1] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.externalId, 'c-1'));
    expect(c1).toMatchObject({ flowState: 'agent', version: 2 });
    expect(await tally()).toMatchObject({ conversations: 2, events: 3 });
  });

  it('refuses unauthenticated, unknown, disabled and flowless deliveries, writing nothing', async () => {
    const before = await tally();
    const expectError = async (
      response: Awaited<ReturnType<typeof deliver>>,
      status: number,
      code: string,
    ) => {
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ error: { code } });
    };
    await expectError(
      await deliver(message('c-9', 'msg-9'), { token: 'wrong-token-0123456789' }),
      401,
      'INBOUND_UNAUTHORIZED',
    );
    await expectError(
      await deliver(message('c-9', 'msg-9'), { token: null }),
      401,
      'INBOUND_UNAUTHORIZED',
    );
    await expectError(
      await deliver(message('c-9', 'msg-9'), { id: crypto.randomUUID() }),
      404,
      'NOT_FOUND',
    );
    const badId = await deliver(message('c-9', 'msg-9'), { id: 'nope' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json<{ error: { message: string } }>().error.message).toContain('params.id');

    await t.database.db
      .update(channelConnections)
      .set({ status: 'disabled' })
      .where(eq(channelConnections.id, connectionId));
    t.core.connections.forget(connectionId);
    await expectError(await deliver(message('c-9', 'msg-9')), 409, 'CONNECTION_DISABLED');
    // A wrong token learns nothing, not even that the connection is disabled.
    await expectError(
      await deliver(message('c-9', 'msg-9'), { token: 'x' }),
      401,
      'INBOUND_UNAUTHORIZED',
    );
    await t.database.db
      .update(channelConnections)
      .set({ status: 'active', flowId: null })
      .where(eq(channelConnections.id, connectionId));
    t.core.connections.forget(connectionId);
    await expectError(await deliver(message('c-9', 'msg-9')), 409, 'CONNECTION_HAS_NO_FLOW');
    expect(await tally()).toEqual(before);
  });
});

describe.each(testBackends())('inbound payloads on $name', (backend) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let connectionId: string;
  const api = channelAdapters.find((adapter) => adapter.channel.type === 'api') as ChannelAdapter;
  const sign = (body: string) => createHmac('sha256', inboundToken).update(body).digest('hex');
  // The API adapter with a signature over the raw body instead of a bearer token.
  const signed: ChannelAdapter = {
    ...api,
    verifyInbound: (request, settings) =>
      request.headers['x-signature'] === sign(request.rawBody) &&
      (settings as { inboundToken: string }).inboundToken === inboundToken,
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { adapters: [signed] });
    sink = await startSink();
    ({ connectionId } = await seedConnection(t.database.db, t.core.connections, {
      type: 'api',
      settings: {
        outboundUrl: sink.url,
        outboundToken: 'outbound-token-0123456789',
        inboundToken,
      },
    }));
  });
  afterAll(async () => {
    await sink.close();
    await t.close();
  });

  const post = (body: string, signature: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: `/api/channels/${connectionId}/inbound`,
      headers: { 'content-type': contentType, 'x-signature': signature },
      payload: body,
    });

  it('hands the adapter the exact bytes that were signed', async () => {
    const body = `{ "type": "message",\n  "conversationId": "s-1", "messageId": "m-1", "text": "Olá"  }`;
    const ok = await post(body, sign(body));
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Results>().results[0]).toMatchObject({ externalId: 's-1', status: 'applied' });
    const tampered = await post(body.replace('Olá', 'Olé'), sign(body));
    expect(tampered.statusCode).toBe(401);
    const charset = await post(
      body.replace('m-1', 'm-2'),
      sign(body.replace('m-1', 'm-2')),
      'application/json; charset=utf-8',
    );
    expect(charset.json<Results>().results[0]).toMatchObject({ status: 'applied' });
  });

  it('answers 400 naming the fields of a bad payload, and for malformed JSON', async () => {
    const before = (await t.database.db.select({ n: count() }).from(events))[0]?.n;
    const bad = JSON.stringify({ type: 'message', messageId: 'm-3', text: '' });
    const response = await post(bad, sign(bad));
    expect(response.statusCode).toBe(400);
    const { error } = response.json<{
      error: { code: string; message: string; details: { issues: string[] } };
    }>();
    // The adapter's own words, relayed (the API adapter's union reports only "body: Invalid input").
    const parsed = api.parseInbound({ headers: {}, rawBody: bad, body: JSON.parse(bad) }, {});
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    expect(issues.length).toBeGreaterThan(0);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: issues.join('; '),
      details: { issues },
    });
    const malformed = '{"type":';
    const broken = await post(malformed, sign(malformed));
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ error: { message: string } }>().error.message).toMatch(/^body: /);
    expect((await t.database.db.select({ n: count() }).from(events))[0]?.n).toBe(before);
  });
});
