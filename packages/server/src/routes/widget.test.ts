import type { FlowInput } from '@attendflow/engine';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, events } from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';
import { openTestSocket, type TestSocket } from '../testing/ws-client.js';
import { unknownChatCloseCode } from './widget.js';
import { flowNode } from '../testing/flow-node.js';

const base = { distributeTo: 'SAC', offHoursEmail: 'chat@loja.example' };

/** Greets by business hours: `weekly` of every day, so a test picks open or closed. */
function hoursFlow(weekly: Array<Array<{ from: string; to: string }>>): FlowInput {
  return {
    schemaVersion: 1,
    name: 'Hours',
    nodes: [
      flowNode('start', 'trigger', {}),
      flowNode('hours', 'business-hours', { schedule: { timeZone: 'UTC', weekly } }),
      flowNode('open', 'auto-message', { text: 'Bem-vindo!' }),
      flowNode('closed', 'auto-message', { text: 'Estamos fora do horário.' }),
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'hours' },
      { id: 'e2', source: 'hours', sourcePort: 'open', target: 'open' },
      { id: 'e3', source: 'hours', sourcePort: 'closed', target: 'closed' },
    ],
    variables: [],
  };
}

describe.each(testBackends())('web-chat widget on $name', (backend) => {
  let t: TestApp;
  let chat: string;
  let sessions = 0;
  const seed = async (settings: Record<string, unknown> = {}, flow?: FlowInput) =>
    (
      await seedConnection(t.database.db, t.core.connections, {
        type: 'web-chat',
        settings: { ...base, ...settings },
        ...(flow ? { flow } : {}),
      })
    ).connectionId;
  const open = (connectionId: string, session = `session-${++sessions}-abcdef`) =>
    openTestSocket(t.app, `/api/widget/${connectionId}?session=${session}`).then((socket) =>
      Object.assign(socket, { session }),
    );
  const conversationOf = async (connectionId: string, session: string) =>
    (
      await t.database.db
        .select()
        .from(conversations)
        .where(
          and(eq(conversations.connectionId, connectionId), eq(conversations.externalId, session)),
        )
    )[0];
  const agentId = async () => (await t.users.resolve(t.agentToken))?.userId ?? '';
  const messages = (socket: TestSocket, from = 0) =>
    socket.frames
      .slice(from)
      .filter((f) => f['type'] === 'message')
      .map((f) => [f['author'], f['text']]);

  beforeAll(async () => {
    t = await startTestApp(backend);
    chat = await seed();
  });
  afterAll(() => t.close());

  it('serves the widget page of a web-chat connection only, its files, and the home page', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/widget/${chat}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const element of [
      'id="messages"',
      'id="composer"',
      'id="prechat"',
      'id="rating"',
      'data-rating="good"',
      'data-rating="bad"',
      'id="closed"',
      'src="/widget/assets/widget.js"',
      'href="/widget/assets/widget.css"',
    ])
      expect(page.body).toContain(element);
    const script = await t.app.inject({ method: 'GET', url: '/widget/assets/widget.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('/api/widget/');
    expect(script.body).toContain('localStorage');
    const style = await t.app.inject({ method: 'GET', url: '/widget/assets/widget.css' });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');

    const { connectionId: api } = await seedConnection(t.database.db, t.core.connections, {
      type: 'api',
      settings: {
        outboundUrl: 'http://127.0.0.1:9/out',
        outboundToken: 'outbound-token-0123456789',
        inboundToken: 'inbound-token-0123456789',
      },
    });
    for (const url of [
      `/widget/${api}`,
      '/widget/00000000-0000-4000-8000-000000000000',
      '/widget/not-a-uuid',
      '/widget/assets/secret.txt',
    ]) {
      const missing = await t.app.inject({ method: 'GET', url });
      expect([
        url,
        missing.statusCode,
        missing.json<{ error: { code: string } }>().error.code,
      ]).toEqual([url, 404, 'NOT_FOUND']);
    }

    const home = await t.app.inject({ method: 'GET', url: '/' });
    // The designer when it is built (`pnpm start` builds it), else the placeholder page.
    expect([home.statusCode, home.headers['content-type']]).toEqual([
      200,
      'text/html; charset=utf-8',
    ]);
    expect(home.body).toMatch(/<title>attendflow/i);
    const demo = await t.app.inject({ method: 'GET', url: '/widget' });
    expect(demo.statusCode).toBe(302);
    expect(demo.headers.location).toBe(`/widget/${chat}`);
  });

  it('runs a whole chat: greeting, operator reply with name, rating, close, replay', async () => {
    const socket = await open(chat);
    expect(await socket.waitFor((f) => f['type'] === 'ready')).toEqual({
      type: 'ready',
      status: null,
      preChat: [],
      options: { offerRating: true, showOperatorName: true, showOperatorPhoto: false },
    });
    socket.send({
      type: 'message',
      sessionId: socket.session,
      messageId: 'v-1',
      text: 'Oi, preciso de ajuda',
    });
    await socket.waitFor((f) => f['type'] === 'message' && f['author'] === 'bot');
    expect(messages(socket)).toEqual([
      ['customer', 'Oi, preciso de ajuda'],
      ['bot', 'Olá !'],
    ]);
    expect(await socket.waitFor((f) => f['type'] === 'ack')).toEqual({
      type: 'ack',
      messageId: 'v-1',
    });
    const conversation = await conversationOf(chat, socket.session);
    expect(conversation?.channel).toBe('web-chat');

    const agent = await agentId();
    await t.core.runtime.dispatch(conversation?.id ?? '', {
      type: 'agent.reply',
      agentId: agent,
      text: 'Oi! Sou a Bia.',
    });
    expect(await socket.waitFor((f) => f['author'] === 'agent')).toMatchObject({
      type: 'message',
      author: 'agent',
      text: 'Oi! Sou a Bia.',
      operator: { name: 'Bia' },
    });

    await t.core.runtime.dispatch(conversation?.id ?? '', {
      type: 'agent.requested-evaluation',
      agentId: agent,
    });
    expect(await socket.waitFor((f) => f['type'] === 'rating')).toEqual({ type: 'rating' });
    socket.send({ type: 'rating', sessionId: socket.session, messageId: 'r-1', rating: 'good' });
    await socket.waitFor((f) => f['type'] === 'ack' && f['messageId'] === 'r-1');
    const [evaluated] = await t.database.db
      .select()
      .from(events)
      .where(
        and(
          eq(events.conversationId, conversation?.id ?? ''),
          eq(events.type, 'customer.evaluated'),
        ),
      );
    expect(evaluated).toMatchObject({
      dedupKey: 'r-1',
      actor: 'customer',
      payload: { type: 'customer.evaluated', rating: 'good' },
    });

    await t.core.runtime.dispatch(conversation?.id ?? '', {
      type: 'agent.closed',
      agentId: agent,
      solution: 'ok',
    });
    expect(await socket.waitFor((f) => f['type'] === 'closed')).toEqual({ type: 'closed' });
    expect(socket.frames.filter((f) => f['type'] === 'rating')).toHaveLength(1);
    socket.close();

    // Coming back with the same session replays the transcript, and says it is closed.
    const again = await open(chat, socket.session);
    await again.waitFor((f) => f['type'] === 'closed');
    expect(again.frames[0]).toMatchObject({ type: 'ready', status: 'closed', preChat: [] });
    expect(messages(again)).toEqual([
      ['customer', 'Oi, preciso de ajuda'],
      ['bot', 'Olá !'],
      ['agent', 'Oi! Sou a Bia.'],
    ]);
    expect(again.frames.filter((f) => f['type'] === 'rating')).toEqual([]);
    again.close();
  });

  it('asks for pre-chat fields first and refuses a first message without the required ones', async () => {
    const connectionId = await seed({
      preChatFields: [
        { field: 'name', required: true },
        { field: 'custom', label: 'Pedido', required: false },
      ],
    });
    const socket = await open(connectionId);
    expect(await socket.waitFor((f) => f['type'] === 'ready')).toMatchObject({
      preChat: [
        { field: 'name', label: '', required: true },
        { field: 'custom', label: 'Pedido', required: false },
      ],
    });
    socket.send({ type: 'message', sessionId: socket.session, messageId: 'v-1', text: 'Oi' });
    expect(await socket.waitFor((f) => f['type'] === 'error')).toEqual({
      type: 'error',
      code: 'VALIDATION_FAILED',
      message: 'customer.name: required before the chat starts',
      messageId: 'v-1',
    });
    expect(await conversationOf(connectionId, socket.session)).toBeUndefined();
    socket.send({
      type: 'message',
      sessionId: socket.session,
      messageId: 'v-2',
      text: 'Oi',
      customer: { name: 'Ana', fields: { Pedido: '123' } },
    });
    await socket.waitFor((f) => f['author'] === 'bot');
    expect(messages(socket)).toEqual([
      ['customer', 'Oi'],
      ['bot', 'Olá Ana!'],
    ]);
    expect((await conversationOf(connectionId, socket.session))?.customer).toEqual({
      name: 'Ana',
      fields: { Pedido: '123' },
    });
    socket.close();
  });

  it('skips pre-chat fields off hours when told to, by the flow’s business hours', async () => {
    const closedAllWeek = Array.from({ length: 7 }, () => []);
    const openAllWeek = Array.from({ length: 7 }, () => [{ from: '00:00', to: '23:59' }]);
    const settings = {
      preChatFields: [{ field: 'email', required: true }],
      showPreChatFieldsOffHours: false,
    };
    const offHours = await seed(settings, hoursFlow(closedAllWeek));
    const inHours = await seed(settings, hoursFlow(openAllWeek));
    const askedOffHours = await seed(
      { ...settings, showPreChatFieldsOffHours: true },
      hoursFlow(closedAllWeek),
    );
    const preChatOf = async (connectionId: string) => {
      const socket = await open(connectionId);
      const ready = await socket.waitFor((f) => f['type'] === 'ready');
      socket.close();
      return (ready['preChat'] as unknown[]).length;
    };
    expect([
      await preChatOf(offHours),
      await preChatOf(inHours),
      await preChatOf(askedOffHours),
    ]).toEqual([0, 1, 1]);

    const socket = await open(offHours);
    await socket.waitFor((f) => f['type'] === 'ready');
    socket.send({ type: 'message', sessionId: socket.session, messageId: 'v-1', text: 'Alô?' });
    await socket.waitFor((f) => f['author'] === 'bot');
    expect(messages(socket)).toEqual([
      ['customer', 'Alô?'],
      ['bot', 'Estamos fora do horário.'],
    ]);
    socket.close();
  });

  it('hides the operator name and the rating when the connection says so', async () => {
    const connectionId = await seed({ showOperatorName: false, offerRating: false });
    const socket = await open(connectionId);
    socket.send({ type: 'message', sessionId: socket.session, messageId: 'v-1', text: 'Oi' });
    await socket.waitFor((f) => f['author'] === 'bot');
    const conversation = await conversationOf(connectionId, socket.session);
    const agent = await agentId();
    await t.core.runtime.dispatch(conversation?.id ?? '', {
      type: 'agent.reply',
      agentId: agent,
      text: 'Olá',
    });
    const reply = await socket.waitFor((f) => f['author'] === 'agent');
    expect(reply).not.toHaveProperty('operator');
    await t.core.runtime.dispatch(conversation?.id ?? '', {
      type: 'agent.requested-evaluation',
      agentId: agent,
    });
    const from = socket.frames.length;
    socket.send({ type: 'rating', sessionId: socket.session, messageId: 'r-1', rating: 'bad' });
    expect(await socket.waitFor((f) => f['type'] === 'error', { from })).toEqual({
      type: 'error',
      code: 'VALIDATION_FAILED',
      message: 'rating: this chat does not take ratings',
      messageId: 'r-1',
    });
    expect(socket.frames.filter((f) => f['type'] === 'rating')).toEqual([]);
    const rated = await t.database.db
      .select()
      .from(events)
      .where(
        and(
          eq(events.conversationId, conversation?.id ?? ''),
          eq(events.type, 'customer.evaluated'),
        ),
      );
    expect(rated).toEqual([]);
    socket.close();
  });

  it('names what is wrong with a bad frame, and refuses unknown chats', async () => {
    const socket = await open(chat);
    await socket.waitFor((f) => f['type'] === 'ready');
    socket.send('not json');
    socket.send({ type: 'message', sessionId: socket.session, messageId: 'v-1', text: '   ' });
    socket.send({ type: 'message', sessionId: 'someone-else-123', messageId: 'v-2', text: 'Oi' });
    socket.send({ type: 'shout', sessionId: socket.session });
    await socket.waitFor(() => socket.frames.filter((f) => f['type'] === 'error').length >= 4);
    expect(socket.frames.filter((f) => f['type'] === 'error').map((f) => f['message'])).toEqual([
      'frame: not JSON',
      'text: Too small: expected string to have >=1 characters',
      'sessionId: not this socket’s session',
      expect.stringContaining('type'),
    ]);
    expect(await conversationOf(chat, socket.session)).toBeUndefined();
    socket.close();

    const unknown = await open('00000000-0000-4000-8000-000000000000');
    expect(await unknown.waitForClose()).toEqual({
      code: unknownChatCloseCode,
      reason: 'unknown chat',
    });
    await expect(openTestSocket(t.app, `/api/widget/${chat}?session=x`)).rejects.toThrow('400');
  });
});
