import type { ChannelAdapter, InboundItem, Json, SyncContext } from '@attendflow/engine';
import { channelAdapters } from '@attendflow/nodes/runtime';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelSync, conversations } from '../db/schema/index.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

/** A pulling channel over the API channel's definition: pages of tickets behind a cursor. */
function pullingAdapter(script: {
  pages: InboundItem[][];
  failNext: boolean;
  seen: Array<Json | null>;
}): ChannelAdapter {
  const api = channelAdapters.find((adapter) => adapter.channel.type === 'api');
  if (!api) throw new Error('the api adapter is missing');
  return {
    ...api,
    sync(context: SyncContext<unknown>) {
      script.seen.push(context.state);
      if (script.failNext) {
        script.failNext = false;
        return Promise.reject(new Error('HTTP 503 from the vendor'));
      }
      const page = (context.state as { page?: number } | null)?.page ?? 0;
      const items = script.pages[page] ?? [];
      return Promise.resolve({
        items,
        state: { page: Math.min(page + 1, script.pages.length) },
        progress: {
          pagesDone: page + 1,
          pagesKnown: script.pages.length,
          itemsImported: items.length,
          done: page + 1 >= script.pages.length,
        },
        nextSyncInMs: 60_000,
      });
    },
  };
}

const ticket = (id: string): InboundItem => ({
  externalId: id,
  dedupKey: `${id}:opened`,
  start: {
    customer: { name: `Customer ${id}`, fields: {} },
    metadata: {},
    subject: `Ticket ${id}`,
    text: 'help',
  },
  event: { type: 'customer.message', messageId: `${id}:opened`, text: 'help', attachments: [] },
});

describe.each(testBackends())('channel sync on $name', (backend) => {
  let t: TestApp;
  let connectionId: string;
  const script = {
    pages: [
      [ticket('T1'), ticket('T2')],
      [ticket('T2'), ticket('T3')],
    ],
    failNext: false,
    seen: [] as Array<Json | null>,
  };

  beforeAll(async () => {
    const others = channelAdapters.filter((adapter) => adapter.channel.type !== 'api');
    t = await startTestApp(backend, { adapters: [...others, pullingAdapter(script)] });
    ({ connectionId } = await seedConnection(t.database.db, t.core.connections, {
      type: 'api',
      settings: apiSettings('http://127.0.0.1:9/never'),
    }));
  });
  afterAll(() => t.close());
  beforeEach(() => {
    script.seen.length = 0;
  });

  const externalIds = async () =>
    (
      await t.database.db
        .select({ externalId: conversations.externalId })
        .from(conversations)
        .where(eq(conversations.connectionId, connectionId))
        .orderBy(asc(conversations.externalId))
    ).map((row) => row.externalId);

  it('pulls page after page with the state it kept, ingesting each ticket once', async () => {
    expect(await t.core.sync.runOnce()).toBe(1);
    expect(await externalIds()).toEqual(['T1', 'T2']);
    // Not due again until the adapter's interval has passed.
    expect(await t.core.sync.runOnce()).toBe(0);
    t.clock.now += 60_000;
    expect(await t.core.sync.runOnce()).toBe(1);
    expect(script.seen).toEqual([null, { page: 1 }]);
    expect(await externalIds()).toEqual(['T1', 'T2', 'T3']);
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/connections/${connectionId}/sync`,
      headers: t.as('admin'),
    });
    expect(status.json()).toEqual({
      status: {
        progress: { pagesDone: 2, pagesKnown: 2, itemsImported: 2, done: true },
        nextRunAt: new Date(t.clock.now + 60_000).toISOString(),
        lastRunAt: new Date(t.clock.now).toISOString(),
        lastError: null,
        runs: 2,
        itemsIngested: 4,
      },
    });
  });

  it('keeps its cursor when a run fails, says why, and retries later', async () => {
    t.clock.now += 60_000;
    script.failNext = true;
    expect(await t.core.sync.runOnce()).toBe(1);
    const [row] = await t.database.db
      .select()
      .from(channelSync)
      .where(eq(channelSync.connectionId, connectionId));
    expect(row?.state).toEqual({ page: 2 });
    expect(row?.lastError).toBe('HTTP 503 from the vendor');
    t.clock.now += 30_000;
    expect(await t.core.sync.runOnce()).toBe(1);
    expect(script.seen).toEqual([{ page: 2 }, { page: 2 }]);
  });

  it('runs now when asked, once even when two workers race for it', async () => {
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/connections/${connectionId}/sync`,
      headers: t.as('admin'),
    });
    expect(asked.statusCode).toBe(202);
    const ran = await Promise.all([t.core.sync.runOnce(), t.core.sync.runOnce()]);
    expect(ran.sort()).toEqual([0, 1]);
    expect(script.seen).toHaveLength(1);
    const agent = await t.app.inject({
      method: 'POST',
      url: `/api/connections/${connectionId}/sync`,
      headers: t.as('agent'),
    });
    expect(agent.statusCode).toBe(403);
  });

  it('reads whether the flow is published once, not on every round', async () => {
    const latest = vi.spyOn(t.core.versions, 'latest');
    try {
      for (let round = 0; round < 2; round++) {
        await t.core.sync.requestSync(connectionId);
        expect(await t.core.sync.runOnce()).toBe(1);
      }
      expect(script.seen).toEqual([{ page: 2 }, { page: 2 }]);
      // The count, not the calls: their first argument is the whole database client.
      expect(latest.mock.calls.length).toBe(0);
    } finally {
      latest.mockRestore();
    }
  });
});
