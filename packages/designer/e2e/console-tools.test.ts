import { join } from 'node:path';
import { startReclameAquiSimulator, type ReclameAquiSimulator } from '@attendflow/nodes/simulators';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, tokenOf } from './api.js';
import { artifactsDir } from './browser.js';
import { createFlow, eventually, flowOf, signIn, useDesigner } from './designer-page.js';

const suite = useDesigner();
let sim: ReclameAquiSimulator;
/** The simulator's complaint and the conversation it became, waiting in SAC, taken by Bia. */
let complaint: { ticketId: number; conversationId: string };

const agent = { email: 'bia.tools@e2e.test', password: 'agent-password-3' };
const customer = 'Marina Lopes';
const title = 'Cobrança indevida';

/** Hand off to SAC and wait: the agent answers, nothing is sent to RA by the flow. */
const handoffFlow = flowOf(
  'RA console tools (e2e)',
  [
    { id: 'start', type: 'trigger', x: 0, y: 0 },
    { id: 'handoff', type: 'human-handoff', x: 200, y: 0, settings: { sector: 'SAC' } },
    {
      id: 'wait',
      type: 'wait-for-customer',
      x: 400,
      y: 0,
      settings: { timeout: { amount: 7, unit: 'days' } },
    },
    { id: 'bye', type: 'close', x: 600, y: 0, settings: { solution: 'sem-retorno' } },
  ],
  ['start.next>handoff', 'handoff.answered>wait', 'wait.replied>bye', 'wait.timeout>bye'],
);

beforeAll(async () => {
  // Above RA's 10 calls a minute, so sync, search, moderation and reputation never wait a minute.
  sim = await startReclameAquiSimulator({ config: { rateLimitPerMin: 60 } });
  const { api, server } = suite;
  const flowId = await createFlow(api, handoffFlow);
  const { body: flow } = await api<{ revision: number }>('GET', `/flows/${flowId}`);
  expect(
    (await api('POST', `/flows/${flowId}/publish`, { message: 'e2e', revision: flow.revision }))
      .status,
  ).toBe(201);
  const connection = await api<{ id: string }>('POST', '/connections', {
    type: 'reclame-aqui',
    name: 'RA tools e2e',
    flowId,
    settings: {
      description: 'RA — Empresa Exemplo',
      companyEmail: 'sac@empresa.example',
      user: 'client-id',
      password: 'client-secret',
      baseUrl: sim.baseUrl,
      companyPageId: '1234',
    },
  });
  expect(connection.status).toBe(201);
  expect((await api('POST', '/users', { ...agent, name: 'Bia Tools', role: 'agent' })).status).toBe(
    201,
  );

  const filed = await fetch(`${sim.url}/__sim/ra/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      content: 'Cobraram duas vezes a mesma compra.',
      customer: { name: customer },
    }),
  });
  const ticket = (await filed.json()) as { id: number };
  expect((await api('POST', `/connections/${connection.body.id}/sync`)).status).toBe(202);
  const listed = async () =>
    (
      await api<{ items: Array<{ id: string; status: string; sector: string | null }> }>(
        'GET',
        `/conversations?connectionId=${connection.body.id}`,
      )
    ).body.items;
  const conversationId = await eventually(
    async () => (await listed()).find((c) => c.status === 'waiting' && c.sector === 'SAC')?.id,
    'the complaint to wait in SAC',
  );
  complaint = { ticketId: ticket.id, conversationId };

  const asAgent = apiOf(server.url, await tokenOf(server.url, agent.email, agent.password));
  expect((await asAgent('POST', `/conversations/${conversationId}/take`)).status).toBe(200);
  await eventually(
    async () => (await listed()).find((c) => c.status === 'in-attendance'),
    'the agent to attend the complaint',
  );
}, 120_000);

afterAll(async () => {
  await sim?.close();
});

/** Bia's console (a browser of her own) on the complaint she attends. */
async function agentConsole(): Promise<Page> {
  const page = await suite.newPage();
  await signIn(page, suite.server, agent);
  await page.waitForURL('**/console');
  await page.getByTestId('queue-in-attendance').click();
  await page
    .getByTestId('inbox-list')
    .locator(`[data-conversation-id="${complaint.conversationId}"]`)
    .click();
  await page.getByTestId('conversation-head').getByText(title).waitFor();
  return page;
}

/** What the simulator was sent on `path` (POSTs only), as status and body. */
const sentTo = (path: string) =>
  sim.journal
    .since(0)
    .filter((e) => e.method === 'POST' && e.path === path)
    .map((e) => [e.status, e.body]);

describe('agent console tools in Chromium', { timeout: 180_000 }, () => {
  it('an admin adds a predefined message for SAC on Reclame Aqui; the agent inserts it filled from the complaint', async () => {
    const admin = await suite.newPage();
    await signIn(admin, suite.server);
    await admin.getByRole('button', { name: 'Predefined messages', exact: true }).click();
    await admin.waitForURL('**/predefined-messages');
    await admin.getByRole('button', { name: 'Add a message' }).click();
    const editor = admin.getByTestId('predefined-editor');
    await editor.getByLabel('Title', { exact: true }).fill('Saudação SAC');
    await editor
      .getByLabel(/^Text/)
      .fill('Olá {{customer.name}}, recebemos a sua reclamação e vamos resolvê-la.');
    await editor.getByLabel(/^Sector/).fill('SAC');
    await editor.getByLabel(/^Channel/).selectOption('reclame-aqui');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });

    const stored = await suite.api<Array<{ id: string; title: string; sector: string | null }>>(
      'GET',
      '/predefined-messages',
    );
    expect(stored.body).toEqual([
      expect.objectContaining({
        title: 'Saudação SAC',
        text: 'Olá {{customer.name}}, recebemos a sua reclamação e vamos resolvê-la.',
        sector: 'SAC',
        channel: 'reclame-aqui',
      }),
    ]);
    const [saved] = stored.body;
    const entry = admin.locator(`[data-predefined-id="${saved?.id}"]`);
    expect(await entry.locator('.badge').allInnerTexts()).toEqual(['SAC', 'Reclame Aqui']);
    await admin.screenshot({ path: join(artifactsDir, 'console-tools-1-predefined-admin.png') });
    // Another sector's message, on the same channel: not for this complaint.
    expect(
      (
        await suite.api('POST', '/predefined-messages', {
          title: 'Estorno Financeiro',
          text: 'O estorno de {{customer.name}} sai em 5 dias.',
          sector: 'Financeiro',
          channel: 'reclame-aqui',
        })
      ).status,
    ).toBe(201);

    const page = await agentConsole();
    // The picker shows once the conversation's messages came in (none: no picker).
    const picker = page.getByTestId('predefined-pick');
    await picker.waitFor();
    const filled = `Olá ${customer}, recebemos a sua reclamação e vamos resolvê-la.`;
    expect(await picker.locator('option').allInnerTexts()).toEqual([
      'Predefined messages…',
      'Saudação SAC — Olá Marina Lopes, recebemos a sua reclamação e vamos resolv…',
    ]);
    await picker.selectOption(saved?.id ?? '');
    expect(await page.getByTestId('composer-text').inputValue()).toBe(filled);
    await page.screenshot({ path: join(artifactsDir, 'console-tools-2-predefined-inserted.png') });
  });

  it('a moderation for another company carries the company found by name as migrateTO', async () => {
    const page = await agentConsole();
    await page.getByRole('button', { name: 'Request moderation…' }).click();
    const form = page.getByTestId('moderation-form');
    await form.getByLabel(/^Reason/).selectOption('1');
    await form.getByLabel('Company name').fill('horiz');
    await form.getByRole('button', { name: 'Search', exact: true }).click();
    const results = form.locator('.company-results button');
    await results.first().waitFor();
    // The simulator's directory: names starting with the text first, then the others by name.
    expect(await results.allInnerTexts()).toEqual([
      'Horizonte Viagens #7012',
      'Construtora Horizonte #7007',
      'Móveis Horizonte #7016',
    ]);
    await page.screenshot({ path: join(artifactsDir, 'console-tools-3-company-results.png') });
    await results.filter({ hasText: 'Móveis Horizonte' }).click();
    expect(await form.getByTestId('company-chosen').innerText()).toContain(
      'Meant for Móveis Horizonte (Reclame Aqui id 7016)',
    );
    await form
      .getByLabel('Message to Reclame Aqui')
      .fill('A compra foi feita na Móveis Horizonte.');
    await page.screenshot({ path: join(artifactsDir, 'console-tools-4-moderation-ready.png') });
    await form.getByRole('button', { name: 'Request moderation', exact: true }).click();
    await form.waitFor({ state: 'detached' });

    const path = '/api/ticket/v1/tickets/moderation';
    await expect.poll(() => sentTo(path).length, { timeout: 30_000 }).toBe(1);
    expect(sentTo(path)).toEqual([
      [
        200,
        {
          id: String(complaint.ticketId),
          reason: '1',
          message: 'A compra foi feita na Móveis Horizonte.',
          migrateTO: '7016',
        },
      ],
    ]);
  });

  it('the agent sees the company page’s reputation as the simulator computes it', async () => {
    const page = await agentConsole();
    const panel = page.getByTestId('reputation-panel');
    await panel.getByRole('button', { name: 'Show the company page’s reputation' }).click();
    const rows = panel.getByTestId('reputation').locator('tbody tr');
    await rows.first().waitFor();
    // One unanswered, unevaluated complaint on page 1234, in each of RA's five periods.
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    const figures = ['Sem índice', '0%', '0%', '0%', '0', '1', '0', '1'];
    expect(cells).toEqual(
      ['6 meses', '12 meses', '1 ano atrás', '2 anos atrás', 'Geral'].map((period) => [
        period,
        ...figures,
      ]),
    );
    await panel.screenshot({ path: join(artifactsDir, 'console-tools-5-reputation.png') });
    const asked = sim.journal
      .since(0)
      .filter(
        (e) => e.method === 'GET' && e.path === '/api/companies/v1/companies/1234/reputation',
      );
    expect(asked.map((e) => e.status)).toEqual([200]);
  });
});
