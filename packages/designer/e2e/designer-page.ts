import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { apiOf, tokenOf } from './api.js';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './start-server.js';

/** The server's JSON client, signed in as the admin. */
export type Api = ReturnType<typeof apiOf>;

/** The parts of a flow document the browser tests look at. */
export interface Draft {
  name: string;
  nodes: Array<{
    id: string;
    type: string;
    label?: string;
    settings: Record<string, unknown>;
    position: { x: number; y: number };
  }>;
  edges: Array<{ id: string; source: string; sourcePort: string; target: string }>;
  notes: Array<{ id: string; text: string; position: { x: number; y: number } }>;
}

/** A node of a test flow, placed at `x`, `y`. */
export interface TestNode {
  id: string;
  type: string;
  x: number;
  y: number;
  settings?: Record<string, unknown>;
  label?: string;
}

/** A whole flow document as the tests create it. */
export type TestFlow = Draft & { schemaVersion: 1; variables: unknown[] };

/** A flow document of `nodes` joined by `links` written `source.port>target`. */
export function flowOf(name: string, nodes: TestNode[], links: string[]): TestFlow {
  return {
    schemaVersion: 1,
    name,
    nodes: nodes.map(({ id, type, x, y, settings = {}, label }) => ({
      id,
      type,
      typeVersion: 1,
      settings,
      position: { x, y },
      ...(label ? { label } : {}),
    })),
    edges: links.map((link, index) => {
      const [from = '', target = ''] = link.split('>');
      const [source = '', sourcePort = ''] = from.split('.');
      return { id: `e${index + 1}`, source, sourcePort, target };
    }),
    variables: [],
    notes: [],
  };
}

/** Signs in as the admin and returns the API client. */
export async function adminApi(server: RunningServer): Promise<Api> {
  return apiOf(server.url, await tokenOf(server.url, server.admin.email, server.admin.password));
}

/** Creates a flow holding `document` on the server; returns its id. */
export async function createFlow(api: Api, document: TestFlow): Promise<string> {
  const created = await api<{ id: string }>('POST', '/flows', { name: document.name, document });
  if (created.status !== 201)
    throw new Error(`creating ${document.name} answered ${created.status}`);
  return created.body.id;
}

/** The flow's draft and revision as the server holds them. */
export async function flowOnServer(api: Api, id: string) {
  const { body } = await api<{ revision: number; draft: Draft }>('GET', `/flows/${id}`);
  return body;
}

/** Signs in through the login form (in any language) as the admin, or as `user`. */
export async function signIn(
  page: Page,
  server: RunningServer,
  user: { email: string; password: string } = server.admin,
): Promise<void> {
  await page.goto(server.url);
  await page.waitForURL('**/login');
  await page.locator('input[type="email"]').fill(user.email);
  await page.locator('input[type="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

/** The canvas node (flow node or sticky note) with this canvas id. */
export const nodeOf = (page: Page, id: string) =>
  page.locator(`.react-flow__node[data-id="${id}"]`);

/** Opens the designer on a flow and waits for its first node. */
export async function openFlow(page: Page, server: RunningServer, id: string, first = 'start') {
  await page.goto(`${server.url}/flows/${id}`);
  await nodeOf(page, first).waitFor();
}

/** The save indicator once it says the draft is saved. */
export const savedIndicator = (page: Page) =>
  page.locator('[data-testid="save-status"][data-state="saved"]');

/** The server and browser of one test file, and a fresh browser context for each page a test opens. */
export interface DesignerSuite {
  readonly server: RunningServer;
  readonly api: Api;
  /** A page in a context of its own (its own storage, as another person's browser). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Starts `pnpm start`'s server and Chromium for the test file (closed after it), and closes each
 * test's browser contexts after the test.
 */
export function useDesigner(): DesignerSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let api: Api | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    api = await adminApi(server);
  }, 120_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the designer suite has not started');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get api() {
      return started(api);
    },
    async newPage(options = {}) {
      const context = await started(browser).newContext({
        locale: 'en-US',
        colorScheme: 'light',
        viewport: { width: 1600, height: 1000 },
        ...options,
      });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/**
 * Polls `read` every half second until it gives a value, for setup outside a test where
 * `expect.poll` cannot run (the server's workers keep their own schedule).
 */
export async function eventually<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 60; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`gave up waiting for ${what}`);
}
