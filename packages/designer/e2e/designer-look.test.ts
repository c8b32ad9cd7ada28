import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir } from './browser.js';
import {
  createFlow,
  flowOf,
  flowOnServer,
  nodeOf,
  openFlow,
  signIn,
  useDesigner,
  type TestNode,
} from './designer-page.js';

const suite = useDesigner();
const newPage = (options?: BrowserContextOptions) => suite.newPage(options);

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Pairs of drawn flow nodes whose boxes intersect. */
async function overlappingPairs(page: Page): Promise<string[]> {
  const boxes = await page.locator('.react-flow__node-flow').evaluateAll((els) =>
    els.map(
      (el) =>
        ({
          id: el.getAttribute('data-id') ?? '',
          ...el.getBoundingClientRect().toJSON(),
        }) as Box & { id: string },
    ),
  );
  return boxes.flatMap((a, i) =>
    boxes.slice(i + 1).flatMap((b) => (overlap(a, b) ? [`${a.id}/${b.id}`] : [])),
  );
}
const lone = (name: string) => flowOf(name, [{ id: 'start', type: 'trigger', x: 0, y: 0 }], []);
const bodyBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

const stacked: TestNode[] = [
  { id: 'start', type: 'trigger', x: 0, y: 0 },
  { id: 'ack', type: 'auto-message', x: 0, y: 0, settings: { text: 'Olá' } },
  {
    id: 'handoff',
    type: 'human-handoff',
    x: 0,
    y: 0,
    settings: { timeout: { amount: 1, unit: 'days' } },
  },
  { id: 'wait', type: 'wait-for-customer', x: 0, y: 0 },
  { id: 'sorry', type: 'auto-message', x: 0, y: 0, settings: { text: 'Desculpe a demora' } },
  { id: 'bye', type: 'close', x: 0, y: 0 },
];
const stackedLinks = [
  'start.next>ack',
  'ack.next>handoff',
  'handoff.answered>wait',
  'handoff.timeout>sorry',
  'wait.replied>bye',
  'wait.timeout>bye',
  'sorry.next>bye',
];

describe('designer canvas tools, theme and language in Chromium', { timeout: 180_000 }, () => {
  it('auto-layout spreads stacked nodes left to right along the edges, with no two overlapping', async () => {
    const document = flowOf('Layout (e2e)', stacked, stackedLinks);
    const id = await createFlow(suite.api, document);
    const page = await newPage();
    await signIn(page, suite.server);
    await openFlow(page, suite.server, id);
    expect((await overlappingPairs(page)).length).toBe(15);

    await page.getByRole('button', { name: 'Auto-layout' }).click();
    const key = (p: { x: number; y: number }) => `${p.x},${p.y}`;
    await expect
      .poll(
        async () =>
          new Set((await flowOnServer(suite.api, id)).draft.nodes.map((n) => key(n.position))).size,
      )
      .toBe(stacked.length);
    const { draft } = await flowOnServer(suite.api, id);
    const x = new Map(draft.nodes.map((n) => [n.id, n.position.x]));
    for (const edge of draft.edges) {
      expect(x.get(edge.source), `${edge.source} left of ${edge.target}`).toBeLessThan(
        x.get(edge.target) ?? -Infinity,
      );
    }
    expect(await overlappingPairs(page)).toEqual([]);
    await page.screenshot({ path: join(artifactsDir, 'look-1-auto-layout.png') });

    // What was saved, drawn again from the suite.server, still has no overlap.
    await page.reload();
    await nodeOf(page, 'bye').waitFor();
    expect(await overlappingPairs(page)).toEqual([]);
  });

  it('node search finds a node by its label, selects it and centres it', async () => {
    const spread: TestNode[] = [{ id: 'start', type: 'trigger', x: 0, y: 0 }];
    for (let i = 1; i <= 10; i++) {
      spread.push({
        id: `m${i}`,
        type: 'auto-message',
        x: i * 420,
        y: (i % 3) * 260,
        settings: { text: `Step ${i}` },
      });
    }
    spread.push({
      id: 'far',
      type: 'human-handoff',
      x: 5200,
      y: 1800,
      label: 'Escalate to logistics',
    });
    const id = await createFlow(suite.api, flowOf('Search (e2e)', spread, []));
    const page = await newPage();
    await signIn(page, suite.server);
    await openFlow(page, suite.server, id);
    const canvas = await page.getByTestId('canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const centreOf = async (node: string) => {
      const box = await nodeOf(page, node).boundingBox();
      if (!box) throw new Error(`${node} not on screen`);
      return {
        x: box.x + box.width / 2 - canvas.x - canvas.width / 2,
        y: box.y + box.height / 2 - canvas.y - canvas.height / 2,
      };
    };
    expect(Math.abs((await centreOf('far')).x)).toBeGreaterThan(100);

    await page.getByRole('button', { name: 'Find a node…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Find a node…' });
    await dialog.getByRole('textbox').fill('nothing like this');
    expect(await dialog.innerText()).toContain('No node matches.');
    await dialog.getByRole('textbox').fill('logistics');
    expect(await dialog.getByRole('button').allInnerTexts()).toEqual(['Escalate to logistics far']);
    await page.screenshot({ path: join(artifactsDir, 'look-2-search.png') });
    await dialog.getByRole('textbox').press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await nodeOf(page, 'far').locator('.flow-node.is-selected').waitFor();
    expect(await page.locator('.flow-node.is-selected').count()).toBe(1);
    expect(await page.getByTestId('inspector').getAttribute('data-node-id')).toBe('far');
    expect(await page.locator('#node-label').inputValue()).toBe('Escalate to logistics');
    const centre = await centreOf('far');
    expect(Math.abs(centre.x)).toBeLessThan(2);
    expect(Math.abs(centre.y)).toBeLessThan(2);
    expect(await page.locator('.react-flow__viewport').getAttribute('style')).toContain(
      'scale(1.2)',
    );
    await page.screenshot({ path: join(artifactsDir, 'look-3-search-centred.png') });
  });

  it('dark mode changes the theme of page and canvas and stays over a reload', async () => {
    const page = await newPage();
    await signIn(page, suite.server);
    await openFlow(page, suite.server, await createFlow(suite.api, lone('Theme (e2e)')));
    const html = page.locator('html');
    expect(await html.getAttribute('data-theme')).toBe('light');
    expect(await bodyBackground(page)).toBe('rgb(247, 247, 249)');
    expect(await page.locator('.react-flow').getAttribute('class')).toContain('light');

    await page.getByTestId('theme').selectOption('dark');
    expect(await html.getAttribute('data-theme')).toBe('dark');
    expect(await bodyBackground(page)).toBe('rgb(20, 22, 28)');
    expect(await page.locator('.react-flow').getAttribute('class')).toContain('dark');
    await page.screenshot({ path: join(artifactsDir, 'look-4-dark.png') });

    await page.reload();
    await nodeOf(page, 'start').waitFor();
    expect(await html.getAttribute('data-theme')).toBe('dark');
    expect(await bodyBackground(page)).toBe('rgb(20, 22, 28)');
    expect(await page.getByTestId('theme').inputValue()).toBe('dark');

    // "System" follows the operating system's preference.
    await page.getByTestId('theme').selectOption('system');
    expect(await html.getAttribute('data-theme')).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
  });

  it('a pt-BR browser gets the Portuguese UI, and switching the language to English sticks', async () => {
    const page = await newPage({ locale: 'pt-BR' });
    await page.goto(suite.server.url);
    await page.waitForURL('**/login');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Entrar');
    expect(await page.getByLabel('Senha').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
    await signIn(page, suite.server);

    await page.getByRole('heading', { name: 'Fluxos' }).waitFor();
    expect(await page.getByRole('button', { name: 'Novo fluxo' }).count()).toBe(1);
    expect(await page.getByText('Importar JSON…').count()).toBe(1);
    await openFlow(page, suite.server, await createFlow(suite.api, lone('Idioma (e2e)')));
    const toolbar = page.getByRole('toolbar');
    for (const label of ['Publicar', 'Organizar', 'Nota adesiva', 'Exportar JSON', 'Desfazer']) {
      expect(await toolbar.getByRole('button', { name: label, exact: true }).count(), label).toBe(
        1,
      );
    }
    expect(await page.getByTestId('save-status').innerText()).toBe('Salvo');
    await page.screenshot({ path: join(artifactsDir, 'look-5-pt-br.png') });

    await page.getByLabel('Idioma').selectOption('en');
    await toolbar.getByRole('button', { name: 'Publish', exact: true }).waitFor();
    expect(await toolbar.getByRole('button', { name: 'Publicar' }).count()).toBe(0);
    expect(await page.getByTestId('save-status').innerText()).toBe('Saved');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('toolbar').getByRole('button', { name: 'Auto-layout' }).waitFor();
    expect(await page.getByLabel('Language').inputValue()).toBe('en');
  });
});
