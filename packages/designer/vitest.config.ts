import { existsSync } from 'node:fs';
import { defineProject } from 'vitest/config';

// The browser tests drive Debian's Chromium. CI installs it and runs them always (a missing
// browser fails there); on a machine without it they are left out with a note, the way the
// server's PostgreSQL tests wait for DATABASE_URL.
const hasChromium = existsSync('/usr/bin/chromium');
const runBrowserTests = hasChromium || Boolean(process.env['CI']);
if (!runBrowserTests) {
  process.stderr.write(
    'designer: browser tests left out — /usr/bin/chromium is missing ' +
      '(apt-get install -y chromium to run them; CI always runs them)\n',
  );
}

export default defineProject({
  test: {
    name: 'designer',
    include: ['src/**/*.test.ts', ...(runBrowserTests ? ['e2e/**/*.test.ts'] : [])],
    // A poll returns as soon as it holds; vitest's default second is too short for a browser's
    // autosave (debounced, then a PUT) on a shared two-core machine while other suites run.
    expect: { poll: { timeout: 10_000 } },
    // Builds the designer once (if stale) before the browser tests serve it.
    ...(runBrowserTests ? { globalSetup: ['e2e/global-setup.ts'] } : {}),
  },
});
