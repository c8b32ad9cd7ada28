import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerCutError, fetchWithin, isCutShort } from './fetch-within.js';

describe('fetchWithin', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/ok') response.end('hello');
      if (request.url === '/cut') {
        response.writeHead(200, { 'content-length': '100' });
        response.write('part');
        setTimeout(() => response.destroy(), 20);
      }
      // /silent: never answered.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const failure = (call: Promise<unknown>) =>
    call.then(
      () => 'answered',
      (error: Error) => `${error.name}: ${error.message}`,
    );

  it('answers the response with its body', async () => {
    const { response, body } = await fetchWithin(`${base}/ok`, {}, { timeoutMs: 2_000 });
    expect([response.status, body]).toEqual([200, 'hello']);
  });

  it('ends a call nobody answers with a TimeoutError', async () => {
    expect(await failure(fetchWithin(`${base}/silent`, {}, { timeoutMs: 100 }))).toBe(
      'TimeoutError: timed out after 100 ms',
    );
  });

  it("ends it with the caller's signal", async () => {
    const controller = new AbortController();
    const call = failure(
      fetchWithin(`${base}/silent`, {}, { timeoutMs: 5_000, signal: controller.signal }),
    );
    setTimeout(() => controller.abort(new DOMException('shutting down', 'AbortError')), 50);
    expect(await call).toBe('AbortError: shutting down');
  });

  it('ends it even when the fetch no longer follows its signal (nor does its body)', async () => {
    const deaf = () => new Promise<Response>(() => undefined);
    expect(await failure(fetchWithin('http://x', {}, { timeoutMs: 50, fetch: deaf }))).toBe(
      'TimeoutError: timed out after 50 ms',
    );
    const endless = () =>
      Promise.resolve(
        new Response(new ReadableStream({ pull: () => new Promise(() => undefined) })),
      );
    expect(await failure(fetchWithin('http://x', {}, { timeoutMs: 50, fetch: endless }))).toBe(
      'TimeoutError: timed out after 50 ms',
    );
  });

  it('says an answer whose body was cut on its way was cut, with no network code', async () => {
    const outcome = await failure(fetchWithin(`${base}/cut`, {}, { timeoutMs: 2_000 }));
    expect(outcome).toMatch(/^AnswerCutError: the answer was cut: /);
  });

  it('tells a call its deadline or its caller ended from one that failed otherwise', () => {
    expect(isCutShort(new DOMException('timed out', 'TimeoutError'))).toBe(true);
    expect(isCutShort(new DOMException('aborted', 'AbortError'))).toBe(true);
    expect(isCutShort(new AnswerCutError('reset'))).toBe(false);
    expect(isCutShort(new TypeError('fetch failed'))).toBe(false);
  });
});
