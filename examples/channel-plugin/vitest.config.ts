import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'example-channel-plugin', include: ['src/**/*.test.ts'] },
});
