// The designer's canvas in Chromium: how fast a generated flow opens, and the frame times while
// panning and dragging through playwright-core's mouse. A 10-node flow measured in the same run is
// the baseline; ratios compare against it. Run: pnpm --filter @attendflow/designer bench
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiOf, tokenOf } from '../e2e/api.js';
import { launchBrowser } from '../e2e/browser.js';
import { startServer, type RunningServer } from '../e2e/start-server.js';
import { frameStats, type FrameStats } from './frame-stats.js';
import { generateFlow } from './generate-flow.js';

const sizes = [10, 1000];
const openRuns = 5;
const targets = { openMs: 1500, fps: 30 };

interface Figures {
  size: number;
  openMs: number;
  /** Nodes in the DOM once open (fewer than the flow's when off-screen ones are skipped). */
  rendered: number;
  /** Edges in the DOM once open. */
  edges: number;
  panFit: FrameStats;
  panZoomed: FrameStats;
  drag: FrameStats;
}

async function signIn(context: BrowserContext, server: RunningServer): Promise<void> {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForURL('**/login');
  await page.getByLabel('E-mail').fill(server.admin.email);
  await page.getByLabel('Password').fill(server.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  await page.close();
}

/**
 * Milliseconds from navigation start until the canvas is drawn: the viewport fitted, every node in
 * view rendered with its size (React Flow keeps a node it has no size for hidden) and the edges
 * between them, the same on two frames in a row (the first of them painted, React Flow's measuring
 * of the mounted nodes done).
 */
async function open(
  page: Page,
  url: string,
): Promise<{ ms: number; rendered: number; edges: number }> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    `(() => {
      const nodes = document.querySelectorAll('.react-flow__node-flow');
      const edges = document.querySelectorAll('.react-flow__edge').length;
      const viewport = document.querySelector('.react-flow__viewport');
      if (nodes.length === 0 || edges === 0 || !viewport || !viewport.style.transform) return false;
      for (const node of nodes) if (node.style.visibility === 'hidden') return false;
      const drawn = nodes.length + ' ' + edges + ' ' + viewport.style.transform;
      if (window.benchDrawn !== drawn) { window.benchDrawn = drawn; return false; }
      return { ms: performance.now(), rendered: nodes.length, edges };
    })()`,
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as { ms: number; rendered: number; edges: number };
}

/** Records rAF deltas while `gesture` runs. */
async function framesDuring(page: Page, gesture: () => Promise<void>): Promise<FrameStats> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.benchFrames = [];
    window.benchOn = true;
    let last = 0;
    function tick(now) {
      window.benchFrames.push(now - last);
      last = now;
      if (window.benchOn) requestAnimationFrame(tick);
    }
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
  })()`);
  await gesture();
  const deltas = await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchOn: boolean };
    w.benchOn = false;
    return w.benchFrames;
  });
  return frameStats(deltas);
}

/** A drag by the mouse in small steps, one every ~16 ms, as a hand would move it. */
async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
  const steps = 60;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + (by.x * i) / steps, from.y + (by.y * i) / steps);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** A point of the canvas where the pane (no node, edge or control) is under the mouse. */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return null;
    for (let y = pane.top + 40; y < pane.bottom - 40; y += 7)
      for (let x = pane.left + 40; x < pane.right - 260; x += 7) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    return null;
  });
  if (!point) throw new Error('no empty spot on the canvas to pan from');
  return point;
}

async function measure(browser: Browser, server: RunningServer, flowId: string, size: number) {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'en-US',
  });
  await signIn(context, server);
  const url = `${server.url}/flows/${flowId}`;
  const opens: number[] = [];
  let rendered = 0;
  let edges = 0;
  let page: Page | null = null;
  for (let run = 0; run < openRuns; run++) {
    await page?.close();
    page = await context.newPage();
    const opened = await open(page, url);
    opens.push(opened.ms);
    rendered = opened.rendered;
    edges = opened.edges;
  }
  if (!page) throw new Error('no page');
  await page.waitForTimeout(500);
  const panFit = await framesDuring(page, async () => {
    const at = await emptyPoint(page);
    await drag(page, at, { x: 300, y: 120 });
  });
  // Zoom in around the trigger (top left), to React Flow's maximum (200 %), then pan and drag there.
  const start = await page.locator('.react-flow__node[data-id="start"]').boundingBox();
  if (!start) throw new Error('trigger not on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
  const panZoomed = await framesDuring(page, async () => {
    const at = await emptyPoint(page);
    await drag(page, at, { x: -400, y: -200 });
  });
  // The node nearest the middle of the canvas, grabbed by its title bar.
  const target = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const cx = (pane.left + pane.right) / 2, cy = (pane.top + pane.bottom) / 2;
    let best = null, bestDistance = Infinity;
    for (const node of document.querySelectorAll('.react-flow__node-flow')) {
      const box = node.getBoundingClientRect();
      if (box.left < pane.left || box.right > pane.right || box.top < pane.top || box.bottom > pane.bottom) continue;
      const distance = Math.hypot(box.left + box.width / 2 - cx, box.top + box.height / 2 - cy);
      if (distance < bestDistance) { bestDistance = distance; best = { x: box.left + box.width / 2, y: box.top + 12 }; }
    }
    return best;
  })()`);
  if (!target) throw new Error('no node in view to drag');
  const dragStats = await framesDuring(page, () => drag(page, target, { x: 220, y: 140 }));
  await context.close();
  const figures: Figures = {
    size,
    openMs: median(opens),
    rendered,
    edges,
    panFit,
    panZoomed,
    drag: dragStats,
  };
  return figures;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const frames = (stats: FrameStats) =>
  `${ms(stats.mean)} mean / ${ms(stats.p95)} p95 / ${ms(stats.max)} max (${stats.fps.toFixed(0)} fps, ${stats.frames} frames)`;

async function main() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const api = apiOf(
      server.url,
      await tokenOf(server.url, server.admin.email, server.admin.password),
    );
    const results: Figures[] = [];
    for (const size of sizes) {
      const created = await api<{ id: string }>('POST', '/flows', {
        name: `Bench ${size}`,
        document: generateFlow(size),
      });
      if (created.status !== 201)
        throw new Error(`creating the ${size}-node flow answered ${created.status}`);
      results.push(await measure(browser, server, created.body.id, size));
    }
    console.log('designer canvas in headless Chromium (software rendering), 1600×1000');
    for (const r of results) {
      console.log(`\n${r.size} nodes`);
      console.log(
        `  open (median of ${openRuns})  ${ms(r.openMs)}, ${r.rendered} nodes and ${r.edges} edges drawn`,
      );
      console.log(`  pan, zoomed to fit   ${frames(r.panFit)}`);
      console.log(`  pan, zoomed in       ${frames(r.panZoomed)}`);
      console.log(`  drag a node          ${frames(r.drag)}`);
    }
    const [base, big] = [results[0], results.at(-1)];
    if (base && big && base !== big) {
      const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
      console.log(`\n${big.size} vs ${base.size} nodes (same run)`);
      console.log(`  open                 ${ratio(big.openMs, base.openMs)}`);
      console.log(`  pan fit mean frame   ${ratio(big.panFit.mean, base.panFit.mean)}`);
      console.log(`  pan in mean frame    ${ratio(big.panZoomed.mean, base.panZoomed.mean)}`);
      console.log(`  drag mean frame      ${ratio(big.drag.mean, base.drag.mean)}`);
      const slowest = Math.min(big.panFit.fps, big.panZoomed.fps, big.drag.fps);
      console.log(
        `\ntargets: open < ${targets.openMs} ms: ${big.openMs < targets.openMs ? 'met' : 'NOT met'}; ` +
          `≥ ${targets.fps} fps while panning and dragging: ${slowest >= targets.fps ? 'met' : 'NOT met'} (slowest ${slowest.toFixed(0)} fps)`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
