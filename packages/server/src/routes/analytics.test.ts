import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowVersions } from '../db/schema/index.js';
import { greetingFlow, seedConnection } from '../testing/seed.js';
import { startSink } from '../testing/sink.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

type Analytics = {
  version: { number: number };
  conversations: number;
  nodes: Array<{
    nodeId: string;
    visits: number;
    entries: number;
    exits: Record<string, number>;
    dropOff: number;
    waiting: number;
  }>;
  edges: Array<{ edgeId: string; traversals: number }>;
};

describe.each(testBackends())('flow analytics on $name', (backend) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let seeded: { connectionId: string; flowId: string };

  const open = async (externalId: string) => {
    const [outcome] = await t.core.runtime.ingest(seeded.connectionId, {
      externalId,
      dedupKey: `${externalId}-1`,
      start: { customer: { name: 'Ana', fields: {} }, metadata: {}, text: 'Oi' },
      event: { type: 'customer.message', messageId: `${externalId}-1`, text: 'Oi' },
    });
    return outcome?.conversationId ?? '';
  };
  const say = (externalId: string) =>
    t.core.runtime.ingest(seeded.connectionId, {
      externalId,
      dedupKey: `${externalId}-2`,
      event: { type: 'customer.message', messageId: `${externalId}-2`, text: 'Preciso de ajuda' },
    });
  const analytics = (query = '', who: 'admin' | 'agent' = 'admin', flowId = seeded.flowId) =>
    t.app.inject({
      method: 'GET',
      url: `/api/flows/${flowId}/analytics${query}`,
      headers: t.as(who),
    });

  beforeAll(async () => {
    t = await startTestApp(backend);
    sink = await startSink();
    seeded = await seedConnection(t.database.db, t.core.connections, {
      type: 'api',
      settings: {
        outboundUrl: sink.url,
        outboundToken: 'outbound-token-0123456789',
        inboundToken: 'inbound-token-0123456789',
      },
    });
    // Times out in `wait` and ends after the nudge.
    await open('timed-out');
    t.clock.now += 61 * 60_000;
    expect(await t.core.timers.runOnce()).toBe(1);
    // Still waits for the customer.
    await open('silent');
    // Waits for an agent.
    await open('queued');
    await say('queued');
    // Answered by an agent and closed by the flow.
    const answered = await open('answered');
    await say('answered');
    const reply = await t.core.runtime.dispatch(answered, {
      type: 'agent.reply',
      agentId: 'bia',
      text: 'Resolvido!',
      visibility: 'public',
    });
    expect(reply.status).toBe('applied');
    // A second version: conversations opened from now on run it and count only there.
    await t.database.db
      .insert(flowVersions)
      .values({ flowId: seeded.flowId, number: 2, document: greetingFlow(), message: 'again' });
    await open('on-v2');
  });
  afterAll(async () => {
    await sink.close();
    await t.close();
  });

  it('counts visits, exits per port, drop-off per node and traversals per edge', async () => {
    const response = await analytics('?version=1');
    expect(response.statusCode).toBe(200);
    const body = response.json<Analytics>();
    expect(body).toMatchObject({ version: { number: 1 }, conversations: 4 });
    expect(
      Object.fromEntries(
        body.nodes.map(({ nodeId, visits, entries, exits, dropOff, waiting }) => [
          nodeId,
          { visits, entries, exits, dropOff, waiting },
        ]),
      ),
    ).toEqual({
      start: { visits: 4, entries: 4, exits: { next: 4 }, dropOff: 0, waiting: 0 },
      hello: { visits: 4, entries: 4, exits: { next: 4 }, dropOff: 0, waiting: 0 },
      wait: { visits: 4, entries: 4, exits: { replied: 2, timeout: 1 }, dropOff: 1, waiting: 1 },
      agent: { visits: 2, entries: 2, exits: { answered: 1 }, dropOff: 1, waiting: 1 },
      nudge: { visits: 1, entries: 1, exits: { next: 1 }, dropOff: 1, waiting: 0 },
      bye: { visits: 1, entries: 1, exits: {}, dropOff: 1, waiting: 0 },
    });
    expect(body.edges.map((edge) => [edge.edgeId, edge.traversals])).toEqual([
      ['e1', 4],
      ['e2', 4],
      ['e3', 2],
      ['e4', 1],
      ['e5', 1],
    ]);
  });

  it('defaults to the latest version, which counts only its own conversations', async () => {
    const body = (await analytics()).json<Analytics>();
    expect(body).toMatchObject({ version: { number: 2 }, conversations: 1 });
    expect(body.nodes.find((node) => node.nodeId === 'wait')).toMatchObject({
      visits: 1,
      dropOff: 1,
      waiting: 1,
    });
    expect(body.edges.map((edge) => edge.traversals)).toEqual([1, 1, 0, 0, 0]);
  });

  it('is for admins only, and names what it cannot find', async () => {
    expect((await analytics('', 'agent')).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/flows/${seeded.flowId}/analytics`,
    });
    expect(anonymous.statusCode).toBe(401);
    const noVersion = await analytics('?version=9');
    expect(noVersion.statusCode).toBe(404);
    expect(noVersion.json()).toMatchObject({
      error: { code: 'NOT_FOUND', message: `flow ${seeded.flowId} has no version 9` },
    });
    const noFlow = await analytics('', 'admin', crypto.randomUUID());
    expect(noFlow.statusCode).toBe(404);
    const bad = await analytics('?version=zero');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain(
      'querystring.version',
    );
  });
});
