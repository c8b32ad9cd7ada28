import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Database } from './database.js';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

interface Journal {
  entries: Array<{ idx: number; tag: string; when: number }>;
}

/** The migrations this code knows, from drizzle-kit's journal. */
export function knownMigrations(): Journal['entries'] {
  const journal = JSON.parse(
    readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8'),
  ) as Journal;
  return journal.entries;
}

/**
 * Brings the schema up to date. A database migrated by newer code (a migration this code does not
 * know) is refused before anything is touched.
 */
export async function runMigrations(database: Database): Promise<void> {
  const status = await migrationStatus(database);
  if (status.newerThanCode) {
    throw new Error(
      `the database was migrated by a newer attendflow (its latest migration is from ${new Date(status.latestApplied ?? 0).toISOString()}, this code knows up to ${new Date(status.latestKnown).toISOString()}); upgrade attendflow`,
    );
  }
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
}

/** Whether the database's migrations match this code's. */
export async function migrationStatus(database: Database): Promise<{
  current: boolean;
  newerThanCode: boolean;
  latestApplied: number | null;
  latestKnown: number;
}> {
  const latestKnown = Math.max(...knownMigrations().map((entry) => entry.when));
  const [exists] = await database.rows<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present)
    return { current: false, newerThanCode: false, latestApplied: null, latestKnown };
  const [row] = await database.rows<{ latest: string | null }>(
    'select max(created_at)::text as latest from drizzle.__drizzle_migrations',
  );
  const latestApplied =
    row?.latest === null || row?.latest === undefined ? null : Number(row.latest);
  return {
    current: latestApplied === latestKnown,
    newerThanCode: latestApplied !== null && latestApplied > latestKnown,
    latestApplied,
    latestKnown,
  };
}
