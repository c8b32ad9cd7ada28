import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createCore } from '../core.js';
import type { Database } from '../db/database.js';
import { outbox } from '../db/schema/index.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { startServerProcess, type ServerProcess } from '../testing/server-process.js';
import { startSink } from '../testing/sink.js';
import { subscribeInbox } from '../testing/live-client.js';
import { itOnPostgres, testBackends } from '../testing/test-databases.js';
import { crashFlow, postInbound, eventsPerKey, waitUntil } from '../testing/traffic.js';

const postgresOnly = testBackends().filter((backend) => backend.name === 'postgres');
const conversations = 8;
/** Cuts, a blip each, while the traffic goes on. */
const cutsCount = 6;
const cutEveryMs = 300;

/**
 * PostgreSQL ends every connection of the server's database, again and again, under traffic (an
 * administrator's `pg_terminate_backend`, a failover, a network blip): statements in flight fail,
 * postgres.js reconnects. A webhook that failed is sent again, as vendors do.
 */
describe.each(postgresOnly)('a server whose $name connections are cut', (backend) => {
  let database: Database & { url?: string };
  let admin: postgres.Sql;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let server: ServerProcess | undefined;
  let connectionId: string;

  beforeAll(async () => {
    database = await backend.open();
    admin = postgres(process.env['DATABASE_URL'] ?? '', { max: 1, onnotice: () => undefined });
    sink = await startSink();
    const secretKey = randomBytes(32);
    const flow = crashFlow();
    // No timeouts during the test: every outbound message is an answer to one inbound.
    flow.nodes = flow.nodes.map((node) =>
      node.type === 'wait-for-customer'
        ? { ...node, settings: { timeout: { amount: 1, unit: 'days' } } }
        : node,
    );
    ({ connectionId } = await seedConnection(
      database.db,
      createCore({ database, secretKey }).connections,
      { type: 'api', flow, settings: apiSettings(sink.url, 2_000) },
    ));
    server = await startServerProcess({
      DATABASE_URL: database.url ?? '',
      SECRET_KEY: secretKey.toString('base64'),
      WORKER_POLL_MS: '50',
      ADMIN_PASSWORD: 'admin-password-1',
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGTERM');
    await sink.close();
    await admin.end();
    await database.close();
  });

  itOnPostgres(backend)(
    'applies every message once, delivers each once per key, and its live updates come back',
    async () => {
      const url = server?.url ?? '';
      const name = new URL(database.url ?? '').pathname.slice(1);
      const inbox = await subscribeInbox(url);
      let cuts = 0;
      const cutting = (async () => {
        while (cuts < cutsCount) {
          await new Promise((resolve) => setTimeout(resolve, cutEveryMs));
          const ended = await admin<Array<{ pid: number }>>`
            select pg_terminate_backend(pid) as pid from pg_stat_activity
            where datname = ${name} and pid <> pg_backend_pid()`;
          if (ended.length > 0) cuts++;
        }
      })();
      let failures = 0;
      const sentEach = await Promise.all(
        Array.from({ length: conversations }, async (_, c) => {
          let m = 0;
          // Until the cuts are over, and ten messages at least.
          for (; cuts < cutsCount || m < 10; m++) {
            // The vendor's retry: until the webhook is acknowledged.
            for (let attempt = 0; ; attempt++) {
              const response = await postInbound(
                url,
                connectionId,
                { conversationId: `conv-${c}`, messageId: `conv-${c}-m${m}`, text: `m${m}` },
                // As a vendor's sender: a webhook unanswered for long is sent again.
                AbortSignal.timeout(20_000),
              ).catch(() => null);
              if (response?.status === 200) break;
              failures++;
              if (attempt > 100) throw new Error(`conv-${c}-m${m} never acknowledged`);
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
          }
          return m;
        }),
      );
      await cutting;
      // The cuts fell in the traffic: some webhooks failed and were sent again.
      expect(failures).toBeGreaterThan(0);

      const total = sentEach.reduce((sum, n) => sum + n, 0);
      const applied = await eventsPerKey(database.db);
      expect(applied).toHaveLength(total);
      expect(applied.every((row) => row.n === 1)).toBe(true);
      // Every answer delivered and marked sent; a delivery whose marking was cut is sent again
      // with the same key (the vendor's dedup makes it one message).
      const sentRows = () => database.db.select().from(outbox).where(eq(outbox.state, 'sent'));
      await waitUntil(async () => (await sentRows()).length === total, 30_000);
      const keys = (await sentRows()).map((row) => row.idempotencyKey);
      expect(new Set(keys).size).toBe(total);
      await waitUntil(
        () => new Set(sink.delivered().map((r) => r.idempotencyKey)).size === total,
        10_000,
      );
      expect(new Set(sink.delivered().map((r) => r.idempotencyKey))).toEqual(new Set(keys));

      // With the cuts over, a new message is announced to the subscriber (the server listens
      // again on a connection of its own).
      const before = inbox.changes.size;
      const response = await postInbound(url, connectionId, {
        conversationId: 'conv-0',
        messageId: 'conv-0-after',
        text: 'after',
      });
      expect(response.status).toBe(200);
      await waitUntil(() => inbox.changes.size > before, 10_000);
      inbox.close();
    },
    180_000,
  );
});
