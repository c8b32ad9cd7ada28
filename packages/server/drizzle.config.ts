import { defineConfig } from 'drizzle-kit';

/** `pnpm --filter @attendflow/server db:generate` writes a migration for schema changes. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
