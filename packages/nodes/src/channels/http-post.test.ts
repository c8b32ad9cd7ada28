import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, PostFailure } from './http-post.js';

let server: Server;
let base: string;
const seen: Array<{ path: string; body: string; headers: Record<string, unknown> }> = [];
const sockets = new Set<unknown>();

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ path: request.url ?? '', body, headers: request.headers });
      if (request.url === '/hang') return;
      if (request.url === '/busy') response.writeHead(429, { 'retry-after': '7' }).end('slow down');
      else if (request.url === '/reset') request.socket.destroy();
      else response.writeHead(201).end('{"ok":true}');
    });
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
  postJson(
    new URL(`${base}${path}`),
    '{"a":"ção"}',
    { 'content-type': 'application/json' },
    {
      timeoutMs: options.timeoutMs ?? 2_000,
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );

describe('postJson', () => {
  it('sends the body with its byte length and answers with the status', async () => {
    const answer = await post('/ok');
    expect(answer.status).toBe(201);
    const last = seen.at(-1);
    expect(last?.body).toBe('{"a":"ção"}');
    expect(last?.headers['content-length']).toBe(String(Buffer.byteLength('{"a":"ção"}')));
  });

  it('reuses one keep-alive socket for requests in a row', async () => {
    const before = sockets.size;
    for (let i = 0; i < 5; i++) expect((await post('/ok')).status).toBe(201);
    expect(sockets.size - before).toBeLessThanOrEqual(1);
  });

  it('reads headers of an error answer', async () => {
    const answer = await post('/busy');
    expect(answer.status).toBe(429);
    expect(answer.header('Retry-After')).toBe('7');
  });

  it('ends with a timeout failure when no answer comes in time', async () => {
    const error = await post('/hang', { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostFailure);
    expect((error as PostFailure).reason).toBe('timeout');
  });

  it("ends when the caller's signal aborts, and at once when it already has", async () => {
    const controller = new AbortController();
    const pending = post('/hang', { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(((await pending) as PostFailure).reason).toBe('aborted');
    const early = await post('/ok', { signal: controller.signal }).catch((e: unknown) => e);
    expect((early as PostFailure).reason).toBe('aborted');
  });

  it('reports a dropped connection as a network failure', async () => {
    const error = await post('/reset').catch((e: unknown) => e);
    expect((error as PostFailure).reason).toBe('network');
  });
});
