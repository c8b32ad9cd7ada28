import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createCore } from '../core.js';
import { openDatabase, type Database } from '../db/database.js';
import type { PgLiveBus } from '../services/pg-live-bus.js';
import { UserService } from '../services/users.js';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { itOnPostgres, testBackends } from '../testing/test-databases.js';
import { openTestSocket } from '../testing/ws-client.js';
import { unauthenticatedCloseCode } from './live.js';

const webChat = { distributeTo: 'SAC', offHoursEmail: 'chat@loja.example' };

describe.each(testBackends())('live updates on $name', (backend) => {
  let t: TestApp;
  let connectionId: string;
  let flowId: string;
  let conversationId: string;
  let session = 0;

  /** A new web-chat conversation greeted by the flow. */
  const startConversation = async () => {
    const [started] = await t.core.runtime.ingest(connectionId, {
      externalId: `visitor-${++session}`,
      dedupKey: `first-${session}`,
      start: { customer: { name: 'Ana', fields: {} }, metadata: {}, text: 'Oi' },
      event: { type: 'customer.message', messageId: `first-${session}`, text: 'Oi' },
    });
    if (!started) throw new Error('not started');
    return started.conversationId;
  };
  const agentId = async () => (await t.users.resolve(t.agentToken))?.userId ?? '';

  beforeAll(async () => {
    t = await startTestApp(backend);
    await (t.core.live as PgLiveBus).ready;
    ({ connectionId, flowId } = await seedConnection(t.database.db, t.core.connections, {
      type: 'web-chat',
      settings: webChat,
    }));
    conversationId = await startConversation();
  });
  afterAll(() => t.close());

  it('closes a socket without a valid token with 4401', async () => {
    for (const url of ['/api/live', '/api/live?token=af_tok_wrong']) {
      const socket = await openTestSocket(t.app, url);
      expect(await socket.waitForClose()).toEqual({
        code: unauthenticatedCloseCode,
        reason: 'unauthenticated',
      });
    }
  });

  it('shows an agent the conversation changing after a reply, until unsubscribed', async () => {
    const socket = await openTestSocket(t.app, `/api/live?token=${t.agentToken}`);
    socket.send({ subscribe: `conversation:${conversationId}` });
    socket.send({ subscribe: 'inbox' });
    await socket.waitFor((f) => f['type'] === 'subscribed' && f['topic'] === 'inbox');
    const outcome = await t.core.runtime.dispatch(conversationId, {
      type: 'agent.reply',
      agentId: await agentId(),
      text: 'Olá, sou a Bia',
    });
    expect(outcome.status).toBe('applied');
    const seq = outcome.status === 'applied' ? outcome.seq : -1;
    const update = { type: 'conversation.changed', data: { conversationId, seq } };
    expect(
      await socket.waitFor(
        (f) =>
          f['topic'] === `conversation:${conversationId}` && f['type'] === 'conversation.changed',
      ),
    ).toEqual({ topic: `conversation:${conversationId}`, ...update });
    expect(
      await socket.waitFor((f) => f['topic'] === 'inbox' && f['type'] === 'conversation.changed'),
    ).toEqual({
      topic: 'inbox',
      ...update,
    });

    socket.send({ unsubscribe: `conversation:${conversationId}` });
    socket.send({ unsubscribe: 'inbox' });
    await socket.waitFor((f) => f['type'] === 'unsubscribed' && f['topic'] === 'inbox');
    const before = socket.frames.length;
    await t.core.runtime.dispatch(conversationId, {
      type: 'agent.reply',
      agentId: await agentId(),
      text: 'Mais algo?',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.frames.slice(before)).toEqual([]);
    socket.close();
  });

  it('sends flow traces to admins only', async () => {
    const agent = await openTestSocket(t.app, `/api/live?token=${t.agentToken}`);
    agent.send({ subscribe: `flow:${flowId}` });
    expect(await agent.waitFor((f) => f['type'] === 'error')).toEqual({
      topic: `flow:${flowId}`,
      type: 'error',
      data: { code: 'FORBIDDEN', message: `flow:${flowId}: flow traces are for admins` },
    });
    agent.close();

    const socket = await openTestSocket(t.app, `/api/live?token=${t.adminToken}`);
    socket.send({ subscribe: `flow:${flowId}` });
    await socket.waitFor((f) => f['type'] === 'subscribed');
    const started = await startConversation();
    const trace = await socket.waitFor((f) => f['type'] === 'flow.trace');
    expect(trace).toMatchObject({
      topic: `flow:${flowId}`,
      data: { flowId, conversationId: started, seq: 1, event: 'conversation.started' },
    });
    const entries = (trace['data'] as { trace: Array<{ nodeId: string; kind: string }> }).trace;
    expect(entries.map((entry) => `${entry.kind} ${entry.nodeId}`)).toEqual(
      expect.arrayContaining(['enter start', 'exit start', 'enter hello', 'enter wait']),
    );
    socket.close();
  });

  it('names what is wrong with a bad frame', async () => {
    const socket = await openTestSocket(t.app, `/api/live?token=${t.agentToken}`);
    socket.send('nope');
    socket.send({ subscribe: 'everything' });
    socket.send({ subscribe: 'inbox', extra: 1 });
    const errors = async (n: number) => {
      await socket.waitFor(() => socket.frames.filter((f) => f['type'] === 'error').length >= n);
      return socket.frames
        .filter((f) => f['type'] === 'error')
        .map((f) => (f['data'] as { message: string }).message);
    };
    const [notJson, badTopic, extra] = await errors(3);
    expect(notJson).toContain('frame: send JSON');
    expect(badTopic).toBe('subscribe: must be "inbox", "conversation:<id>" or "flow:<flowId>"');
    expect(extra).toContain('extra');
    socket.close();
  });

  itOnPostgres(backend)('reaches a subscriber of a second app on the same PostgreSQL', async () => {
    const url = (t.database as Database & { url?: string }).url ?? '';
    const second = await openDatabase({ url });
    const core = createCore({
      database: second,
      secretKey: randomBytes(32),
      now: () => t.clock.now,
    });
    await (core.live as PgLiveBus).ready;
    const app: FastifyInstance = await buildApp({ core, users: new UserService(second.db) });
    try {
      const socket = await openTestSocket(app, `/api/live?token=${t.agentToken}`);
      socket.send({ subscribe: `conversation:${conversationId}` });
      await socket.waitFor((f) => f['type'] === 'subscribed');
      const outcome = await t.core.runtime.dispatch(conversationId, {
        type: 'agent.reply',
        agentId: await agentId(),
        text: 'Vindo do outro processo',
      });
      const seq = outcome.status === 'applied' ? outcome.seq : -1;
      expect(await socket.waitFor((f) => f['type'] === 'conversation.changed')).toEqual({
        topic: `conversation:${conversationId}`,
        type: 'conversation.changed',
        data: { conversationId, seq },
      });
      socket.close();
    } finally {
      await app.close();
      await second.close();
    }
  });
});
