import { configDefaults, defineProject } from 'vitest/config';

/**
 * Files whose every test needs PostgreSQL (two server processes on one database, its connections
 * cut): without
 * `DATABASE_URL` they hold no test, which Vitest counts as a failed file, so they are left out, as
 * the README says (`pnpm test` runs the server's tests on PGlite, and on PostgreSQL as well when
 * `DATABASE_URL` is set). Under CI a missing `DATABASE_URL` is an error (`testBackends`).
 */
const postgresOnly = ['src/process/scale-out.test.ts', 'src/process/connections-cut.test.ts'];

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      ...(process.env['DATABASE_URL'] || process.env['CI'] ? [] : postgresOnly),
    ],
    // Each test file opens its own databases; PGlite start-up dominates, so give it room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
