import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { acquireDataDirLock } from './data-dir-lock.js';
import { PgliteRemote } from './pglite-remote.js';
import * as schema from './schema/index.js';

/** The drizzle database, the same type on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction of {@link Db} (what `db.transaction` hands its callback). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The rows of a raw statement run through drizzle, whatever the driver's result shape. */
export async function executeRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** An open database with what the server needs beyond queries. */
export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Runs raw SQL and returns rows, whatever the driver's result shape. */
  rows<T>(query: string, params?: unknown[]): Promise<T[]>;
  /** Subscribes to a PostgreSQL notification channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Resolves with the reason if the database is gone for good: PGlite's thread stopped (a crash of
   * PostgreSQL in WebAssembly) or PostgreSQL in it panicked. postgres.js reconnects to PostgreSQL by
   * itself: there, never.
   */
  readonly lost: Promise<Error>;
  /** PGlite: the id of the thread it runs on (Linux; null without procfs), to place it. */
  readonly threadId?: number | null;
  /** PGlite: its data directory as a tarball, for `PGlite.create({ loadDataDir })`. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

/** Where the database is. */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

/**
 * Opens PostgreSQL (postgres.js) when given a URL, else PGlite in a data directory (locked against a
 * second process) or in memory (tests).
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url);
  const release = 'dataDir' in target ? acquireDataDirLock(target.dataDir) : () => undefined;
  try {
    const client = await PgliteRemote.start('dataDir' in target ? { dataDir: target.dataDir } : {});
    return wrapPglite(client, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Connections of the PostgreSQL pool. */
const poolSize = 10;

/**
 * Seconds before postgres.js opens a closed connection again, given how many closed with an error
 * since one last opened (a count the pool shares). Its default, 3^n / 100 s up to 20 s, took a
 * whole pool cut at once (a restart, a failover, `pg_terminate_backend`) for ten failures in a
 * row: the server waited 6–20 s for a database back in a moment. Here each round of failures over
 * the pool doubles the delay, from 25–50 ms to at most 1–2 s while the database stays away.
 */
export function reconnectDelaySeconds(
  failures: number,
  random: () => number = Math.random,
): number {
  const rounds = Math.max(1, Math.ceil(failures / poolSize));
  return Math.min(2, 0.05 * 2 ** (rounds - 1)) * (0.5 + random() / 2);
}

/**
 * Seconds a connection may take to open, unless the URL sets `connect_timeout`. postgres.js waits
 * 30 s by default, and a connection opened while PostgreSQL was ending connections (under
 * `pg_terminate_backend` every 300 ms) now and then hung until then, and every webhook with it.
 */
const connectTimeoutSeconds = 5;

function openPostgres(url: string): Database {
  const sql = postgres(url, {
    max: poolSize,
    backoff: (failures) => reconnectDelaySeconds(failures),
    ...(/[?&]connect_timeout=/.test(url) ? {} : { connect_timeout: connectTimeoutSeconds }),
    onnotice: () => undefined,
  });
  const db = drizzlePostgres({ client: preparing(sql), schema });
  return {
    db,
    kind: 'postgres',
    lost: new Promise<Error>(() => undefined),
    rows: async <T>(query: string, params: unknown[] = []) =>
      (await sql.unsafe(query, params as never[])) as unknown as T[],
    async listen(channel, onPayload) {
      const subscription = await sql.listen(channel, onPayload);
      return () => subscription.unlisten();
    },
    async notify(channel, payload) {
      await sql.notify(channel, payload);
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * The client drizzle is given: every statement is a named prepared statement. drizzle asks
 * postgres.js for unnamed ones, and postgres.js then describes each parameterised statement
 * before binding it: two round trips per query instead of one, every time. Prepared, a statement
 * text is described once per connection and then costs one round trip. (The texts are the
 * server's own queries, a bounded set; connections are recycled by postgres.js's max_lifetime.)
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe')
        return (query: string, params?: never[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params, { ...options, prepare: true });
      if (key === 'begin' || key === 'savepoint')
        return (...args: unknown[]) => {
          const callback = args.pop() as (inner: postgres.Sql) => unknown;
          const open = Reflect.get(target, key, receiver) as (...a: unknown[]) => unknown;
          return open.call(target, ...args, (inner: postgres.Sql) => callback(preparing(inner)));
        };
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function wrapPglite(client: PgliteRemote, release: () => void): Database {
  // drizzle calls `query` and `transaction`, which the remote client answers as PGlite does.
  const db = drizzlePglite({ client: client as unknown as PGlite, schema });
  return {
    db,
    kind: 'pglite',
    lost: client.lost,
    rows: async <T>(query: string, params: unknown[] = []) =>
      (await client.query<T>(query, params)).rows,
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      return unsubscribe;
    },
    async notify(channel, payload) {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    threadId: client.threadId,
    dumpDataDir: () => client.dumpDataDir(),
    async close() {
      await client.close();
      release();
    },
  };
}
