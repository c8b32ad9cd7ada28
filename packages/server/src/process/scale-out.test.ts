import { randomBytes } from 'node:crypto';
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

describe.each(postgresOnly)('two server processes on one $name', (backend) => {
  let database: Database & { url?: string };
  let sink: Awaited<ReturnType<typeof startSink>>;
  let servers: ServerProcess[] = [];
  let connectionId: string;

  beforeAll(async () => {
    database = await backend.open();
    sink = await startSink();
    const secretKey = randomBytes(32);
    const core = createCore({ database, secretKey });
    const flow = crashFlow();
    flow.nodes = flow.nodes.map((node) =>
      node.type === 'wait-for-customer'
        ? { ...node, settings: { timeout: { amount: 1, unit: 'days' } } }
        : node,
    );
    ({ connectionId } = await seedConnection(database.db, core.connections, {
      type: 'api',
      flow,
      settings: apiSettings(sink.url, 2_000),
    }));
    const env = {
      DATABASE_URL: database.url ?? '',
      SECRET_KEY: secretKey.toString('base64'),
      WORKER_POLL_MS: '50',
      ADMIN_PASSWORD: 'admin-password-1',
    };
    // The second process finds the admin the first one created.
    servers = [await startServerProcess(env)];
    servers.push(await startServerProcess(env));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop('SIGTERM')));
    await sink.close();
    await database.close();
  });

  itOnPostgres(backend)(
    'applies every message once through either process, and both websockets see every update',
    async () => {
      const sockets = await Promise.all(servers.map((server) => subscribeInbox(server.url)));
      const conversations = 10;
      const messagesEach = 6;
      await Promise.all(
        Array.from({ length: conversations }, async (_, c) => {
          for (let m = 0; m < messagesEach; m++) {
            // Alternate processes for the same conversation, and send every message twice.
            for (const server of [servers[m % 2], servers[(m + 1) % 2]]) {
              const response = await postInbound(server?.url ?? '', connectionId, {
                conversationId: `conv-${c}`,
                messageId: `conv-${c}-m${m}`,
                text: `m${m}`,
              });
              expect(response.status).toBe(200);
            }
          }
        }),
      );
      const total = conversations * messagesEach;
      await waitUntil(() => sink.delivered().length === total, 30_000);

      const applied = await eventsPerKey(database.db);
      expect(applied).toHaveLength(total);
      expect(applied.every((row) => row.n === 1)).toBe(true);
      // A delivery is marked sent by the next statement that carries it, or within 20 ms alone.
      const sentRows = () => database.db.select().from(outbox).where(eq(outbox.state, 'sent'));
      await waitUntil(async () => (await sentRows()).length >= total, 10_000);
      const sent = await sentRows();
      expect(sent).toHaveLength(total);
      expect(new Set(sink.delivered().map((r) => r.idempotencyKey))).toEqual(
        new Set(sent.map((r) => r.idempotencyKey)),
      );

      // Every applied event is announced once on the inbox; both processes' subscribers see all.
      await waitUntil(() => sockets.every((socket) => socket.changes.size >= total), 10_000);
      for (const socket of sockets) {
        expect(socket.changes.size).toBe(total);
        socket.close();
      }
    },
    120_000,
  );
});
