import { randomBytes } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core.js';
import { openDatabase, type Database } from '../db/database.js';
import { events } from '../db/schema/index.js';
import { runMigrations } from '../db/migrate.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { startServerProcess, type ServerProcess } from '../testing/server-process.js';
import { startSink } from '../testing/sink.js';
import { crashFlow, postInbound, eventsPerKey, waitUntil } from '../testing/traffic.js';

const conversationsCount = 20;
/** Enough for the WAL to need a new segment (16 MB) many times over, so the test ends on its own. */
const messagesEachAtMost = 2_000;

/**
 * The embedded database's disk failing under traffic: its WAL directory goes away, so PostgreSQL
 * in PGlite cannot create the next segment and panics. The server must exit (for its supervisor to
 * start it again), not go on answering from a database nothing can trust; what it acknowledged
 * before is there when the directory is back.
 */
describe('a server on PGlite whose WAL directory fails', () => {
  const secretKey = randomBytes(32);
  const root = mkdtempSync(join(tmpdir(), 'af-lost-'));
  const dataDir = join(root, 'pglite');
  let sink: Awaited<ReturnType<typeof startSink>>;
  let connectionId: string;
  let server: ServerProcess | undefined;
  let database: Database | undefined;

  beforeAll(async () => {
    sink = await startSink();
    const seeding = await openDatabase({ dataDir });
    await runMigrations(seeding);
    ({ connectionId } = await seedConnection(
      seeding.db,
      createCore({ database: seeding, secretKey }).connections,
      { type: 'api', flow: crashFlow(), settings: apiSettings(sink.url, 2_000) },
    ));
    // One process per data directory: handed over to the server.
    await seeding.close();
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await sink.close();
    await database?.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  });

  it('exits with the panic logged, and keeps every event it acknowledged', async () => {
    server = await startServerProcess({
      SECRET_KEY: secretKey.toString('base64'),
      ADMIN_PASSWORD: 'admin-password-1',
      DATA_DIR: root,
      DATABASE_URL: '',
    });
    const { url } = server;
    const acknowledged: string[] = [];
    const send = async (conversation: number, message: number): Promise<boolean> => {
      const messageId = `conv-${conversation}-m${message}`;
      try {
        const response = await postInbound(
          url,
          connectionId,
          { conversationId: `conv-${conversation}`, messageId, text: `message ${message}` },
          // A server that hangs on its broken database answers nothing: the sender gives up.
          AbortSignal.timeout(10_000),
        );
        const body = (await response.json()) as { results?: Array<{ status: string }> };
        if (response.status !== 200 || body.results?.[0]?.status !== 'applied') return false;
        acknowledged.push(messageId);
        return true;
      } catch {
        return false;
      }
    };
    const conversations = Array.from({ length: conversationsCount }, (_, c) => c);
    // Traffic while the disk is sound: all of it acknowledged.
    for (const c of conversations) expect(await send(c, 0)).toBe(true);

    renameSync(join(dataDir, 'pg_wal'), join(dataDir, 'pg_wal.away'));
    let sent = conversationsCount;
    await Promise.all(
      conversations.map(async (c) => {
        for (let m = 1; m <= messagesEachAtMost; m++) {
          sent++;
          if (!(await send(c, m))) return;
        }
      }),
    );
    const child = server.child;
    await waitUntil(() => child.exitCode !== null || child.signalCode !== null, 30_000);
    expect(child.exitCode).toBe(1);
    expect(server.output()).toMatch(/"msg":"the database is gone: exiting"/);
    expect(server.output()).toMatch(/could not create file \\"pg_wal\/xlogtemp\.\d+\\"/);
    // It stopped short of the whole plan: the failure, not the end of the traffic, ended it.
    expect(acknowledged.length).toBeGreaterThan(conversationsCount);
    expect(sent).toBeLessThan(conversationsCount * (messagesEachAtMost + 1));

    renameSync(join(dataDir, 'pg_wal.away'), join(dataDir, 'pg_wal'));
    database = await openDatabase({ dataDir });
    const applied = await eventsPerKey(database.db, sql`${events.dedupKey} like 'conv-%'`);
    const once = new Set(applied.filter((row) => row.n === 1).map((row) => row.key));
    expect(applied.every((row) => row.n === 1)).toBe(true);
    expect(acknowledged.filter((key) => !once.has(key))).toEqual([]);
  }, 180_000);
});
