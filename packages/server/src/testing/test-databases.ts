import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { runMigrations } from '../db/migrate.js';

/** A back end the server tests run on. */
export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated database; `close` drops it. */
  open(): Promise<Database & { url?: string }>;
}

/**
 * PGlite always; PostgreSQL as well when `DATABASE_URL` is set (CI sets it). Under CI a missing
 * PostgreSQL is an error, not a skip.
 */
export function testBackends(): TestBackend[] {
  const url = process.env['DATABASE_URL'];
  if (process.env['CI'] && !url) throw new Error('CI needs DATABASE_URL for the PostgreSQL tests');
  const backends: TestBackend[] = [{ name: 'pglite', open: openPglite }];
  if (url) backends.push({ name: 'postgres', open: () => openPostgresCopy(url) });
  return backends;
}

async function openPglite() {
  const database = await openDatabase({ memory: true });
  await runMigrations(database);
  return database;
}

/** A database of its own on the server of `url`, created for one test file and dropped after. */
async function openPostgresCopy(url: string) {
  const name = `af_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const database = await openDatabase({ url: own.toString() });
  await runMigrations(database);
  return {
    ...database,
    url: own.toString(),
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * `it` for tests that need two PostgreSQL connections (cross-process behaviour): on PGlite such a
 * test is not declared at all rather than skipped, and CI always has PostgreSQL.
 */
export function itOnPostgres(backend: TestBackend): typeof it {
  return backend.name === 'postgres' ? it : ((() => undefined) as unknown as typeof it);
}
