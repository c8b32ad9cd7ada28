import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir } from './browser.js';
import {
  createFlow,
  flowOf,
  flowOnServer,
  nodeOf,
  openFlow,
  savedIndicator,
  signIn,
  useDesigner,
  type Draft,
} from './designer-page.js';

const suite = useDesigner();

/** A signed-in admin's page in a context of its own (its own storage, as another person). */
async function newPage(): Promise<Page> {
  const page = await suite.newPage();
  await signIn(page, suite.server);
  return page;
}

const greeting = (label?: string) => ({
  id: 'ack',
  type: 'auto-message',
  x: 300,
  y: 0,
  settings: { text: 'Mine or theirs?' },
  ...(label ? { label } : {}),
});
const twoNodes = (name: string) =>
  flowOf(name, [{ id: 'start', type: 'trigger', x: 0, y: 0 }, greeting()], ['start.next>ack']);
const ackOf = (draft: Draft) => draft.nodes.find((node) => node.id === 'ack');
const canvasIds = (page: Page, kind: 'node' | 'edge') =>
  page
    .locator(kind === 'node' ? '.react-flow__node-flow' : '.react-flow__edge')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));

describe('designer lifecycle in Chromium', { timeout: 180_000 }, () => {
  it('exports the draft as JSON, imports it back as an equal flow, and refuses malformed files', async () => {
    const document = flowOf(
      'Export me (e2e)',
      [
        { id: 'start', type: 'trigger', x: 0, y: 0 },
        { ...greeting('Say hello'), settings: { text: 'Olá {{customer.name}}' } },
        { id: 'bye', type: 'close', x: 600, y: 40, settings: { solution: 'resolvida' } },
      ],
      ['start.next>ack', 'ack.next>bye'],
    );
    document.notes.push({ id: 'n1', text: 'Exported note', position: { x: 0, y: 200 } });
    const id = await createFlow(suite.api, document);
    const page = await newPage();
    await openFlow(page, suite.server, id);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('export-me-e2e.flow.json');
    const file = join(artifactsDir, 'export-me-e2e.flow.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      attendflowExport: number;
      name: string;
      document: Draft;
    };
    expect(exported).toMatchObject({ attendflowExport: 1, name: 'Export me (e2e)' });
    expect(exported.document).toEqual((await flowOnServer(suite.api, id)).draft);

    const flowsBefore = (await suite.api<unknown[]>('GET', '/flows')).body.length;
    await page.goto(`${suite.server.url}/flows`);
    await page.getByTestId('flow-list').waitFor();
    const input = page.locator('input[type="file"]');
    const error = page.locator('.page p.error');
    const upload = (name: string, text: string) =>
      input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

    await upload('cut-short.flow.json', readFileSync(file, 'utf8').slice(0, 40));
    await expect.poll(() => error.textContent()).toMatch(/^Import failed: .*JSON/);
    const noTarget = { ...exported.document.edges[0], target: undefined };
    await upload(
      'broken.flow.json',
      JSON.stringify({ ...exported, document: { ...exported.document, edges: [noTarget] } }),
    );
    await expect.poll(() => error.textContent()).toContain('document.edges[0].target');
    expect(await error.textContent()).toMatch(/^Import failed: /);
    await page.screenshot({ path: join(artifactsDir, 'lifecycle-1-import-refused.png') });
    expect(new URL(page.url()).pathname).toBe('/flows');
    expect((await suite.api<unknown[]>('GET', '/flows')).body.length).toBe(flowsBefore);
    expect(await page.getByTestId('flow-list').locator('li').count()).toBe(flowsBefore);

    await input.setInputFiles(file);
    await page.waitForURL((url) => /^\/flows\/[0-9a-f-]+$/.test(url.pathname));
    const importedId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(importedId).not.toBe(id);
    await nodeOf(page, 'start').waitFor();
    expect(await canvasIds(page, 'node')).toEqual(['start', 'ack', 'bye']);
    expect(await canvasIds(page, 'edge')).toEqual(['e1', 'e2']);
    expect(await nodeOf(page, 'ack').locator('.flow-node-title').innerText()).toContain(
      'Say hello',
    );
    expect(await page.locator('[data-note-id="n1"] textarea').inputValue()).toBe('Exported note');
    const imported = await flowOnServer(suite.api, importedId);
    expect(imported.draft).toEqual(exported.document);
    expect((await suite.api<unknown[]>('GET', '/flows')).body.length).toBe(flowsBefore + 1);
    await page.screenshot({ path: join(artifactsDir, 'lifecycle-2-imported.png') });
  });

  it('a save over a draft saved meanwhile through the API shows the conflict and overwrites nothing', async () => {
    const id = await createFlow(suite.api, twoNodes('API conflict (e2e)'));
    const page = await newPage();
    await openFlow(page, suite.server, id);
    const loaded = await flowOnServer(suite.api, id);
    const theirs = {
      ...loaded.draft,
      nodes: loaded.draft.nodes.map((n) => (n.id === 'ack' ? { ...n, label: 'Their label' } : n)),
    };
    const put = await suite.api<{ revision: number }>('PUT', `/flows/${id}/draft`, {
      document: theirs,
      revision: loaded.revision,
    });
    expect(put.status).toBe(200);

    await nodeOf(page, 'ack').click();
    await page.locator('#field-text').fill('My text');
    const banner = page.getByTestId('conflict');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`revision ${put.body.revision}`);
    // Further edits are held back too: nothing reaches the server behind the person's back.
    await page.locator('#field-text').fill('My text, edited again');
    await page.waitForTimeout(1500);
    const held = await flowOnServer(suite.api, id);
    expect(held.revision).toBe(put.body.revision);
    expect(ackOf(held.draft)).toMatchObject({
      label: 'Their label',
      settings: { text: 'Mine or theirs?' },
    });
    await page.screenshot({ path: join(artifactsDir, 'lifecycle-3-conflict.png') });

    await banner.getByRole('button', { name: 'Reload theirs' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await nodeOf(page, 'ack').locator('.flow-node-title').innerText()).toContain(
      'Their label',
    );
    await nodeOf(page, 'ack').click();
    expect(await page.locator('#field-text').inputValue()).toBe('Mine or theirs?');
    await page.locator('#field-text').fill('After reload');
    await expect
      .poll(async () => (await flowOnServer(suite.api, id)).revision)
      .toBe(put.body.revision + 1);
    expect(ackOf((await flowOnServer(suite.api, id)).draft)).toMatchObject({
      label: 'Their label',
      settings: { text: 'After reload' },
    });
    await savedIndicator(page).waitFor();
  });

  it('two people edit one draft: the later save waits on the conflict until it overwrites', async () => {
    const id = await createFlow(suite.api, twoNodes('Two editors (e2e)'));
    const { revision } = await flowOnServer(suite.api, id);
    const [alice, bob] = [await newPage(), await newPage()];
    await openFlow(alice, suite.server, id);
    await openFlow(bob, suite.server, id);

    await nodeOf(alice, 'ack').click();
    await alice.locator('#field-text').fill('Alice was here');
    await expect.poll(async () => (await flowOnServer(suite.api, id)).revision).toBe(revision + 1);

    await nodeOf(bob, 'ack').click();
    await bob.locator('#node-label').fill('Bob’s label');
    const banner = bob.getByTestId('conflict');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`revision ${revision + 1}`);
    const kept = await flowOnServer(suite.api, id);
    expect(kept.revision).toBe(revision + 1);
    expect(ackOf(kept.draft)?.label).toBeUndefined();
    expect(ackOf(kept.draft)?.settings).toMatchObject({ text: 'Alice was here' });
    await bob.screenshot({ path: join(artifactsDir, 'lifecycle-4-second-editor-conflict.png') });

    await banner.getByRole('button', { name: 'Overwrite with mine' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect.poll(async () => (await flowOnServer(suite.api, id)).revision).toBe(revision + 2);
    expect(ackOf((await flowOnServer(suite.api, id)).draft)).toMatchObject({
      label: 'Bob’s label',
      settings: { text: 'Mine or theirs?' },
    });
    expect(await savedIndicator(bob).count()).toBe(1);
  });

  it('adds a sticky note, edits its text, saves it in the draft and shows it after a reload', async () => {
    const id = await createFlow(suite.api, twoNodes('Notes (e2e)'));
    const page = await newPage();
    await openFlow(page, suite.server, id);
    expect(await page.locator('.react-flow__node-note').count()).toBe(0);

    await page.getByRole('button', { name: 'Sticky note' }).click();
    const note = page.locator('.react-flow__node-note');
    await note.waitFor();
    expect(await note.locator('textarea').getAttribute('placeholder')).toBe('Write a note…');
    await note.locator('textarea').fill('Ask legal before closing');
    await expect
      .poll(async () => (await flowOnServer(suite.api, id)).draft.notes.map((n) => n.text))
      .toEqual(['Ask legal before closing']);
    const [saved] = (await flowOnServer(suite.api, id)).draft.notes;
    await savedIndicator(page).waitFor();

    await page.reload();
    await nodeOf(page, 'start').waitFor();
    expect(await page.locator('.react-flow__node-note').count()).toBe(1);
    expect(await page.locator(`[data-note-id="${saved?.id}"] textarea`).inputValue()).toBe(
      'Ask legal before closing',
    );
    await page.screenshot({ path: join(artifactsDir, 'lifecycle-5-note-reloaded.png') });
  });
});
