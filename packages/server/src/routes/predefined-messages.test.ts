import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predefinedMessages } from '../db/schema/index.js';
import { flowNode } from '../testing/flow-node.js';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

type View = {
  id: string;
  title: string;
  text: string;
  sector: string | null;
  channel: string | null;
};
type Offered = View & { rendered: string };
type ErrorBody = { error: { code: string; message: string } };

describe.each(testBackends())('predefined messages on $name', (backend) => {
  let t: TestApp;
  let sacConversation: string;
  let unsectoredConversation: string;

  const call: TestApp['call'] = (...args) => t.call(...args);
  const add = async (body: Record<string, unknown>) => {
    const response = await call('POST', '/predefined-messages', body);
    expect(response.statusCode).toBe(201);
    return response.json<View>();
  };
  const rows = async () =>
    (await t.database.db.select({ n: count() }).from(predefinedMessages))[0]?.n;
  const offered = async (conversationId: string, who: 'admin' | 'agent' = 'agent') => {
    const response = await call(
      'GET',
      `/conversations/${conversationId}/predefined-messages`,
      undefined,
      who,
    );
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Offered[] }>().items;
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    const open = async (connectionId: string, externalId: string) => {
      const [outcome] = await t.core.runtime.ingest(connectionId, {
        externalId,
        dedupKey: externalId,
        start: {
          customer: { name: 'Ana', fields: {} },
          metadata: {},
          subject: `Pedido ${externalId}`,
          text: 'Olá',
        },
        event: { type: 'customer.message', messageId: externalId, text: 'Olá' },
      });
      return outcome?.conversationId ?? '';
    };
    const handoff = (sector: string | null) => ({
      schemaVersion: 1 as const,
      name: `Handoff ${sector ?? 'none'}`,
      nodes: [
        flowNode('start', 'trigger', {}, 0),
        ...(sector ? [flowNode('agent', 'human-handoff', { sector }, 200)] : []),
      ],
      edges: sector ? [{ id: 'e1', source: 'start', sourcePort: 'next', target: 'agent' }] : [],
      variables: [{ name: 'protocol', default: 'P-42' }],
    });
    const settings = {
      outboundUrl: 'http://127.0.0.1:9/out',
      outboundToken: 'outbound-token-0123456789',
      inboundToken: 'inbound-token-0123456789',
    };
    const sac = await seedConnection(t.database.db, t.core.connections, {
      type: 'api',
      settings,
      flow: handoff('SAC'),
    });
    const none = await seedConnection(t.database.db, t.core.connections, {
      type: 'api',
      settings,
      flow: handoff(null),
    });
    sacConversation = await open(sac.connectionId, 'p-1');
    unsectoredConversation = await open(none.connectionId, 'p-2');
  });
  afterAll(() => t.close());

  it('lets admins add, read, change and delete them', async () => {
    const created = await add({
      title: '  Saudação ',
      text: 'Olá {{customer.name}}!',
      sector: 'SAC',
      channel: 'api',
    });
    expect(created).toMatchObject({
      title: 'Saudação',
      text: 'Olá {{customer.name}}!',
      sector: 'SAC',
      channel: 'api',
    });
    expect((await call('GET', `/predefined-messages/${created.id}`)).json()).toEqual(created);
    const changed = await call('PATCH', `/predefined-messages/${created.id}`, {
      text: 'Oi {{customer.name}}',
      channel: null,
    });
    expect(changed.json()).toMatchObject({
      title: 'Saudação',
      text: 'Oi {{customer.name}}',
      channel: null,
    });
    expect(
      (await call('GET', '/predefined-messages?sector=SAC')).json<View[]>().map((m) => m.id),
    ).toEqual([created.id]);
    expect((await call('GET', '/predefined-messages?sector=Outro')).json()).toEqual([]);
    expect((await call('DELETE', `/predefined-messages/${created.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/predefined-messages/${created.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/predefined-messages/${created.id}`)).statusCode).toBe(404);
    expect(await rows()).toBe(0);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const refused = async (
      method: 'POST' | 'PATCH',
      url: string,
      body: unknown,
      fields: string[],
    ) => {
      const response = await call(method, url, body);
      expect(response.statusCode).toBe(400);
      const { message } = response.json<ErrorBody>().error;
      for (const field of fields) expect(message).toContain(field);
    };
    await refused('POST', '/predefined-messages', { title: ' ', text: '' }, [
      'body.title',
      'body.text',
    ]);
    await refused('POST', '/predefined-messages', { title: 'x', text: 'y', channel: 'fax' }, [
      'body.channel',
      'unknown channel type "fax"',
    ]);
    await refused('POST', '/predefined-messages', { title: 'x', text: 'y', colour: 'red' }, [
      'colour',
    ]);
    await refused('POST', '/predefined-messages', { title: 'x', text: 'y', sector: 7 }, [
      'body.sector',
    ]);
    expect(await rows()).toBe(0);
    const kept = await add({ title: 'Kept', text: 'Unchanged' });
    await refused('PATCH', `/predefined-messages/${kept.id}`, { text: '  ' }, ['body.text']);
    expect((await call('GET', `/predefined-messages/${kept.id}`)).json()).toMatchObject({
      text: 'Unchanged',
    });
    expect((await call('PATCH', '/predefined-messages/not-an-id', {})).statusCode).toBe(400);
    expect(
      (await call('PATCH', `/predefined-messages/${crypto.randomUUID()}`, { text: 'z' }))
        .statusCode,
    ).toBe(404);
    await call('DELETE', `/predefined-messages/${kept.id}`);
  });

  it('keeps management to admins', async () => {
    const agent = (method: 'GET' | 'POST', url: string, body?: unknown) =>
      call(method, url, body, 'agent');
    expect((await agent('GET', '/predefined-messages')).statusCode).toBe(403);
    expect(
      (await agent('POST', '/predefined-messages', { title: 'x', text: 'y' })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/predefined-messages' })).statusCode,
    ).toBe(401);
    expect(await rows()).toBe(0);
  });

  it('offers agents those of the conversation’s sector and channel, filled from it', async () => {
    const everyone = await add({
      title: 'Protocolo',
      text: 'Seu protocolo é {{protocol}}, {{customer.name}}.',
    });
    const sac = await add({
      title: 'Assunto',
      text: 'Sobre “{{subject}}” ({{conversation.externalId}}, {{conversation.sector}}){{nothing}}',
      sector: 'SAC',
    });
    const sacApi = await add({
      title: 'API',
      text: 'Pelo canal {{conversation.channel}}',
      sector: 'SAC',
      channel: 'api',
    });
    await add({ title: 'Outro setor', text: 'x', sector: 'Financeiro' });
    await add({ title: 'Outro canal', text: 'x', channel: 'telegram' });

    const forSac = await offered(sacConversation);
    expect(forSac.map((m) => [m.id, m.rendered])).toEqual([
      [sacApi.id, 'Pelo canal api'],
      [sac.id, 'Sobre “Pedido p-1” (p-1, SAC)'],
      [everyone.id, 'Seu protocolo é P-42, Ana.'],
    ]);
    expect(forSac[1]).toMatchObject({ text: sac.text, sector: 'SAC', channel: null });
    expect((await offered(unsectoredConversation, 'admin')).map((m) => m.id)).toEqual([
      everyone.id,
    ]);
    const missing = await call(
      'GET',
      `/conversations/${crypto.randomUUID()}/predefined-messages`,
      undefined,
      'agent',
    );
    expect(missing.statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/conversations/${sacConversation}/predefined-messages`,
        })
      ).statusCode,
    ).toBe(401);
  });
});
