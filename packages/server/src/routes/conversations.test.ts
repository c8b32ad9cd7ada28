import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, events, messages, outbox, timers } from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startSink } from '../testing/sink.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

type Summary = { id: string; externalId: string; status: string; assignee: string | null };
type Page = { items: Summary[]; nextCursor: string | null };
type ErrorBody = { error: { code: string; message: string; details?: { rule?: string } } };

describe.each(testBackends())('conversation routes on $name', (backend) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let api: { connectionId: string; versionId: string };
  let ra: { connectionId: string };
  let agentId: string;
  const ids: Record<string, string> = {};

  const open = async (connectionId: string, externalId: string, text: string) => {
    t.clock.now += 1_000;
    const [outcome] = await t.core.runtime.ingest(connectionId, {
      externalId,
      dedupKey: `${externalId}-1`,
      start: {
        customer: { name: 'Ana', fields: {} },
        metadata: {},
        subject: `Pedido ${externalId}`,
        text,
      },
      event: { type: 'customer.message', messageId: `${externalId}-1`, text },
    });
    ids[externalId] = outcome?.conversationId ?? '';
    return ids[externalId];
  };
  const say = async (connectionId: string, externalId: string, messageId: string, text: string) => {
    t.clock.now += 1_000;
    await t.core.runtime.ingest(connectionId, {
      externalId,
      dedupKey: messageId,
      event: { type: 'customer.message', messageId, text },
    });
  };
  const get = (url: string, who: 'admin' | 'agent' = 'agent') =>
    t.app.inject({ method: 'GET', url, headers: t.as(who) });
  const act = (
    id: string,
    action: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => {
    t.clock.now += 1_000;
    return t.app.inject({
      method: 'POST',
      url: `/api/conversations/${id}/${action}`,
      headers: { ...t.as('agent'), ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  };
  const rowsOf = async (id: string) => {
    const { db } = t.database;
    const of = async (table: typeof events | typeof messages | typeof outbox | typeof timers) =>
      (await db.select({ n: count() }).from(table).where(eq(table.conversationId, id)))[0]?.n;
    const [row] = await db.select().from(conversations).where(eq(conversations.id, id));
    return {
      events: await of(events),
      messages: await of(messages),
      outbox: await of(outbox),
      timers: await of(timers),
      row,
    };
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    sink = await startSink();
    api = await seedConnection(t.database.db, t.core.connections, {
      type: 'api',
      settings: {
        outboundUrl: sink.url,
        outboundToken: 'outbound-token-0123456789',
        inboundToken: 'inbound-token-0123456789',
      },
    });
    ra = await seedConnection(t.database.db, t.core.connections, {
      type: 'reclame-aqui',
      settings: {
        description: 'RA',
        companyEmail: 'sac@loja.example',
        user: 'client-id',
        password: 'client-secret',
        // Nothing listens there: deliveries fail fast and wait for their retry.
        baseUrl: 'http://127.0.0.1:9/api',
      },
    });
    agentId = (await t.users.resolve(t.agentToken))?.userId ?? '';
    await open(api.connectionId, 'a-1', 'Meu pedido atrasou');
    await open(api.connectionId, 'a-2', 'Quero trocar o tamanho');
    await say(api.connectionId, 'a-2', 'a-2-2', 'É uma camiseta azul');
    await open(api.connectionId, 'a-3', 'Cancelar assinatura');
  });
  afterAll(async () => {
    await sink.close();
    await t.close();
  });

  it('lists conversations newest first, filtered, page by page', async () => {
    const all = await get('/api/conversations');
    expect(all.statusCode).toBe(200);
    expect(all.json<Page>().items.map((c) => c.externalId)).toEqual(['a-3', 'a-2', 'a-1']);
    const pageOne = (await get('/api/conversations?limit=2')).json<Page>();
    expect(pageOne.items.map((c) => c.externalId)).toEqual(['a-3', 'a-2']);
    const pageTwo = (
      await get(`/api/conversations?limit=2&cursor=${pageOne.nextCursor}`)
    ).json<Page>();
    expect(pageTwo).toMatchObject({ items: [{ externalId: 'a-1' }], nextCursor: null });
    const names = async (query: string) =>
      (await get(`/api/conversations?${query}`)).json<Page>().items.map((c) => c.externalId);
    expect(await names('text=camiseta')).toEqual(['a-2']);
    expect(await names('text=PEDIDO%20a-1')).toEqual(['a-1']);
    expect(await names('text=a-3')).toEqual(['a-3']);
    expect(await names('text=100%25')).toEqual([]);
    expect(await names('sector=SAC')).toEqual(['a-2']);
    expect(await names('channel=api&status=waiting,in-attendance')).toEqual(['a-3', 'a-2', 'a-1']);
    expect(await names('channel=reclame-aqui')).toEqual([]);
    expect(await names('assignee=none')).toEqual(['a-3', 'a-2', 'a-1']);
    expect(await names('assignee=me')).toEqual([]);
  });

  it('refuses bad filters naming them, and strangers', async () => {
    const bad = await get('/api/conversations?status=lost&limit=0&colour=red');
    expect(bad.statusCode).toBe(400);
    const { message } = bad.json<ErrorBody>().error;
    for (const field of ['querystring.status', 'querystring.limit', 'colour'])
      expect(message).toContain(field);
    const cursor = await get('/api/conversations?cursor=garbage');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json<ErrorBody>().error.message).toContain('querystring.cursor');
    expect((await t.app.inject({ method: 'GET', url: '/api/conversations' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/conversations/${ids['a-1']}` })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/conversations/${ids['a-1']}/take` }))
        .statusCode,
    ).toBe(401);
    const missing = await get(`/api/conversations/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
  });

  it('shows a conversation with its transcript and event log', async () => {
    const response = await get(`/api/conversations/${ids['a-2']}`, 'admin');
    expect(response.statusCode).toBe(200);
    const detail = response.json<{
      customer: { name: string };
      flowVersion: { id: string; number: number };
      transcript: Array<Record<string, unknown>>;
      events: Array<{
        seq: number;
        type: string;
        actor: string;
        trace: Array<{ nodeId: string; kind: string }>;
      }>;
    }>();
    expect(detail).toMatchObject({
      externalId: 'a-2',
      subject: 'Pedido a-2',
      sector: 'SAC',
      flowState: 'agent',
      customer: { name: 'Ana' },
      flowVersion: { id: api.versionId, number: 1 },
    });
    expect(
      detail.transcript.map((m) => [m['direction'], m['author'], m['text'], m['state']]),
    ).toEqual([
      ['inbound', 'customer', 'Quero trocar o tamanho', 'received'],
      ['outbound', 'bot', 'Olá Ana!', 'pending'],
      ['inbound', 'customer', 'É uma camiseta azul', 'received'],
    ]);
    expect(detail.transcript[1]).toMatchObject({
      visibility: 'public',
      nodeId: 'hello',
      error: null,
    });
    expect(detail.events.map((e) => [e.seq, e.type, e.actor])).toEqual([
      [1, 'conversation.started', 'customer'],
      [2, 'customer.message', 'customer'],
    ]);
    expect(detail.events[1]?.trace.map((e) => `${e.kind}:${e.nodeId}`)).toEqual([
      'exit:wait',
      'enter:agent',
    ]);
  });

  it('takes, replies (once per idempotency key) and closes as the calling agent', async () => {
    const id = ids['a-2'] ?? '';
    const took = await act(id, 'take');
    expect(took.statusCode).toBe(200);
    expect(took.json()).toMatchObject({
      status: 'applied',
      seq: 3,
      conversation: { id, assignee: agentId, status: 'in-attendance' },
    });
    const reply = { text: 'Claro, já troco.', visibility: 'private' };
    const replied = await act(id, 'reply', reply, { 'idempotency-key': 'r-1' });
    expect(replied.json()).toMatchObject({ status: 'applied', seq: 4 });
    const again = await act(id, 'reply', reply, { 'idempotency-key': 'r-1' });
    expect(again.json()).toMatchObject({ status: 'duplicate', seq: null });
    const sent = await t.database.db.select().from(messages).where(eq(messages.author, 'agent'));
    expect(sent.map((m) => [m.conversationId, m.agentId, m.visibility, m.text, m.state])).toEqual([
      [id, agentId, 'private', 'Claro, já troco.', 'pending'],
    ]);
    const closed = await act(id, 'close', { solution: 'exchanged' });
    expect(closed.json()).toMatchObject({
      conversation: { status: 'closed', solution: 'exchanged' },
    });
    const log = await t.database.db.select().from(events).where(eq(events.conversationId, id));
    expect(log.map((e) => [e.type, e.actor])).toEqual([
      ['conversation.started', 'customer'],
      ['customer.message', 'customer'],
      ['agent.took', `agent:${agentId}`],
      ['agent.reply', `agent:${agentId}`],
      ['agent.closed', `agent:${agentId}`],
    ]);
    expect(
      await get(`/api/conversations?assignee=me&status=closed`).then((r) =>
        r.json<Page>().items.map((c) => c.id),
      ),
    ).toEqual([id]);
  });

  it('refuses bad bodies naming the field, writing nothing', async () => {
    const id = ids['a-1'] ?? '';
    const before = await rowsOf(id);
    for (const [action, payload, field] of [
      ['reply', { text: '' }, 'body.text'],
      ['reply', { text: 'oi', visibility: 'secret' }, 'body.visibility'],
      ['reply', { text: 'oi', cc: 'boss' }, 'cc'],
      ['close', { solution: 1 }, 'body.solution'],
    ] as const) {
      const response = await act(id, action, payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json<ErrorBody>().error.message).toContain(field);
    }
    expect(await rowsOf(id)).toEqual(before);
    expect((await act(crypto.randomUUID(), 'take')).statusCode).toBe(404);
  });

  it('enforces Reclame Aqui rules with 409 naming the rule, writing nothing', async () => {
    const id = await open(ra.connectionId, 'ra-1', 'Produto quebrado');
    const refused = async (action: string, payload: unknown, rule: string) => {
      const before = await rowsOf(id);
      const response = await act(id, action, payload);
      expect(response.statusCode, `${action} → ${rule}`).toBe(409);
      expect(response.json<ErrorBody>().error).toMatchObject({
        code: 'CHANNEL_RULE_VIOLATION',
        details: { rule },
      });
      expect(await rowsOf(id)).toEqual(before);
    };
    // The options the console shows come from the engine's own rules, and write nothing.
    const options = async () => {
      const before = await rowsOf(id);
      const response = await get(`/api/conversations/${id}/options`);
      expect(await rowsOf(id)).toEqual(before);
      type Option = { allowed: boolean; code: string | null };
      const body = response.json<{
        reply: { public: Option; private: Option };
        requestEvaluation: Option;
        transfer: Option;
        close: Option;
      }>();
      const code = (option: Option) => (option.allowed ? 'ok' : option.code);
      return {
        reply: { public: code(body.reply.public), private: code(body.reply.private) },
        requestEvaluation: code(body.requestEvaluation),
        transfer: code(body.transfer),
        close: code(body.close),
      };
    };
    expect(await options()).toEqual({
      reply: { public: 'ok', private: 'ok' },
      requestEvaluation: 'CHANNEL_EVALUATION_BEFORE_ANSWER',
      transfer: 'ok',
      close: 'ok',
    });
    await refused('request-evaluation', undefined, 'CHANNEL_EVALUATION_BEFORE_ANSWER');
    expect(
      (await act(id, 'reply', { text: 'Resposta pública', visibility: 'public' })).statusCode,
    ).toBe(200);
    expect(await options()).toEqual({
      reply: { public: 'CHANNEL_PUBLIC_ANSWER_LIMIT', private: 'ok' },
      requestEvaluation: 'ok',
      transfer: 'ok',
      close: 'ok',
    });
    await refused(
      'reply',
      { text: 'Outra resposta', visibility: 'public' },
      'CHANNEL_PUBLIC_ANSWER_LIMIT',
    );

    const moved = await act(id, 'transfer', { sector: 'Financeiro' });
    expect(moved.statusCode).toBe(200);
    expect((await rowsOf(id)).row).toMatchObject({
      sector: 'Financeiro',
      queue: 'Financeiro',
      assignee: null,
      status: 'waiting',
    });
    expect((await act(id, 'transfer', { sector: ' ' })).statusCode).toBe(400);

    const badReason = await act(id, 'request-moderation', { reason: 3, message: 'Não é nosso' });
    expect(badReason.statusCode).toBe(400);
    expect(badReason.json<ErrorBody>().error.message).toContain('body.reason');
    const noTarget = await act(id, 'request-moderation', { reason: 1, message: 'Outra empresa' });
    expect(noTarget.json<ErrorBody>().error.message).toContain('body.migrateTo');
    const moderation = await act(id, 'request-moderation', { reason: 4, message: 'Duplicada' });
    expect(moderation.statusCode).toBe(200);
    const [requested] = await t.database.db
      .select()
      .from(events)
      .where(eq(events.type, 'agent.action'));
    expect(requested?.payload).toMatchObject({
      agentId,
      action: 'moderation.request',
      payload: { reason: 4, message: 'Duplicada' },
    });

    expect((await act(id, 'close', { solution: 'answered' })).statusCode).toBe(200);
    expect(await options()).toEqual({
      reply: { public: 'CHANNEL_RECEPTIVE_ONLY', private: 'CHANNEL_RECEPTIVE_ONLY' },
      requestEvaluation: 'CHANNEL_RECEPTIVE_ONLY',
      transfer: 'CHANNEL_RECEPTIVE_ONLY',
      close: 'CHANNEL_RECEPTIVE_ONLY',
    });
    await refused('take', undefined, 'CHANNEL_RECEPTIVE_ONLY');
    await refused('reply', { text: 'Mais uma', visibility: 'private' }, 'CHANNEL_RECEPTIVE_ONLY');
    await refused('request-evaluation', undefined, 'CHANNEL_RECEPTIVE_ONLY');
    await refused(
      'request-moderation',
      { reason: 4, message: 'Duplicada' },
      'CHANNEL_RECEPTIVE_ONLY',
    );
    await refused('close', {}, 'CHANNEL_RECEPTIVE_ONLY');
    await refused('transfer', { sector: 'SAC' }, 'CHANNEL_RECEPTIVE_ONLY');

    // The Reclame Aqui adapter delivers them in order; its API is unreachable here, so the first
    // row waits for its retry and the others queue behind it.
    t.clock.now += 10 * 60_000;
    await t.core.outbox.runOnce();
    const queued = await t.database.db.select().from(outbox).where(eq(outbox.conversationId, id));
    expect(queued.map((row) => [row.kind, row.state, row.lastError])).toEqual([
      ['message', 'pending', 'POST /auth/oauth/token failed'],
      ['message', 'pending', null],
      ['action', 'pending', null],
    ]);
  });

  it('answers 409 for a conversation whose flow never started', async () => {
    const [row] = await t.database.db
      .insert(conversations)
      .values({
        connectionId: api.connectionId,
        channel: 'api',
        externalId: 'never',
        flowVersionId: api.versionId,
        customer: { fields: {} },
      })
      .returning();
    const response = await act(row?.id ?? '', 'take');
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>().error.code).toBe('CONVERSATION_NOT_STARTED');
  });
});
