import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core.js';
import { openDatabase, type Database } from '../db/database.js';
import { events, outbox, timers } from '../db/schema/index.js';
import { runMigrations } from '../db/migrate.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { startServerProcess, type ServerProcess } from '../testing/server-process.js';
import { startSink } from '../testing/sink.js';
import { testBackends } from '../testing/test-databases.js';
import { crashFlow, sendAll, eventsPerKey, waitUntil } from '../testing/traffic.js';

const conversationsCount = 12;
const messagesEach = 8;

describe.each(testBackends())('a server killed with SIGKILL on $name', (backend) => {
  const secretKey = randomBytes(32);
  let sink: Awaited<ReturnType<typeof startSink>>;
  let env: Record<string, string>;
  let connectionId: string;
  let database: Database;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    sink = await startSink();
    let target: { url: string } | { dataDir: string };
    if (backend.name === 'postgres') {
      const opened = await backend.open();
      target = { url: opened.url ?? '' };
      database = opened;
    } else {
      target = { dataDir: join(mkdtempSync(join(tmpdir(), 'af-crash-')), 'pglite') };
      database = await openDatabase(target);
      await runMigrations(database);
    }
    const core = createCore({ database, secretKey });
    ({ connectionId } = await seedConnection(database.db, core.connections, {
      type: 'api',
      flow: crashFlow(),
      settings: apiSettings(sink.url, 2_000),
    }));
    env = {
      SECRET_KEY: secretKey.toString('base64'),
      WORKER_POLL_MS: '50',
      ADMIN_PASSWORD: 'admin-password-1',
      ...('url' in target
        ? { DATABASE_URL: target.url }
        : { DATA_DIR: join(target.dataDir, '..'), DATABASE_URL: '' }),
    };
    // PGlite allows one process per data directory: hand it over to the child.
    if (backend.name === 'pglite') await database.close();
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await sink.close();
    await database.close().catch(() => undefined);
  });

  it('loses no event, sends no message twice and fires every due timer once', async () => {
    server = await startServerProcess(env);
    const plan = Array.from({ length: conversationsCount }, (_, c) =>
      Array.from({ length: messagesEach }, (_, m) => ({
        conversationId: `conv-${c}`,
        messageId: `conv-${c}-m${m}`,
        text: `message ${m}`,
      })),
    );
    // Half the traffic, then SIGKILL in the middle of deliveries and pending timers.
    const firstHalf = plan.map((messages) => messages.slice(0, messagesEach / 2));
    await sendAll(server.url, connectionId, firstHalf, { stopOnError: false });
    expect(await server.stop('SIGKILL')).toBeNull();
    expect(server.child.signalCode).toBe('SIGKILL');

    server = await startServerProcess(env);
    // The sender does not know what was applied before the crash: it sends everything again.
    await sendAll(server.url, connectionId, plan, { stopOnError: true });
    // Done when every conversation said goodbye (its last timer fired) and deliveries settled.
    const byes = () =>
      sink
        .delivered()
        .filter((r) => (r.body['message'] as { text?: string } | undefined)?.text === 'bye');
    await waitUntil(() => byes().length === conversationsCount, 90_000);
    let settled = -1;
    await waitUntil(() => {
      const now = sink.delivered().length;
      const stable = now === settled;
      settled = now;
      return stable;
    }, 30_000);
    await server.stop('SIGTERM');
    if (backend.name === 'pglite')
      database = await openDatabase({ dataDir: join(env['DATA_DIR'] ?? '', 'pglite') });

    const { db } = database;
    const applied = await eventsPerKey(db, sql`${events.dedupKey} like 'conv-%'`);
    expect(applied).toHaveLength(conversationsCount * messagesEach);
    expect(applied.every((row) => row.n === 1)).toBe(true);

    // No timer fired twice. A timer claimed just as a message re-armed its node fires stale: the
    // engine ignores it (no node entered), so each conversation's goodbye came from one firing.
    const firings = await db
      .select({ key: events.dedupKey, n: sql<number>`count(*)::int` })
      .from(events)
      .where(eq(events.type, 'timer.fired'))
      .groupBy(events.dedupKey);
    expect(firings.every((row) => row.n === 1)).toBe(true);
    const fired = await db
      .select({ conversationId: events.conversationId, n: sql<number>`count(*)::int` })
      .from(events)
      .where(sql`${events.type} = 'timer.fired' and jsonb_array_length(${events.trace}) > 0`)
      .groupBy(events.conversationId);
    expect(fired).toHaveLength(conversationsCount);
    expect(fired.every((row) => row.n === 1)).toBe(true);
    expect(await db.select().from(timers)).toEqual([]);

    const rows = await db.select({ key: outbox.idempotencyKey, state: outbox.state }).from(outbox);
    // At least the acknowledgement and the goodbye of each conversation, plus the answers given
    // while it still waited (a conversation whose timer fired during the restart answers fewer).
    expect(rows.length).toBeGreaterThanOrEqual(conversationsCount * 2);
    // Every message the engine produced (recorded in the event log) has exactly one outbox row.
    const [produced] = await database.rows<{ n: number }>(
      `select count(*)::int as n from events, jsonb_array_elements(effects) as effect where effect->>'kind' = 'message'`,
    );
    expect(produced?.n).toBe(rows.length);
    expect(rows.every((row) => row.state === 'sent')).toBe(true);
    const delivered = sink.delivered();
    expect(new Set(delivered.map((r) => r.idempotencyKey))).toEqual(
      new Set(rows.map((r) => r.key)),
    );
    // A delivery the vendor took in the round the kill interrupted (sent, not yet marked sent) is
    // repeated once after the restart, with the same key, which makes it one message. One kill:
    // no key ever reaches the vendor more than twice.
    const perKey = new Map<string, number>();
    expect(sink.received.every((request) => request.idempotencyKey)).toBe(true);
    for (const request of sink.received)
      perKey.set(request.idempotencyKey ?? '', (perKey.get(request.idempotencyKey ?? '') ?? 0) + 1);
    expect(Math.max(...perKey.values())).toBeLessThanOrEqual(2);
  }, 180_000);
});
