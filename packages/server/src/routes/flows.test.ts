import { readFileSync } from 'node:fs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  channelConnections,
  conversations,
  events,
  flows,
  flowVersions,
  messages,
} from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

type Doc = {
  name: string;
  nodes: Array<{ id: string; type: string; settings: Record<string, unknown> }>;
  edges: Array<Record<string, unknown>>;
} & Record<string, unknown>;
type Issue = { severity: string; code: string; channel?: string; nodeId?: string };
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

const example = (file: string): Doc =>
  JSON.parse(
    readFileSync(new URL(`../../../../examples/flows/${file}.flow.json`, import.meta.url), 'utf8'),
  ) as Doc;

describe.each(testBackends())('flow routes on $name', (backend) => {
  let t: TestApp;
  let adminId: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    adminId = (await t.users.list()).find((user) => user.role === 'admin')?.id ?? '';
  });
  afterAll(() => t.close());

  const call: TestApp['call'] = (...args) => t.call(...args);
  const create = async (name: string, document?: unknown) => {
    const response = await call('POST', '/flows', { name, ...(document ? { document } : {}) });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; revision: number; draft: Doc }>();
  };
  const versionsOf = async (flowId: string) =>
    (
      await t.database.db
        .select({ n: count() })
        .from(flowVersions)
        .where(eq(flowVersions.flowId, flowId))
    )[0]?.n;
  const flowCount = async () => (await t.database.db.select({ n: count() }).from(flows))[0]?.n;

  it('creates a flow with a lone trigger, or from a document, named by the request', async () => {
    const response = await call('POST', '/flows', { name: 'Empty' });
    expect(response.statusCode).toBe(201);
    const created = response.json<{ id: string; draft: Doc }>();
    expect(created).toMatchObject({ name: 'Empty', revision: 1, versions: 0, latestVersion: null });
    expect(created.draft.nodes).toEqual([
      {
        id: 'start',
        type: 'trigger',
        typeVersion: 1,
        settings: { description: '' },
        position: { x: 0, y: 0 },
      },
    ]);
    const [row] = await t.database.db.select().from(flows).where(eq(flows.id, created.id));
    expect(row).toMatchObject({ name: 'Empty', revision: 1, updatedBy: adminId });

    const complaint = await create('RA', example('reclame-aqui-complaint'));
    expect(complaint.draft.name).toBe('RA');
    expect(complaint.draft.nodes.map((node) => node.id)).toEqual(
      example('reclame-aqui-complaint').nodes.map((node) => node.id),
    );
    const [stored] = await t.database.db.select().from(flows).where(eq(flows.id, complaint.id));
    expect((stored?.draft as Doc).nodes).toHaveLength(complaint.draft.nodes.length);
  });

  it('refuses a structurally broken document naming its fields, and keeps semantic issues in drafts', async () => {
    const before = await flowCount();
    const broken = example('wish-ticket');
    broken.nodes[0] = { ...broken.nodes[0], id: 'has space' } as Doc['nodes'][number];
    delete broken.edges[1]?.['target'];
    const response = await call('POST', '/flows', { name: 'Broken', document: broken });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toContain('document.nodes[0].id');
    expect(body.error.message).toContain('document.edges[1].target');
    expect(body.error.details?.['issues']).toContainEqual({
      path: ['document', 'nodes', 0, 'id'],
      message: 'use 1 to 64 letters, digits, "-" or "_"',
    });
    const newer = await call('POST', '/flows', { name: 'Future', document: { schemaVersion: 9 } });
    expect(newer.json<ErrorBody>().error.message).toContain('document.schemaVersion');
    expect(await flowCount()).toBe(before);

    const unknown = example('web-chat-business-hours');
    unknown.nodes[2] = { ...unknown.nodes[2], type: 'sms-blast' } as Doc['nodes'][number];
    const draft = await create('Unknown node', unknown);
    expect(draft.draft.nodes[2]?.type).toBe('sms-blast');
  });

  it('lists flows with their latest version', async () => {
    const flow = await create('Listed');
    expect((await call('POST', `/flows/${flow.id}/publish`, { message: 'v1' })).statusCode).toBe(
      201,
    );
    const list = (await call('GET', '/flows')).json<Array<Record<string, unknown>>>();
    expect(list.find((item) => item['id'] === flow.id)).toEqual({
      id: flow.id,
      name: 'Listed',
      revision: 1,
      latestVersion: 1,
      updatedAt: '2026-03-02T12:00:00.000Z',
    });
    expect(list.find((item) => item['name'] === 'Empty')).toMatchObject({ latestVersion: null });
  });

  it('saves the draft only at the revision it was loaded at', async () => {
    const flow = await create('Drafty');
    const document = { ...flow.draft, name: 'Drafty renamed' };
    const saved = await call('PUT', `/flows/${flow.id}/draft`, { document, revision: 1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ name: 'Drafty renamed', revision: 2 });
    const stale = await call('PUT', `/flows/${flow.id}/draft`, {
      document: { ...flow.draft, name: 'Lost update' },
      revision: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error).toMatchObject({
      code: 'REVISION_CONFLICT',
      details: { revision: 2, updatedBy: adminId },
    });
    const [row] = await t.database.db.select().from(flows).where(eq(flows.id, flow.id));
    expect(row).toMatchObject({ name: 'Drafty renamed', revision: 2, updatedBy: adminId });
    expect((row?.draft as Doc).name).toBe('Drafty renamed');
    const got = (await call('GET', `/flows/${flow.id}`)).json<{ draft: Doc }>();
    expect(got).toMatchObject({ revision: 2, versions: 0, draft: { name: 'Drafty renamed' } });
  });

  it('validates against the channel of the connections running the flow, or a given one', async () => {
    const flow = await create('RA on Wish', example('reclame-aqui-complaint'));
    const alone = (await call('POST', `/flows/${flow.id}/validate`, {})).json<unknown>();
    expect(alone).toEqual({ ok: true, issues: [], channels: [] });
    await t.database.db.insert(channelConnections).values({
      type: 'wish',
      name: 'Wish store',
      settings: {},
      secrets: t.core.connections.seal({ accessToken: 'x' }),
      flowId: flow.id,
    });
    const response = await call('POST', `/flows/${flow.id}/validate`);
    expect(response.statusCode).toBe(200);
    const onWish = response.json<{ ok: boolean; issues: Issue[]; channels: string[] }>();
    expect(onWish.ok).toBe(false);
    expect(onWish.channels).toEqual(['wish']);
    expect(onWish.issues).toContainEqual(
      expect.objectContaining({ code: 'CHANNEL_EVALUATION_UNSUPPORTED', channel: 'wish' }),
    );
    const asked = await call('POST', `/flows/${flow.id}/validate`, { channel: 'reclame-aqui' });
    expect(asked.json()).toEqual({ ok: true, issues: [], channels: ['reclame-aqui'] });
    const given = await call('POST', `/flows/${flow.id}/validate`, {
      document: { ...flow.draft, edges: [] },
      channel: 'reclame-aqui',
    });
    expect(given.json<{ issues: Issue[] }>().issues.map((issue) => issue.code)).toContain(
      'FLOW_NODE_UNREACHABLE',
    );

    const publish = await call('POST', `/flows/${flow.id}/publish`, { message: 'go live' });
    expect(publish.statusCode).toBe(400);
    const refused = publish.json<ErrorBody>().error;
    expect(refused.code).toBe('FLOW_INVALID');
    expect(refused.message).toContain('CHANNEL_EVALUATION_UNSUPPORTED (wish)');
    expect(await versionsOf(flow.id)).toBe(0);
  });

  it('checks the channel a document is designed for, even with no connection running it', async () => {
    const document = example('reclame-aqui-complaint');
    const loud = {
      ...document,
      channel: 'reclame-aqui',
      nodes: document.nodes.map((node) =>
        node.type === 'auto-message'
          ? { ...node, settings: { ...(node.settings as object), visibility: 'public' } }
          : node,
      ),
    };
    const flow = await create('RA, public by mistake', loud);
    const checked = (await call('POST', `/flows/${flow.id}/validate`, {})).json<{
      ok: boolean;
      issues: Issue[];
      channels: string[];
    }>();
    expect(checked.channels).toEqual(['reclame-aqui']);
    expect(
      checked.issues.map((issue) => [issue.severity, issue.code, issue.channel]),
    ).toContainEqual(['error', 'CHANNEL_AUTOMATIC_VISIBILITY', 'reclame-aqui']);
    const publish = await call('POST', `/flows/${flow.id}/publish`, { message: 'go live' });
    expect(publish.statusCode).toBe(400);
    expect(publish.json<ErrorBody>().error.message).toContain('(reclame-aqui)');
    expect(await versionsOf(flow.id)).toBe(0);
  });

  it('refuses to publish unknown node types and broken graphs, writing nothing', async () => {
    const unknown = example('web-chat-business-hours');
    unknown.nodes[2] = { ...unknown.nodes[2], type: 'sms-blast' } as Doc['nodes'][number];
    const flow = await create('Unknown node', unknown);
    const response = await call('POST', `/flows/${flow.id}/publish`, { message: 'try' });
    expect(response.statusCode).toBe(400);
    const error = response.json<ErrorBody>().error;
    expect(error.code).toBe('FLOW_INVALID');
    expect(error.message).toContain('FLOW_UNKNOWN_NODE_TYPE');
    expect(error.details?.['issues']).toContainEqual(
      expect.objectContaining({ code: 'FLOW_UNKNOWN_NODE_TYPE', nodeId: 'greet' }),
    );
    const dangling = example('wish-ticket');
    dangling.edges[0] = { ...dangling.edges[0], target: 'nowhere' };
    const second = await create('Dangling', dangling);
    const refused = await call('POST', `/flows/${second.id}/publish`, { message: 'try' });
    expect(refused.json<ErrorBody>().error.message).toContain('FLOW_EDGE_DANGLING');
    expect([await versionsOf(flow.id), await versionsOf(second.id)]).toEqual([0, 0]);
  });

  it('publishes numbered versions, lists, shows, diffs, exports and rolls back', async () => {
    const flow = await create('Web chat', example('web-chat-business-hours'));
    const first = await call('POST', `/flows/${flow.id}/publish`, {
      message: 'first',
      revision: 1,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      version: { number: 1, message: 'first', author: { id: adminId, name: 'Admin' } },
      issues: [],
    });
    const changed = structuredClone(flow.draft);
    const greet = changed.nodes.find((node) => node.id === 'greet');
    if (greet) greet.settings['text'] = 'Bom dia!';
    await call('PUT', `/flows/${flow.id}/draft`, { document: changed, revision: 1 });
    const stale = await call('POST', `/flows/${flow.id}/publish`, { message: 'x', revision: 1 });
    expect(stale.json<ErrorBody>().error).toMatchObject({
      code: 'REVISION_CONFLICT',
      details: { revision: 2 },
    });
    expect(await versionsOf(flow.id)).toBe(1);
    await call('POST', `/flows/${flow.id}/publish`, { message: 'second', revision: 2 });
    const rows = await t.database.db
      .select()
      .from(flowVersions)
      .where(eq(flowVersions.flowId, flow.id))
      .orderBy(flowVersions.number);
    expect(rows.map((row) => [row.number, row.message, row.authorId])).toEqual([
      [1, 'first', adminId],
      [2, 'second', adminId],
    ]);

    const list = (await call('GET', `/flows/${flow.id}/versions`)).json<
      Array<{ number: number }>
    >();
    expect(list.map((version) => version.number)).toEqual([2, 1]);
    const v1 = (await call('GET', `/flows/${flow.id}/versions/1`)).json<{ document: Doc }>();
    expect(v1.document.nodes.find((node) => node.id === 'greet')?.settings['text']).toContain(
      'Olá',
    );
    expect((await call('GET', `/flows/${flow.id}/versions/9`)).statusCode).toBe(404);

    const diff = (await call('GET', `/flows/${flow.id}/diff?from=1&to=2`)).json<unknown>();
    expect(diff).toMatchObject({
      from: 1,
      to: 2,
      hasChanges: true,
      nodes: { added: [], removed: [], changed: [{ id: 'greet', settings: ['text'] }] },
    });
    const toDraft = (await call('GET', `/flows/${flow.id}/diff?from=2&to=draft`)).json<unknown>();
    expect(toDraft).toMatchObject({ to: 'draft', hasChanges: false });
    const badDiff = await call('GET', `/flows/${flow.id}/diff?from=one&to=2`);
    expect(badDiff.statusCode).toBe(400);
    expect(badDiff.json<ErrorBody>().error.message).toContain('querystring.from');

    const exported = await call('GET', `/flows/${flow.id}/export?version=1`);
    expect(exported.headers['content-disposition']).toBe(
      'attachment; filename="web-chat.flow.json"',
    );
    expect(exported.json()).toMatchObject({
      attendflowExport: 1,
      name: 'Web chat',
      exportedAt: '2026-03-02T12:00:00.000Z',
      document: { name: 'Web chat' },
    });

    const rolled = await call('POST', `/flows/${flow.id}/rollback`, { number: 1 });
    expect(rolled.statusCode).toBe(201);
    expect(rolled.json()).toMatchObject({
      version: { number: 3, message: 'Roll back to version 1' },
      revision: 3,
    });
    const [v3] = await t.database.db
      .select()
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, flow.id), eq(flowVersions.number, 3)));
    expect(v3?.document).toEqual(rows[0]?.document);
    const [row] = await t.database.db.select().from(flows).where(eq(flows.id, flow.id));
    expect(row).toMatchObject({ revision: 3, draft: rows[0]?.document });
    expect((await call('POST', `/flows/${flow.id}/rollback`, { number: 7 })).statusCode).toBe(404);
    expect(await versionsOf(flow.id)).toBe(3);
  });

  it('numbers racing publishes one after the other, and lets one of two racing saves win', async () => {
    const flow = await create('Raced');
    const publish = () => call('POST', `/flows/${flow.id}/publish`, { message: 'race' });
    const published = await Promise.all(Array.from({ length: 6 }, publish));
    expect(published.map((response) => response.statusCode)).toEqual(Array(6).fill(201));
    const numbers = published.map((r) => r.json<{ version: { number: number } }>().version.number);
    expect(numbers.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const save = (name: string) =>
      call('PUT', `/flows/${flow.id}/draft`, { document: { ...flow.draft, name }, revision: 1 });
    const saves = await Promise.all([save('First'), save('Second')]);
    expect(saves.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const winner = saves.find((response) => response.statusCode === 200)?.json<{ name: string }>();
    const [row] = await t.database.db.select().from(flows).where(eq(flows.id, flow.id));
    expect(row).toMatchObject({ revision: 2, name: winner?.name });
  });

  it('imports an export envelope or a bare (older) document as a new draft', async () => {
    const source = await create('Wish', example('wish-ticket'));
    const envelope = (await call('GET', `/flows/${source.id}/export`)).json<Doc>();
    const imported = await call('POST', '/flows/import', { ...envelope, name: 'Wish copy' });
    expect(imported.statusCode).toBe(201);
    const copy = imported.json<{ id: string; draft: Doc; revision: number }>();
    expect(copy).toMatchObject({ name: 'Wish copy', revision: 1, versions: 0 });
    expect(copy.draft).toEqual({ ...source.draft, name: 'Wish copy' });

    const old = example('wish-ticket');
    delete old['schemaVersion'];
    old.edges = old.edges.map(({ sourcePort, ...edge }) => ({ ...edge, sourceHandle: sourcePort }));
    const bare = await call('POST', '/flows/import', old);
    expect(bare.statusCode).toBe(201);
    const migrated = bare.json<{ draft: Doc }>().draft;
    expect(migrated).toMatchObject({ schemaVersion: 1, name: old.name });
    expect(migrated.edges[0]).toEqual(source.draft.edges[0]);

    const before = await flowCount();
    const wrong = await call('POST', '/flows/import', { attendflowExport: 2, document: {} });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().error.message).toContain('attendflowExport');
    const broken = await call('POST', '/flows/import', { ...envelope, document: { nodes: 'x' } });
    expect(broken.json<ErrorBody>().error.message).toContain('document.nodes');
    expect(await flowCount()).toBe(before);
  });

  it('keeps a conversation on the version it started on while new ones take the new version', async () => {
    const seeded = await seedConnection(t.database.db, t.core.connections, {
      type: 'api',
      settings: {
        outboundUrl: 'http://127.0.0.1:9/outbound',
        outboundToken: 'outbound-token-0123456789',
        inboundToken: 'inbound-token-0123456789',
      },
    });
    const start = (externalId: string, messageId: string) => ({
      externalId,
      dedupKey: messageId,
      start: { customer: { name: 'Ana', fields: {} }, metadata: {}, text: 'Oi' },
      event: { type: 'customer.message' as const, messageId, text: 'Oi' },
    });
    const [first] = await t.core.runtime.ingest(seeded.connectionId, start('old', 'm-1'));

    const loaded = (await call('GET', `/flows/${seeded.flowId}`)).json<{ draft: Doc }>();
    const hello = loaded.draft.nodes.find((node) => node.id === 'hello');
    if (hello) hello.settings['text'] = 'Bom dia {{customer.name}}!';
    await call('PUT', `/flows/${seeded.flowId}/draft`, { document: loaded.draft, revision: 1 });
    const published = await call('POST', `/flows/${seeded.flowId}/publish`, { message: 'v2' });
    expect(published.json()).toMatchObject({ version: { number: 2 } });
    const v2Id = published.json<{ version: { id: string } }>().version.id;

    const [second] = await t.core.runtime.ingest(seeded.connectionId, start('new', 'm-2'));
    const [later] = await t.core.runtime.ingest(seeded.connectionId, {
      externalId: 'old',
      dedupKey: 'm-3',
      event: { type: 'customer.message', messageId: 'm-3', text: 'Ainda aqui' },
    });
    expect(later).toMatchObject({ status: 'applied', conversationId: first?.conversationId });

    const pinned = async (id: string | undefined) => {
      const [row] = await t.database.db
        .select({ version: conversations.flowVersionId })
        .from(conversations)
        .where(eq(conversations.id, id ?? ''));
      const log = await t.database.db
        .select({ version: events.flowVersionId })
        .from(events)
        .where(eq(events.conversationId, id ?? ''));
      const bot = await t.database.db
        .select({ text: messages.text })
        .from(messages)
        .where(and(eq(messages.conversationId, id ?? ''), eq(messages.author, 'bot')));
      return { version: row?.version, log: log.map((e) => e.version), bot: bot.map((m) => m.text) };
    };
    expect(await pinned(first?.conversationId)).toEqual({
      version: seeded.versionId,
      log: [seeded.versionId, seeded.versionId],
      bot: ['Olá Ana!'],
    });
    expect(await pinned(second?.conversationId)).toEqual({
      version: v2Id,
      log: [v2Id],
      bot: ['Bom dia Ana!'],
    });
  });

  it('lets only admins in, and names bad input without writing', async () => {
    const before = await flowCount();
    const asAgent = await call('POST', '/flows', { name: 'Agent flow' }, 'agent');
    expect(asAgent.statusCode).toBe(403);
    expect((await call('GET', '/flows', undefined, 'agent')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/flows' });
    expect(anonymous.statusCode).toBe(401);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/flows',
      headers: { ...t.as('admin'), 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(malformed.json<ErrorBody>().error.code).toBe('VALIDATION_FAILED');
    const unknownField = await call('POST', '/flows', { name: 'X', owner: 'me' });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json<ErrorBody>().error.message).toContain('owner');
    const wrongTypes = await call('POST', '/flows', { name: 5, document: 'flow' });
    expect(wrongTypes.statusCode).toBe(400);
    const message = wrongTypes.json<ErrorBody>().error.message;
    for (const field of ['body.name', 'body.document']) expect(message).toContain(field);
    const badId = await call('GET', '/flows/not-a-uuid');
    expect(badId.json<ErrorBody>().error.message).toContain('params.id');
    const missing = await call('GET', '/flows/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    const flow = await create('Typed');
    const badRevision = await call('PUT', `/flows/${flow.id}/draft`, {
      document: flow.draft,
      revision: 'one',
    });
    expect(badRevision.json<ErrorBody>().error.message).toContain('body.revision');
    const noMessage = await call('POST', `/flows/${flow.id}/publish`, {});
    expect(noMessage.json<ErrorBody>().error.message).toContain('body.message');
    expect(await versionsOf(flow.id)).toBe(0);
    expect(await flowCount()).toBe((before ?? 0) + 1);
  });
});

describe.each(testBackends())('flow routes with a small body limit on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { bodyLimit: 2_048 });
  });
  afterAll(() => t.close());

  it('answers 413 to an oversized document and writes nothing', async () => {
    const document = example('reclame-aqui-complaint');
    expect(JSON.stringify(document).length).toBeGreaterThan(2_048);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/flows/import',
      headers: t.as('admin'),
      payload: document,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await t.database.db.select({ n: count() }).from(flows))[0]?.n).toBe(0);
  });
});
