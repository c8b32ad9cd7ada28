import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemoSimulators, type DemoSimulators } from './demo-simulators.js';

/** A loopback port nobody listens on now (taken and released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('startDemoSimulators', () => {
  const started: DemoSimulators[] = [];
  afterAll(async () => {
    for (const sims of started) await sims.close();
  });

  it('serves each simulator on its fixed port, and leaves one whose port is taken on its own', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const taken = (busy.address() as AddressInfo).port;
    const [ra, telegram, smtp] = [await freePort(), await freePort(), await freePort()];
    try {
      const sims = await startDemoSimulators({ reclameAqui: ra, wish: taken, telegram, smtp });
      started.push(sims);
      expect(sims.urls).toMatchObject({
        reclameAqui: { url: `http://127.0.0.1:${ra}`, apiBaseUrl: `http://127.0.0.1:${ra}/api` },
        wish: { url: sims.wish.url, apiBaseUrl: sims.wish.apiBaseUrl },
        telegram: { url: `http://127.0.0.1:${telegram}` },
        smtp: { host: '127.0.0.1', port: smtp },
        busyPorts: [taken],
      });
      expect(sims.wish.url).not.toBe(`http://127.0.0.1:${taken}`);
      const clock = await fetch(`http://127.0.0.1:${ra}/__sim/clock`);
      expect(clock.status).toBe(200);
      const me = await fetch(`http://127.0.0.1:${telegram}/bot1:unknown/getMe`);
      expect(await me.json()).toMatchObject({ ok: false, error_code: 401 });
      expect(sims.reclameAqui.journal.since(0)).toEqual([]);
      expect(sims.telegram.sim.journal.since(0).map((e) => `${e.path} ${e.status}`)).toEqual([
        '/bot[redacted]/getMe 401',
      ]);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });
});
