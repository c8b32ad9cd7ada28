import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, events } from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';
import { openTestSocket } from '../testing/ws-client.js';
import { closeSilentChats } from './widget-auto-close.js';

const hour = 3_600_000;

describe.each(testBackends())('web-chat auto-close on $name', (backend) => {
  let t: TestApp;
  let twoHours: string;
  let never: string;
  let visitors = 0;

  const seed = async (autoCloseAfter: unknown) =>
    (
      await seedConnection(t.database.db, t.core.connections, {
        type: 'web-chat',
        settings: { distributeTo: 'SAC', offHoursEmail: 'chat@loja.example', autoCloseAfter },
      })
    ).connectionId;
  /** A visitor writes; returns the conversation id. */
  const chat = async (connectionId: string, session = `visitor-${++visitors}-session`) => {
    const [outcome] = await t.core.runtime.ingest(connectionId, {
      externalId: session,
      dedupKey: `${session}-1`,
      start: { customer: { fields: {} }, metadata: {}, text: 'Oi' },
      event: { type: 'customer.message', messageId: `${session}-1`, text: 'Oi' },
    });
    return outcome?.conversationId ?? '';
  };
  const statusOf = async (id: string) =>
    (await t.database.db.select().from(conversations).where(eq(conversations.id, id)))[0];

  beforeAll(async () => {
    t = await startTestApp(backend);
    twoHours = await seed({ amount: 2, unit: 'hours' });
    never = await seed(null);
  });
  afterAll(() => t.close());

  it('closes web chats silent longer than their setting, as the system, and only those', async () => {
    const silent = await chat(twoHours);
    const untouched = await chat(never);
    t.clock.now += 90 * 60_000;
    const recent = await chat(twoHours);
    t.clock.now += 40 * 60_000; // silent: 2h10; recent: 40 min
    expect(await closeSilentChats(t.core)).toBe(1);
    expect(await statusOf(silent)).toMatchObject({ status: 'closed', solution: 'auto-closed' });
    expect((await statusOf(recent))?.status).not.toBe('closed');
    expect((await statusOf(untouched))?.status).not.toBe('closed');
    const [closing] = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.conversationId, silent), eq(events.type, 'agent.closed')));
    expect(closing).toMatchObject({
      actor: 'system',
      payload: { type: 'agent.closed', agentId: 'system', solution: 'auto-closed' },
    });
    expect(await closeSilentChats(t.core)).toBe(0);
    t.clock.now += 100 * hour;
    expect(await closeSilentChats(t.core)).toBe(1);
    expect((await statusOf(untouched))?.status).not.toBe('closed');
  });

  it('closes a silent chat when its visitor comes back, and says so', async () => {
    const session = 'returning-visitor-1';
    const id = await chat(twoHours, session);
    t.clock.now += 3 * hour;
    const socket = await openTestSocket(t.app, `/api/widget/${twoHours}?session=${session}`);
    expect(await socket.waitFor((f) => f['type'] === 'ready')).toMatchObject({ status: 'closed' });
    await socket.waitFor((f) => f['type'] === 'closed');
    expect((await statusOf(id))?.solution).toBe('auto-closed');
    socket.close();
  });
});
