import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'example-flows', include: ['src/**/*.test.ts'] },
});
