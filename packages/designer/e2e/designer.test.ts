import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, tokenOf } from './api.js';
import { artifactsDir, launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './start-server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const nodeCount = (page: Page) => page.locator('.react-flow__node-flow').count();

async function signIn(page: Page, email: string, password: string) {
  await page.goto(server.url);
  await page.waitForURL('**/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function dragFromPalette(page: Page, type: string, x: number, y: number) {
  const canvas = page.getByTestId('canvas');
  await page.locator(`[data-palette-type="${type}"]`).dragTo(canvas, { targetPosition: { x, y } });
}

async function connect(page: Page, source: string, port: string, target: string) {
  const from = await node(page, source)
    .locator(`.react-flow__handle[data-handleid="${port}"]`)
    .boundingBox();
  const to = await node(page, target)
    .locator('.react-flow__handle[data-handleid="in"]')
    .boundingBox();
  if (!from || !to) throw new Error(`handles of ${source}.${port} → ${target} not on screen`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Clicks an empty part of the canvas so shortcuts reach the canvas, not a form field. */
async function focusCanvas(page: Page) {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('canvas not on screen');
  await page.mouse.click(box.x + box.width - 30, box.y + 30);
}

describe('designer in Chromium', { timeout: 180_000 }, () => {
  it('an admin builds a Reclame Aqui flow by drag and connect, fixes a channel error and publishes', async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1600, height: 1000 },
    });
    const page = await context.newPage();
    await signIn(page, server.admin.email, server.admin.password);
    await page.waitForURL('**/flows');

    await page.getByRole('button', { name: 'New flow' }).click();
    await page.getByLabel('Name').fill('RA complaint (e2e)');
    await page.getByLabel('Channel').selectOption('reclame-aqui');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]+$/);
    const flowId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await node(page, 'start').waitFor();
    expect(await nodeCount(page)).toBe(1);

    // The lone trigger sits in the middle at 100 %; the drop point is the new node's corner.
    const canvas = await page.getByTestId('canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await dragFromPalette(page, 'auto-message', 60, 60);
    await dragFromPalette(page, 'human-handoff', 60, canvas.height * 0.62);
    await dragFromPalette(page, 'close', canvas.width * 0.7, canvas.height * 0.62);
    expect(await nodeCount(page)).toBe(4);
    expect(
      await page
        .locator('.react-flow__node-flow')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))),
    ).toEqual(['start', 'auto-message', 'human-handoff', 'close']);

    await connect(page, 'start', 'next', 'auto-message');
    await connect(page, 'auto-message', 'next', 'human-handoff');
    await connect(page, 'human-handoff', 'answered', 'close');
    expect(await page.locator('.react-flow__edge').count()).toBe(3);

    // A public automatic message breaks a Reclame Aqui rule: the badge says so on the node.
    await node(page, 'auto-message').click();
    await page.locator('#field-text').fill('Olá {{customer.name}}, recebemos sua reclamação.');
    await page.locator('#field-visibility').selectOption('public');
    const badge = node(page, 'auto-message').getByTestId('node-issues');
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toContain(
      'this message is public, but on Reclame Aqui automatic messages are private',
    );
    await page.getByRole('tab', { name: /Issues/ }).click();
    expect(await page.getByTestId('issue-list').innerText()).toContain(
      'on Reclame Aqui automatic messages are private',
    );
    await page.screenshot({ path: join(artifactsDir, '1-channel-error.png') });
    await page.getByTestId('issue-list').getByRole('button').first().click();
    await page.locator('#field-visibility').selectOption('default');
    await badge.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /Issues/ }).click();
    await page.getByTestId('issues-none').waitFor();

    // Undo brings the error back, redo removes it again.
    await focusCanvas(page);
    await page.keyboard.press('Control+z');
    await badge.waitFor();
    await page.keyboard.press('Control+Shift+z');
    await badge.waitFor({ state: 'detached' });

    // Copy and paste a node (as JSON through the clipboard), undo and redo the paste, delete it.
    await node(page, 'auto-message').click();
    await page.keyboard.press('Control+c');
    await focusCanvas(page);
    await page.keyboard.press('Control+v');
    await node(page, 'auto-message-2').waitFor();
    expect(await nodeCount(page)).toBe(5);
    await page.keyboard.press('Control+z');
    await node(page, 'auto-message-2').waitFor({ state: 'detached' });
    expect(await nodeCount(page)).toBe(4);
    await page.keyboard.press('Control+y');
    await node(page, 'auto-message-2').waitFor();
    expect(await nodeCount(page)).toBe(5);
    await node(page, 'auto-message-2').click();
    await page.keyboard.press('Delete');
    await node(page, 'auto-message-2').waitFor({ state: 'detached' });
    expect(await nodeCount(page)).toBe(4);
    await page.screenshot({ path: join(artifactsDir, '2-fixed-flow.png') });

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a version' });
    await dialog.getByLabel('What changed?').fill('First version from the e2e test');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await dialog.getByText('Published version 1.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'Versions' }).click();
    expect(await page.getByTestId('version-list').innerText()).toContain(
      'v1 · First version from the e2e test',
    );
    await page.screenshot({ path: join(artifactsDir, '3-published.png') });

    const api = apiOf(
      server.url,
      await tokenOf(server.url, server.admin.email, server.admin.password),
    );
    const versions = await api<Array<{ number: number; message: string }>>(
      'GET',
      `/flows/${flowId}/versions`,
    );
    expect(versions.body.map((v) => [v.number, v.message])).toEqual([
      [1, 'First version from the e2e test'],
    ]);
    const published = await api<{
      document: {
        nodes: Array<{ id: string; type: string; settings: Record<string, unknown> }>;
        edges: Array<{ source: string; sourcePort: string; target: string }>;
      };
    }>('GET', `/flows/${flowId}/versions/1`);
    expect(published.body.document.nodes.map((n) => n.type)).toEqual([
      'trigger',
      'auto-message',
      'human-handoff',
      'close',
    ]);
    expect(
      published.body.document.edges.map((e) => `${e.source}.${e.sourcePort}→${e.target}`),
    ).toEqual([
      'start.next→auto-message',
      'auto-message.next→human-handoff',
      'human-handoff.answered→close',
    ]);
    expect(published.body.document.nodes[1]?.settings).toMatchObject({
      text: 'Olá {{customer.name}}, recebemos sua reclamação.',
      visibility: 'default',
    });
    await context.close();
  });

  it('an agent lands on the console and cannot reach the designer', async () => {
    const admin = apiOf(
      server.url,
      await tokenOf(server.url, server.admin.email, server.admin.password),
    );
    const created = await admin<{ id: string }>('POST', '/users', {
      email: 'agent@e2e.test',
      name: 'Agent Ana',
      role: 'agent',
      password: 'agent-password-1',
    });
    expect(created.status).toBe(201);
    const flows = await admin<Array<{ id: string }>>('GET', '/flows');
    const someFlow = flows.body[0]?.id ?? '';

    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'agent@e2e.test', 'agent-password-1');
    await page.waitForURL('**/console');
    expect(await page.getByTestId('console').innerText()).toContain('Agent Ana');
    await page.goto(`${server.url}/flows/${someFlow}`);
    await page.waitForURL('**/console');
    expect(await page.getByTestId('canvas').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Flows' }).count()).toBe(0);
    const agent = apiOf(
      server.url,
      await tokenOf(server.url, 'agent@e2e.test', 'agent-password-1'),
    );
    expect((await agent('GET', `/flows/${someFlow}`)).status).toBe(403);
    await context.close();
  });
});
