import { join } from 'node:path';
import { startReclameAquiSimulator, type ReclameAquiSimulator } from '@attendflow/nodes/simulators';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, tokenOf } from './api.js';
import { artifactsDir, launchBrowser } from './browser.js';
import { eventually } from './designer-page.js';
import { startServer, type RunningServer } from './start-server.js';

let server: RunningServer;
let browser: Browser;
let sim: ReclameAquiSimulator;

beforeAll(async () => {
  [server, browser, sim] = await Promise.all([
    startServer(),
    launchBrowser(),
    startReclameAquiSimulator(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sim?.close();
  await server?.stop();
}, 60_000);

const node = (id: string, type: string, settings: Record<string, unknown>, x: number) => ({
  id,
  type,
  typeVersion: 1,
  settings,
  position: { x, y: 0 },
});

/**
 * Hand off to SAC, then wait for the customer: the agent, not the flow, requests the evaluation
 * and closes. No automatic message first, so the public answer is not held back by RA's 25 s
 * spacing and reaches the simulator at once.
 */
const consoleFlow = {
  schemaVersion: 1,
  name: 'RA console (e2e)',
  nodes: [
    node('start', 'trigger', {}, 0),
    node('handoff', 'human-handoff', { sector: 'SAC' }, 200),
    node('wait', 'wait-for-customer', { timeout: { amount: 7, unit: 'days' } }, 400),
    node('bye', 'close', { solution: 'sem-retorno' }, 600),
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'handoff' },
    { id: 'e2', source: 'handoff', sourcePort: 'answered', target: 'wait' },
    { id: 'e3', source: 'wait', sourcePort: 'replied', target: 'bye' },
    { id: 'e4', source: 'wait', sourcePort: 'timeout', target: 'bye' },
  ],
  variables: [],
};

/** The conversation's entry in the inbox list. */
const inboxItem = (page: Page, id: string) =>
  page.getByTestId('inbox-list').locator(`[data-conversation-id="${id}"]`);

const publicAnswers = () =>
  sim.journal
    .since(0)
    .filter((e) => e.method === 'POST' && e.path === '/api/ticket/v1/tickets/message/public');

describe('agent console in Chromium', { timeout: 180_000 }, () => {
  it('an agent takes a Reclame Aqui complaint, answers publicly once, requests evaluation, closes', async () => {
    const admin = apiOf(
      server.url,
      await tokenOf(server.url, server.admin.email, server.admin.password),
    );
    const flow = await admin<{ id: string; revision: number }>('POST', '/flows', {
      name: consoleFlow.name,
      document: consoleFlow,
    });
    expect(flow.status).toBe(201);
    const published = await admin('POST', `/flows/${flow.body.id}/publish`, {
      message: 'e2e',
      revision: flow.body.revision,
    });
    expect(published.status).toBe(201);
    const connection = await admin<{ id: string }>('POST', '/connections', {
      type: 'reclame-aqui',
      name: 'RA e2e',
      flowId: flow.body.id,
      settings: {
        description: 'RA — Loja Exemplo',
        companyEmail: 'sac@loja.example',
        user: 'client-id',
        password: 'client-secret',
        baseUrl: sim.baseUrl,
      },
    });
    expect(connection.status).toBe(201);
    expect(
      (
        await admin('POST', '/users', {
          email: 'bia@e2e.test',
          name: 'Bia Souza',
          role: 'agent',
          password: 'agent-password-2',
        })
      ).status,
    ).toBe(201);

    const response = await fetch(`${sim.url}/__sim/ra/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Produto não entregue', content: 'Comprei e não chegou.' }),
    });
    const ticket = (await response.json()) as { id: number; source_external_id: string };
    expect((await admin('POST', `/connections/${connection.body.id}/sync`)).status).toBe(202);
    const conversationId = await eventually(async () => {
      const list = await admin<{ items: Array<{ id: string; status: string }> }>(
        'GET',
        `/conversations?connectionId=${connection.body.id}`,
      );
      return list.body.items[0]?.id;
    }, 'the complaint to arrive');

    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForURL('**/login');
    await page.getByLabel('E-mail').fill('bia@e2e.test');
    await page.getByLabel('Password').fill('agent-password-2');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/console');

    // The complaint waits among the others (pnpm start seeds demo conversations); the count is the server's.
    await inboxItem(page, conversationId).waitFor();
    const waiting = await admin<{ items: unknown[] }>('GET', '/conversations?status=waiting');
    expect(await page.getByTestId('queue-waiting').locator('.queue-count').innerText()).toBe(
      String(waiting.body.items.length),
    );
    await inboxItem(page, conversationId).click();
    const head = page.getByTestId('conversation-head');
    await head.getByText('Produto não entregue').waitFor();
    expect(await page.getByTestId('complaint-facts').innerText()).toContain(
      ticket.source_external_id,
    );
    await page.getByRole('button', { name: 'Take', exact: true }).click();
    await page.getByText('You are attending this conversation.').waitFor();

    const publicToggle = page.getByRole('radio', { name: 'Public' });
    expect(await publicToggle.isChecked()).toBe(true);
    await page.getByTestId('composer-text').fill('Olá! Reenviamos o seu pedido hoje.');
    await page.screenshot({ path: join(artifactsDir, 'console-1-before-answer.png') });
    await page.getByRole('button', { name: 'Send public answer' }).click();

    // After the one public answer the toggle is disabled, with the reason beside it.
    await page.getByTestId('visibility-public-blocked').waitFor();
    expect(await publicToggle.isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Private' }).isChecked()).toBe(true);
    expect(await page.getByTestId('visibility-public-blocked').innerText()).toBe(
      'Public answer disabled: this channel takes 1 public answer per complaint, and it was given. Write privately.',
    );
    const transcript = page.getByTestId('transcript');
    expect(
      await transcript
        .locator('li[data-author="agent"]')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-visibility'))),
    ).toEqual(['public']);
    expect(await transcript.innerText()).toContain('Olá! Reenviamos o seu pedido hoje.');
    await page.screenshot({ path: join(artifactsDir, 'console-2-public-disabled.png') });

    await page.getByRole('button', { name: 'Request evaluation' }).click();
    await page.getByTestId('conversation-status').getByText('Awaiting evaluation').waitFor();
    expect(await page.getByTestId('evaluation-blocked').innerText()).toBe(
      'An evaluation was already requested.',
    );

    await page.getByLabel('Solution').fill('resolvido');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByTestId('conversation-status').getByText('Closed').waitFor();
    expect(await page.getByTestId('composer-blocked').innerText()).toBe(
      'The attendance is closed and this channel is receptive only: nothing more can be sent.',
    );
    expect(await page.getByTestId('conversation-actions').innerText()).toContain(
      'Closed with solution “resolvido”.',
    );
    await page.getByTestId('queue-closed').click();
    await inboxItem(page, conversationId).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'console-3-closed.png') });

    // Reclame Aqui received exactly one public answer, with the agent's text.
    const answers = await eventually(
      () => Promise.resolve(publicAnswers().length > 0 ? publicAnswers() : undefined),
      'the public answer to reach the simulator',
    );
    expect(answers.map((e) => [e.status, e.body])).toEqual([
      [200, { id: String(ticket.id), message: 'Olá! Reenviamos o seu pedido hoje.' }],
    ]);
    const detail = await admin<{ status: string; solution: string }>(
      'GET',
      `/conversations/${conversationId}`,
    );
    expect([detail.body.status, detail.body.solution]).toEqual(['closed', 'resolvido']);
    await context.close();
  });
});
