import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); the tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium';

/** Where screenshots go: the repository's test-results/ (gitignored, kept by CI as artifacts). */
export const artifactsDir = fileURLToPath(
  new URL('../../../test-results/designer-e2e/', import.meta.url),
);

/** Launches headless Chromium; a missing browser fails the test run (CI or not), never skips it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} is missing: the designer's browser tests need Debian's Chromium ` +
        '(apt-get update && apt-get install -y chromium; .ci/run does it in CI)',
    );
  }
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
