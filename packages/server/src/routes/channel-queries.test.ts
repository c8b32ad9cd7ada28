import { startReclameAquiSimulator, type ReclameAquiSimulator } from '@attendflow/nodes/simulators';
import { channelAdapters, createReclameAquiAdapter } from '@attendflow/nodes/runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

describe.each(testBackends())('channel queries on $name', (backend) => {
  let t: TestApp;
  let sim: ReclameAquiSimulator;
  let raConnection: string;
  let complaint: string;
  let unpaged: string;
  let apiConversation: string;

  const ask = (url: string, who: 'admin' | 'agent' = 'agent') =>
    t.app.inject({ method: 'GET', url: `/api/conversations/${url}`, headers: t.as(who) });
  const open = async (connectionId: string, externalId: string) => {
    const [outcome] = await t.core.runtime.ingest(connectionId, {
      externalId,
      dedupKey: externalId,
      start: { customer: { name: 'Ana', fields: {} }, metadata: {}, subject: 'x', text: 'Oi' },
      event: { type: 'customer.message', messageId: externalId, text: 'Oi' },
    });
    return outcome?.conversationId ?? '';
  };
  const raSettings = (extra: Record<string, unknown> = {}) => ({
    description: 'RA',
    companyEmail: 'sac@loja.example',
    user: 'client-id',
    password: 'client-secret',
    baseUrl: sim.baseUrl,
    ...extra,
  });

  beforeAll(async () => {
    sim = await startReclameAquiSimulator({ config: { rateLimitPerMin: 0 } });
    const adapter = createReclameAquiAdapter({ now: () => t.clock.now, requestTimeoutMs: 2_000 });
    const others = channelAdapters.filter((a) => a.channel.type !== 'reclame-aqui');
    t = await startTestApp(backend, { adapters: [...others, adapter] });
    const seed = (type: string, settings: Record<string, unknown>) =>
      seedConnection(t.database.db, t.core.connections, { type, settings });
    raConnection = (await seed('reclame-aqui', raSettings({ companyPageId: '1234' }))).connectionId;
    const noPage = (await seed('reclame-aqui', raSettings())).connectionId;
    const api = await seed('api', {
      outboundUrl: 'http://127.0.0.1:9/out',
      outboundToken: 'outbound-token-0123456789',
      inboundToken: 'inbound-token-0123456789',
    });
    complaint = await open(raConnection, '4350001');
    unpaged = await open(noPage, '4350002');
    apiConversation = await open(api.connectionId, 'api-1');
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
  });
  // Each test in a minute of its own: the adapter's per-connection budget starts afresh.
  beforeEach(() => {
    t.clock.now += 61_000;
  });

  it('searches Reclame Aqui’s companies for agents and admins', async () => {
    for (const who of ['agent', 'admin'] as const) {
      const found = await ask(`${complaint}/channel-queries/companies?q=vizinha&limit=5`, who);
      expect([found.statusCode, found.json()]).toEqual([
        200,
        {
          items: [
            { companyId: '7008', name: 'Eletrônicos Vizinha' },
            { companyId: '5678', name: 'Empresa Vizinha' },
          ],
          page: 1,
          limit: 5,
          total: 2,
        },
      ]);
    }
    const last = sim.journal.since(0).at(-1);
    expect([last?.path, last?.query]).toEqual([
      '/api/ticket/v1/tickets/moderation/companies',
      { companyName: 'vizinha', page: '1', limit: '5' },
    ]);
  });

  it('refuses bad parameters naming them, before asking the channel', async () => {
    const before = sim.journal.since(0).length;
    const bad = await ask(`${complaint}/channel-queries/companies?q=a&limit=99&colour=red`);
    expect(bad.statusCode).toBe(400);
    const { code, message } = bad.json<ErrorBody>().error;
    expect(code).toBe('VALIDATION_FAILED');
    for (const field of ['querystring.q', 'querystring.limit', 'colour'])
      expect(message).toContain(field);
    expect((await ask(`${complaint}/channel-queries/companies`)).statusCode).toBe(400);
    expect(sim.journal.since(0).length).toBe(before);
  });

  it('shows the reputation to agents and admins, and never the connection’s settings', async () => {
    for (const who of ['agent', 'admin'] as const) {
      const response = await ask(`${complaint}/channel-queries/reputation`, who);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        companyPageId: '1234',
        periods: [
          { period: { periodKey: 'SEISMESES' }, reputation: { code: 'NOREP' } },
          { period: { periodKey: 'DOZEMESES' } },
          { period: { periodKey: 'UMANOATRAS' } },
          { period: { periodKey: 'DOISANOSATRAS' } },
          { period: { periodKey: 'GERAL' } },
        ],
      });
      for (const secret of ['client-secret', 'client-id', 'sac@loja.example', sim.baseUrl])
        expect(response.body).not.toContain(secret);
    }
    expect((await ask(`${unpaged}/channel-queries/reputation`)).json()).toEqual({
      companyPageId: null,
      periods: [],
    });
    // The admin's connection routes stay closed to agents.
    const test = await t.app.inject({
      method: 'POST',
      url: `/api/connections/${raConnection}/test`,
      headers: t.as('agent'),
    });
    expect(test.statusCode).toBe(403);
  });

  it('lists what a channel answers', async () => {
    const list = await ask(`${complaint}/channel-queries`);
    expect(list.json<{ items: Array<{ name: string; audience: string }> }>().items).toMatchObject([
      { name: 'companies', audience: 'agent', inputSchema: { required: ['q'] } },
      { name: 'reputation', audience: 'agent' },
    ]);
    expect((await ask(`${apiConversation}/channel-queries`)).json()).toEqual({ items: [] });
  });

  it('answers a vendor failure with a 502 and its reason, unknown queries with a 404', async () => {
    sim.faults.add({
      match: { path: '/api/ticket/v1/tickets/moderation/companies', times: 1 },
      action: { type: 'status', status: 503, body: { success: false, message: 'unavailable' } },
    });
    const failed = await ask(`${complaint}/channel-queries/companies?q=loja`);
    expect([failed.statusCode, failed.json<ErrorBody>().error]).toMatchObject([
      502,
      {
        code: 'CHANNEL_QUERY_FAILED',
        message:
          'reclame-aqui could not answer: GET /ticket/v1/tickets/moderation/companies: 503 unavailable',
      },
    ]);
    const unknown = await ask(`${complaint}/channel-queries/constructor`);
    expect([unknown.statusCode, unknown.json<ErrorBody>().error.message]).toEqual([
      404,
      'reclame-aqui channels answer no query "constructor"',
    ]);
    expect((await ask(`${apiConversation}/channel-queries/companies?q=loja`)).statusCode).toBe(404);
    expect((await ask(`${crypto.randomUUID()}/channel-queries/companies?q=loja`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/conversations/${complaint}/channel-queries/companies?q=loja`,
        })
      ).statusCode,
    ).toBe(401);
  });
});
