import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'designer',
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    // Builds the designer once (if stale) before the browser tests serve it.
    globalSetup: ['e2e/global-setup.ts'],
  },
});
