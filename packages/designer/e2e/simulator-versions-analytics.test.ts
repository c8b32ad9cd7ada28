import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, tokenOf } from './api.js';
import { artifactsDir, launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './start-server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
let flowId = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const api = apiOf(
    server.url,
    await tokenOf(server.url, server.admin.email, server.admin.password),
  );
  const flows = await api<Array<{ id: string; name: string }>>('GET', '/flows');
  flowId = flows.body.find((flow) => flow.name.startsWith('Reclame Aqui'))?.id ?? '';
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1600, height: 1000 },
  });
  page = await context.newPage();
  await page.goto(server.url);
  await page.waitForURL('**/login');
  await page.getByLabel('E-mail').fill(server.admin.email);
  await page.getByLabel('Password').fill(server.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  await page.goto(`${server.url}/flows/${flowId}`);
  await node('start').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const entries = () =>
  page
    .getByTestId('sim-transcript')
    .locator('li')
    .evaluateAll((items) =>
      items.map((li) => {
        const el = li as HTMLElement;
        const text = el.querySelector('.sim-text')?.textContent ?? '';
        return `${el.dataset['author']} ${el.dataset['visibility'] || '-'} ${el.dataset['kind']}: ${text}`;
      }),
    );

describe('simulator, version diff and analytics in Chromium', { timeout: 180_000 }, () => {
  it('runs the Reclame Aqui example in the simulator to the close, with the channel rules applied', async () => {
    expect(flowId).not.toBe('');
    await page.getByRole('tab', { name: 'Simulator' }).click();
    const form = page.getByTestId('sim-start');
    await form.getByLabel('Channel').selectOption('reclame-aqui');
    await form.getByLabel('Customer name').fill('Ana');
    await form.getByLabel('Subject').fill('Entrega atrasada');
    await form.getByLabel('First message').fill('Comprei um celular e a entrega está atrasada.');
    await form.getByRole('button', { name: 'Start simulation' }).click();

    await page.getByTestId('sim-transcript').waitFor();
    expect((await entries()).slice(0, 2)).toEqual([
      'customer - message: Comprei um celular e a entrega está atrasada.',
      'bot private message: Olá Ana, recebemos sua reclamação “Entrega atrasada” (protocolo SIM-1). Nossa equipe já está analisando o seu caso.',
    ]);
    // The path is drawn after the transcript (an effect publishes the overlay): wait for it.
    await node('delay').locator('.flow-node[data-active="true"]').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'sim-1-acknowledged.png') });

    await page.getByRole('button', { name: /Skip to next timer/ }).click();
    expect(await entries()).toContain(
      'bot private message: Ana, sua reclamação está com a equipe de Logística. Em breve você receberá nossa resposta.',
    );

    await page.getByRole('button', { name: 'Take', exact: true }).click();
    await page.getByLabel('Agent message').fill('Olá Ana, seu pedido será entregue amanhã.');
    await page.getByRole('button', { name: 'Reply public' }).click();
    expect(await entries()).toContain(
      'agent public message: Olá Ana, seu pedido será entregue amanhã.',
    );
    await node('evaluation').locator('.flow-node[data-active="true"]').waitFor();

    await page.getByLabel('Agent message').fill('Atualizando: confirmado.');
    await page.getByRole('button', { name: 'Reply public' }).click();
    expect(await page.getByTestId('sim-rejection').innerText()).toContain(
      'this channel takes at most 1 public answer(s) per conversation',
    );
    expect((await entries()).at(-1)).toContain('agent - refused:');

    await page.getByRole('button', { name: 'Evaluate' }).click();
    expect(await page.getByTestId('sim-at').innerText()).toBe('At: closed');
    expect(await entries()).toContain('system - status: status=closed solution=resolvida');
    await node('close').locator('.flow-node.is-visited').waitFor();
    expect(await node('closeUnrated').locator('.flow-node').getAttribute('class')).not.toContain(
      'is-visited',
    );
    await page.screenshot({ path: join(artifactsDir, 'sim-2-closed.png') });
  });

  it('publishes a changed message and shows one node changed in the version diff', async () => {
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await node('ack').click();
    await page.locator('#field-text').fill('Olá {{customer.name}}, recebemos sua reclamação.');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a version' });
    await dialog.getByLabel('What changed?').fill('Shorter acknowledgement');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await dialog.getByText('Published version 2.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByTestId('version-list').getByRole('button', { name: 'Changes' }).click();
    const diff = page.getByTestId('diff-view');
    await diff.waitFor();
    expect(await diff.locator('strong').innerText()).toBe('v1 → v2');
    expect(await page.getByTestId('diff-summary').innerText()).toBe(
      '0 added, 1 changed, 0 moved, 0 removed',
    );
    expect(await diff.locator('li').allInnerTexts()).toEqual([
      expect.stringContaining('Acknowledge'),
    ]);
    expect(await diff.locator('li').innerText()).toContain('settings.text');
    await node('ack').locator('.flow-node[data-diff="changed"]').waitFor();
    expect(await page.locator('.flow-node[data-diff]').count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'diff-1-one-node-changed.png') });
  });

  it('shows visits on the published version after a conversation ran, and replays its path', async () => {
    const admin = apiOf(
      server.url,
      await tokenOf(server.url, server.admin.email, server.admin.password),
    );
    const inboundToken = 'inbound-token-e2e-0123456789';
    const connection = await admin<{ id: string }>('POST', '/connections', {
      type: 'api',
      name: 'E2E API',
      settings: {
        outboundUrl: 'http://127.0.0.1:9/outbound',
        outboundToken: 'outbound-token-e2e-0123456789',
        inboundToken,
      },
      flowId,
    });
    expect(connection.status).toBe(201);
    const inbound = await apiOf(server.url, inboundToken)<{ results: Array<{ status: string }> }>(
      'POST',
      `/channels/${connection.body.id}/inbound`,
      {
        type: 'message',
        conversationId: 'e2e-1',
        messageId: 'e2e-1-m1',
        text: 'A entrega atrasou',
        subject: 'Entrega',
        customer: { name: 'Bia', fields: {} },
      },
    );
    expect(inbound.body.results.map((r) => r.status)).toEqual(['applied']);

    await page.getByRole('tab', { name: 'Analytics' }).click();
    expect(await page.getByTestId('analytics-summary').innerText()).toBe(
      'Version 2: 1 conversation(s).',
    );
    expect(await node('start').getByTestId('node-visits').innerText()).toBe('1 visits');
    expect(await node('delay').getByTestId('node-visits').innerText()).toBe('1 visits');
    expect(await node('delay').getByTestId('node-drop-off').innerText()).toBe('1 stopped');
    expect(await node('handoff').getByTestId('node-visits').innerText()).toBe('0 visits');
    expect(
      await page.locator('.react-flow__edge[data-id="e3"] .react-flow__edge-text').textContent(),
    ).toBe('delivery · 1');
    await page.screenshot({ path: join(artifactsDir, 'analytics-1-visits.png') });

    await page
      .getByTestId('analytics-conversations')
      .getByRole('button', { name: 'Entrega' })
      .click();
    expect(await page.getByTestId('replay-step').innerText()).toBe(
      'Step 1 of 4: start (conversation.started)',
    );
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await page.getByTestId('replay-step').innerText()).toBe(
      'Step 3 of 4: route (conversation.started)',
    );
    await node('route').locator('.flow-node[data-active="true"]').waitFor();
    expect(await node('ack').locator('.flow-node').getAttribute('class')).toContain('is-visited');
    expect(await node('delay').locator('.flow-node').getAttribute('class')).not.toContain(
      'is-visited',
    );
    await page.screenshot({ path: join(artifactsDir, 'analytics-2-replay.png') });
  });
});
