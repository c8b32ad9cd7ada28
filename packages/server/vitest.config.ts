import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    // Each test file opens its own databases; PGlite start-up dominates, so give it room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
