import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimClock } from './clock.js';
import { createRateLimiter } from './rate-limiter.js';
import { route, startSimServer, type SimServer } from './sim-server.js';

/** A counter service: enough vendor to exercise every part of the kit. */
async function startCounter() {
  let count = 0;
  const sim = await startSimServer({
    routes: [
      route('GET', '/api/count', () => ({ status: 200, body: { count } })),
      route('POST', '/api/count/:by', (r) => {
        count += Number(r.params['by']);
        return { status: 200, body: { count } };
      }),
      route('POST', '/api/upload', (r) => ({
        status: 200,
        body: { kind: r.body.kind, fields: r.body.value, files: r.body.files.map((f) => f.size) },
      })),
    ],
    redactHeaders: ['x-token'],
    signPush: (body, secret) => ({
      'x-signature': createHmac('sha256', secret).update(body).digest('hex'),
    }),
    reset: () => (count = 0),
    dumpState: () => ({ count }),
    loadState: (state) => (count = (state as { count: number }).count),
  });
  return { sim, count: () => count };
}

const control = (sim: SimServer, path: string, body?: unknown, method = 'POST') =>
  fetch(`${sim.url}/__sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => r.json() as Promise<unknown>);

let closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closing.map((close) => close()));
  closing = [];
});

describe('simulator kit', () => {
  it('serves routes, journals them with credentials redacted, and resets', async () => {
    const { sim, count } = await startCounter();
    closing.push(() => sim.close());
    const response = await fetch(`${sim.url}/api/count/3?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret', 'x-token': 'secret-2' },
    });
    expect(await response.json()).toEqual({ count: 3 });
    expect(await fetch(`${sim.url}/api/nothing`).then((r) => r.status)).toBe(404);
    const journal = (await control(sim, '/journal', undefined, 'GET')) as Array<{
      [k: string]: unknown;
      headers: Record<string, string>;
    }>;
    expect(journal.map((e) => [e['path'], e['route'], e['status']])).toEqual([
      ['/api/count/3', '/api/count/:by', 200],
      ['/api/nothing', null, 404],
    ]);
    expect(journal[0]?.headers['authorization']).toBe('[redacted]');
    expect(journal[0]?.headers['x-token']).toBe('[redacted]');
    expect(journal[0]?.['query']).toEqual({ x: '1' });
    await control(sim, '/reset', {});
    expect(count()).toBe(0);
    expect(await control(sim, '/journal', undefined, 'GET')).toEqual([]);
  });

  it('applies fault rules in order: nth, times, status with and without the effect', async () => {
    const { sim, count } = await startCounter();
    closing.push(() => sim.close());
    await control(sim, '/faults', {
      match: { method: 'POST', path: '/api/count/:by', nth: [2] },
      action: { type: 'status', status: 503, headers: { 'Retry-After': '2' }, body: { e: 1 } },
    });
    await control(sim, '/faults', {
      match: { path: '/api/count/:by', times: 1, bodyIncludes: 'applied' },
      action: { type: 'status', status: 500, applyEffect: true },
    });
    const post = (by: number, body = '') =>
      fetch(`${sim.url}/api/count/${by}`, { method: 'POST', body });
    expect((await post(1)).status).toBe(200);
    const second = await post(1);
    expect([second.status, second.headers.get('retry-after')]).toEqual([503, '2']);
    expect(count()).toBe(1);
    expect((await post(5, 'applied')).status).toBe(500);
    expect(count()).toBe(6);
    expect((await post(5, 'applied')).status).toBe(200);
    expect(count()).toBe(11);
    const journal = sim.journal.since();
    expect(journal.map((e) => e.fault)).toEqual([null, 'f1', 'f2', null]);
  });

  it('times out, resets, and answers malformed or empty bodies', async () => {
    const { sim, count } = await startCounter();
    closing.push(() => sim.close());
    sim.faults.add({
      match: { nth: [1] },
      action: { type: 'timeout', applyEffect: true },
    });
    await expect(
      fetch(`${sim.url}/api/count/2`, { method: 'POST', signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(count()).toBe(2);
    sim.faults.remove();
    sim.faults.add({ match: { nth: [1] }, action: { type: 'reset' } });
    await expect(fetch(`${sim.url}/api/count`)).rejects.toThrow();
    sim.faults.remove();
    sim.faults.add({ match: { nth: [1] }, action: { type: 'malformed' } });
    await expect(fetch(`${sim.url}/api/count`).then((r) => r.json())).rejects.toThrow();
    sim.faults.remove();
    sim.faults.add({ match: {}, action: { type: 'empty' } });
    expect(await fetch(`${sim.url}/api/count`).then((r) => r.text())).toBe('');
  });

  it('parses multipart and form bodies', async () => {
    const { sim } = await startCounter();
    closing.push(() => sim.close());
    const form = new FormData();
    form.append('id', '42');
    form.append('file', new Blob([new Uint8Array(5)]), 'print.png');
    const multipart = await fetch(`${sim.url}/api/upload`, { method: 'POST', body: form });
    expect(await multipart.json()).toEqual({
      kind: 'multipart',
      fields: { id: '42' },
      files: [5],
    });
    const urlencoded = await fetch(`${sim.url}/api/upload`, {
      method: 'POST',
      body: new URLSearchParams({ a: '1', b: 'x y' }),
    });
    expect(await urlencoded.json()).toEqual({
      kind: 'form',
      fields: { a: '1', b: 'x y' },
      files: [],
    });
  });

  it('pushes signed callbacks with duplicates, reordering and retries', async () => {
    const { sim } = await startCounter();
    closing.push(() => sim.close());
    const received: Array<{ body: unknown; signature: string | undefined }> = [];
    let failFirst = 1;
    const receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        if (failFirst-- > 0) return res.writeHead(500).end();
        const expected = createHmac('sha256', 'sekret').update(raw).digest('hex');
        const signature = req.headers['x-signature'] as string | undefined;
        received.push({
          body: JSON.parse(raw) as unknown,
          signature: signature === expected ? 'ok' : signature,
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => receiver.close(() => resolve())));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await control(sim, '/outbound/config', {
      url,
      secret: 'sekret',
      duplicate: 2,
      reorder: 'reverseBatch',
      manual: true,
      retry: { maxAttempts: 3, backoffMs: [10] },
    });
    sim.pushes.push({ n: 1 });
    sim.pushes.push({ n: 2 });
    expect(await control(sim, '/outbound/flush')).toEqual({ flushed: 2 });
    await sim.pushes.idle();
    expect(received).toEqual([
      { body: { n: 2 }, signature: 'ok' },
      { body: { n: 2 }, signature: 'ok' },
      { body: { n: 1 }, signature: 'ok' },
      { body: { n: 1 }, signature: 'ok' },
    ]);
    const attempts = sim.pushes.deliveries();
    expect(attempts.map((a) => [a.pushId, a.copy, a.attempt, a.status, a.reordered])).toEqual([
      ['p2', 1, 1, 500, true],
      ['p2', 1, 2, 204, true],
      ['p2', 2, 1, 204, true],
      ['p1', 1, 1, 204, true],
      ['p1', 2, 1, 204, true],
    ]);
  });

  it('masks credentials in the journaled path and pushes to a per-push target', async () => {
    const received: Array<[string | undefined, string | undefined]> = [];
    const receiver = createServer((req, res) => {
      received.push([req.url, req.headers['x-signature'] as string | undefined]);
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => receiver.close(() => resolve())));
    const sim = await startSimServer({
      routes: [route('GET', '/bot:token/getMe', () => ({ status: 200, body: { ok: true } }))],
      redactPath: (path) => path.replace(/^\/bot[^/]+/, '/bot[redacted]'),
      signPush: (_body, secret) => ({ 'x-signature': secret }),
      reset: () => undefined,
      dumpState: () => null,
      loadState: () => undefined,
    });
    closing.push(() => sim.close());
    expect((await fetch(`${sim.url}/bot123:SECRET/getMe`)).status).toBe(200);
    expect(sim.journal.since().map((e) => [e.path, e.route])).toEqual([
      ['/bot[redacted]/getMe', '/bot:token/getMe'],
    ]);
    const port = (receiver.address() as AddressInfo).port;
    sim.pushes.push({ n: 1 }, { url: `http://127.0.0.1:${port}/a`, secret: 's-a' });
    sim.pushes.push({ n: 2 }, { url: `http://127.0.0.1:${port}/b` });
    await sim.pushes.idle();
    expect(received).toEqual([
      ['/a', 's-a'],
      ['/b', undefined],
    ]);
  });

  it('keeps simulated time and limits requests per window on it', async () => {
    const clock = createSimClock(Date.parse('2024-05-02T12:00:00Z'));
    const limiter = createRateLimiter({ clock, limit: () => 2, windowMs: 60_000 });
    expect([limiter.take('a').ok, limiter.take('a').ok, limiter.take('b').ok]).toEqual([
      true,
      true,
      true,
    ]);
    const refused = limiter.take('a');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(59_000);
    clock.advance(60_000);
    expect(limiter.take('a').ok).toBe(true);
    const { sim } = await startCounter();
    closing.push(() => sim.close());
    expect(await control(sim, '/clock', { set: '2024-05-02T14:00:00.000Z' })).toEqual({
      now: expect.stringMatching(/^2024-05-02T14:00:00/) as unknown,
    });
  });
});

describe('simulator kit start-up', () => {
  it('refuses a port that is taken instead of crashing the process', async () => {
    const first = await startCounter();
    closing.push(() => first.sim.close());
    const port = Number(new URL(first.sim.url).port);
    await expect(
      startSimServer(
        { routes: [], reset: () => undefined, dumpState: () => ({}), loadState: () => undefined },
        { port },
      ),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('simulator ids', () => {
  it('count on past a raised floor, through the control plane too, until reset', async () => {
    const raised: number[] = [];
    const sim = await startSimServer({
      routes: [],
      reset: () => undefined,
      dumpState: () => ({}),
      loadState: () => undefined,
      raiseIds: (floor) => raised.push(floor),
    });
    closing.push(() => sim.close());
    expect([sim.ids.next('t-', 3), sim.ids.next('t-', 3)]).toEqual(['t-001', 't-002']);
    sim.raiseIds(500);
    expect([sim.ids.next('t-', 3), sim.ids.next('u-', 3)]).toEqual(['t-501', 'u-501']);
    expect(await control(sim, '/ids', { floor: 900 })).toEqual({ floor: 900 });
    expect(sim.ids.next('t-', 3)).toBe('t-901');
    expect(raised).toEqual([500, 900]);
    await control(sim, '/reset', {});
    expect(sim.ids.next('t-', 3)).toBe('t-001');
  });
});
