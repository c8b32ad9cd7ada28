import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelConnections } from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startLoggingApp } from '../testing/logging-app.js';
import { startSink } from '../testing/sink.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

const outboundToken = 'outbound-SECRET-0123456789';
const inboundToken = 'inbound-SECRET-9876543210';

type View = {
  id: string;
  type: string;
  name: string;
  settings: Record<string, unknown>;
  secretsSet: string[];
  flowId: string | null;
  status: string;
  inboundUrl: string;
};

describe.each(testBackends())('connection routes on $name', (backend) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let flowId: string;
  let logged: () => string;
  let logging: FastifyInstance;

  const rows = async () =>
    (await t.database.db.select({ n: count() }).from(channelConnections))[0]?.n ?? 0;
  const apiSettings = () => ({ outboundUrl: sink.url, outboundToken, inboundToken });
  const create = (payload: Record<string, unknown>, app: FastifyInstance = t.app) =>
    app.inject({ method: 'POST', url: '/api/connections', headers: t.as('admin'), payload });

  beforeAll(async () => {
    t = await startTestApp(backend);
    sink = await startSink();
    // A flow to attach to the connections below.
    ({ flowId } = await seedConnection(t.database.db, t.core.connections, {
      type: 'api',
      settings: apiSettings(),
      name: 'seed',
    }));
    ({ app: logging, logged } = await startLoggingApp(t, 'trace'));
  });
  afterAll(async () => {
    await logging.close();
    await sink.close();
    await t.close();
  });

  it('creates a connection whose secrets are sealed apart and never shown', async () => {
    const response = await create({
      type: 'api',
      name: 'Helpdesk',
      settings: apiSettings(),
      flowId,
    });
    expect(response.statusCode).toBe(201);
    const view = response.json<View>();
    expect(view).toMatchObject({
      type: 'api',
      name: 'Helpdesk',
      settings: { outboundUrl: sink.url, timeoutMs: 10_000 },
      secretsSet: ['outboundToken', 'inboundToken'],
      flowId,
      status: 'active',
      inboundUrl: `/api/channels/${view.id}/inbound`,
    });
    expect(response.body).not.toContain(outboundToken);
    expect(response.body).not.toContain(inboundToken);
    const [row] = await t.database.db
      .select()
      .from(channelConnections)
      .where(eq(channelConnections.id, view.id));
    expect(row?.settings).toEqual({ outboundUrl: sink.url, timeoutMs: 10_000 });
    expect(JSON.stringify(row)).not.toContain('SECRET');
    const loaded = await t.core.connections.load(t.database.db, view.id);
    expect(loaded.settings).toMatchObject({ outboundToken, inboundToken });
  });

  it('refuses bad settings, unknown types, fields and flows, naming them, writing nothing', async () => {
    const before = await rows();
    const bad = await create({
      type: 'api',
      name: 'Bad',
      settings: { outboundUrl: 'not a url', outboundToken: 'short', inboundToken },
    });
    expect(bad.statusCode).toBe(400);
    const message = bad.json<{ error: { message: string } }>().error.message;
    expect(message).toContain('settings.outboundUrl');
    expect(message).toContain('settings.outboundToken');
    expect(message).not.toContain('short');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'fax', name: 'Fax', settings: {} }, 'type: unknown channel type "fax"'],
      [
        { type: 'api', name: 'X', settings: { ...apiSettings(), outbondUrl: 'x' } },
        'settings.outbondUrl',
      ],
      [{ type: 'api', name: 'X', settings: apiSettings(), extra: true }, 'extra'],
      [{ type: 'api', name: '', settings: apiSettings() }, 'body.name'],
      [
        { type: 'api', name: 'X', settings: apiSettings(), flowId: crypto.randomUUID() },
        'flowId: flow',
      ],
    ];
    for (const [payload, named] of cases) {
      const response = await create(payload);
      expect(response.statusCode, named).toBe(400);
      expect(response.json<{ error: { message: string } }>().error.message).toContain(named);
    }
    expect(await rows()).toBe(before);
  });

  it('lets only admins in', async () => {
    const [first] = await t.database.db.select().from(channelConnections);
    const id = first?.id ?? '';
    const routes: Array<[string, string]> = [
      ['POST', '/api/connections'],
      ['GET', '/api/connections'],
      ['GET', `/api/connections/${id}`],
      ['PATCH', `/api/connections/${id}`],
      ['POST', `/api/connections/${id}/test`],
      ['POST', `/api/connections/${id}/disable`],
      ['POST', `/api/connections/${id}/enable`],
    ];
    for (const [method, url] of routes) {
      const asAgent = await t.app.inject({
        method: method as 'GET',
        url,
        headers: t.as('agent'),
        payload: method === 'GET' ? undefined : { name: 'Hijacked' },
      });
      expect(asAgent.statusCode, `${method} ${url}`).toBe(403);
      const anonymous = await t.app.inject({ method: method as 'GET', url });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
    }
    const [after] = await t.database.db
      .select()
      .from(channelConnections)
      .where(eq(channelConnections.id, id));
    expect(after).toEqual(first);
  });

  it('lists and shows connections without secrets; 404 for an unknown one', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/connections',
      headers: t.as('admin'),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json<View[]>().map((v) => v.name)).toContain('Helpdesk');
    expect(list.body).not.toContain('SECRET');
    const helpdesk = list.json<View[]>().find((v) => v.name === 'Helpdesk');
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/connections/${helpdesk?.id}`,
      headers: t.as('admin'),
    });
    expect(one.json()).toEqual(helpdesk);
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/connections/${crypto.randomUUID()}`,
      headers: t.as('admin'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('updates settings keeping secrets left out, changes a secret, detaches the flow', async () => {
    const { id } = (
      await create({ type: 'api', name: 'Patchable', settings: apiSettings() })
    ).json<View>();
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/connections/${id}`,
        headers: t.as('admin'),
        payload,
      });
    const renamed = await patch({ name: 'Renamed', settings: { timeoutMs: 2_000 }, flowId });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Renamed',
      settings: { outboundUrl: sink.url, timeoutMs: 2_000 },
      secretsSet: ['outboundToken', 'inboundToken'],
      flowId,
    });
    expect((await t.core.connections.load(t.database.db, id)).settings).toMatchObject({
      outboundToken,
      inboundToken,
      timeoutMs: 2_000,
    });
    const rotated = await patch({ settings: { inboundToken: 'rotated-SECRET-000000000' } });
    expect(rotated.body).not.toContain('rotated');
    expect((await t.core.connections.load(t.database.db, id)).settings).toMatchObject({
      outboundToken,
      inboundToken: 'rotated-SECRET-000000000',
    });
    const bad = await patch({ settings: { timeoutMs: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain(
      'settings.timeoutMs',
    );
    const detached = await patch({ flowId: null });
    expect(detached.json()).toMatchObject({ flowId: null, name: 'Renamed' });
    const [row] = await t.database.db
      .select()
      .from(channelConnections)
      .where(eq(channelConnections.id, id));
    expect(row).toMatchObject({ name: 'Renamed', flowId: null, settings: { timeoutMs: 2_000 } });
    expect(JSON.stringify(row)).not.toContain('SECRET');
  });

  it('tests a connection through its adapter, or says there is none', async () => {
    const { id } = (
      await create({ type: 'api', name: 'Testable', settings: apiSettings() })
    ).json<View>();
    const tested = await t.app.inject({
      method: 'POST',
      url: `/api/connections/${id}/test`,
      headers: t.as('admin'),
    });
    expect(tested.json()).toEqual({ ok: true, detail: `HEAD ${sink.url}: HTTP 200` });
    const ra = await create({
      type: 'reclame-aqui',
      name: 'RA',
      settings: {
        description: 'RA',
        companyEmail: 'sac@loja.example',
        user: 'u',
        password: 'RA-SECRET-pw',
        baseUrl: 'http://127.0.0.1:9/api',
      },
    });
    expect(ra.statusCode).toBe(201);
    const raId = ra.json<View>().id;
    // The callback URL to give Reclame Aqui is ours: filled in by the server, on this host.
    expect(ra.json()).toMatchObject({
      secretsSet: ['password'],
      settings: {
        syncIntervalMinutes: 30,
        callbackUrl: `http://localhost:80/api/channels/${raId}/inbound`,
      },
      inboundUrl: `/api/channels/${raId}/inbound`,
    });
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/connections/${raId}`,
      headers: t.as('admin'),
      payload: { settings: { syncIntervalMinutes: 60 } },
    });
    expect(renamed.json<View>().settings['callbackUrl']).toBe(
      `http://localhost:80/api/channels/${raId}/inbound`,
    );
    const untested = await t.app.inject({
      method: 'POST',
      url: `/api/connections/${ra.json<View>().id}/test`,
      headers: t.as('admin'),
    });
    expect(untested.json()).toEqual({ ok: false, detail: 'POST /auth/oauth/token failed' });
  });

  it('disables and enables a connection', async () => {
    const { id } = (
      await create({ type: 'api', name: 'Switch', settings: apiSettings() })
    ).json<View>();
    const status = async () =>
      (
        await t.database.db
          .select({ status: channelConnections.status })
          .from(channelConnections)
          .where(eq(channelConnections.id, id))
      )[0]?.status;
    const off = await t.app.inject({
      method: 'POST',
      url: `/api/connections/${id}/disable`,
      headers: t.as('admin'),
    });
    expect(off.json()).toMatchObject({ id, status: 'disabled' });
    expect(await status()).toBe('disabled');
    expect((await t.core.connections.load(t.database.db, id)).row.status).toBe('disabled');
    const on = await t.app.inject({
      method: 'POST',
      url: `/api/connections/${id}/enable`,
      headers: t.as('admin'),
    });
    expect(on.json()).toMatchObject({ id, status: 'active' });
    expect(await status()).toBe('active');
  });

  it('never writes a secret to the logs', async () => {
    const created = await create({ type: 'api', name: 'Logged', settings: apiSettings() }, logging);
    const { id } = created.json<View>();
    const bad = await create(
      { type: 'api', name: 'Logged', settings: { ...apiSettings(), outboundToken: 'tiny-SECRET' } },
      logging,
    );
    expect(bad.statusCode).toBe(400);
    for (const [method, url, payload] of [
      ['GET', `/api/connections/${id}`, undefined],
      [
        'PATCH',
        `/api/connections/${id}`,
        { settings: { outboundToken: 'patched-SECRET-00000000' } },
      ],
      ['POST', `/api/connections/${id}/test`, undefined],
    ] as const) {
      const response = await logging.inject({ method, url, headers: t.as('admin'), payload });
      expect(response.statusCode).toBe(200);
    }
    expect(logged()).toContain(`/api/connections/${id}/test`);
    expect(logged()).not.toContain('SECRET');
    expect(logged()).not.toContain(t.adminToken);
  });
});
