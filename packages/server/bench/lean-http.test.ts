import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { headerReader, leanPoster, MessageReader, startLeanSink } from './lean-http.js';

const closing: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/** A node:http server that answers each POST with its body reversed (framed by content-length, as
 * Fastify's answers are), counting its sockets. */
async function echoServer() {
  const sockets: Socket[] = [];
  const server: Server = createServer((incoming, response) => {
    let text = '';
    incoming.setEncoding('utf8');
    incoming.on('data', (chunk: string) => (text += chunk));
    incoming.on('end', () => {
      const status = text === 'fail' ? 422 : 200;
      const answer = [...text].reverse().join('');
      response
        .writeHead(status, {
          'content-type': 'text/plain; charset=utf-8',
          'content-length': Buffer.byteLength(answer),
        })
        .end(answer);
    });
  });
  server.on('connection', (socket: Socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closing.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/echo?x=1`),
    sockets,
    closeIdle: () => server.closeIdleConnections(),
  };
}

describe('MessageReader', () => {
  it('frames messages by content-length, across chunks and several to a chunk', () => {
    const reader = new MessageReader();
    const body = 'olá, 世界';
    const one = `POST / HTTP/1.1\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const two = 'GET / HTTP/1.1\r\nhost: x\r\n\r\n';
    const bytes = Buffer.from(one + two + one);
    const read = [
      ...reader.push(bytes.subarray(0, 10)),
      ...reader.push(bytes.subarray(10, one.length + 3)),
      ...reader.push(bytes.subarray(one.length + 3)),
    ];
    expect(read.map((message) => [message.head.split('\r\n')[0], message.body.toString()])).toEqual(
      [
        ['POST / HTTP/1.1', body],
        ['GET / HTTP/1.1', ''],
        ['POST / HTTP/1.1', body],
      ],
    );
    expect(reader.push(Buffer.alloc(0))).toEqual([]);
  });

  it('refuses a chunked message, naming it', () => {
    const reader = new MessageReader();
    expect(() =>
      reader.push(
        Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n'),
      ),
    ).toThrow('lean-http: a chunked message is not framed here: HTTP/1.1 200 OK');
  });

  it('reads a header case-insensitively', () => {
    const head = 'POST / HTTP/1.1\r\nIdempotency-Key: c1:m1\r\nX: y';
    expect(headerReader('idempotency-key')(head)).toBe('c1:m1');
    expect(headerReader('authorization')(head)).toBeUndefined();
  });
});

describe('leanPoster', () => {
  it('posts over one kept socket in turn, one per request in flight', async () => {
    const server = await echoServer();
    const poster = leanPoster(server.url, { 'content-type': 'text/plain' });
    closing.push(poster.close);
    expect(await poster.post('abc')).toEqual({ status: 200, text: 'cba' });
    expect(await poster.post('ção')).toEqual({ status: 200, text: 'oãç' });
    expect(await poster.post('fail')).toEqual({ status: 422, text: 'liaf' });
    expect(server.sockets).toHaveLength(1);
    const answers = await Promise.all(['1', '22', '333'].map((body) => poster.post(body)));
    expect(answers.map((answer) => answer.text)).toEqual(['1', '22', '333']);
    expect(server.sockets).toHaveLength(3);
  });

  it('sends again on a new socket when the server closed the kept one', async () => {
    const server = await echoServer();
    const poster = leanPoster(server.url, {});
    closing.push(poster.close);
    expect((await poster.post('first')).text).toBe('tsrif');
    server.closeIdle();
    // The socket is reused before its close arrives, or found closed: sent again either way.
    expect((await poster.post('second')).text).toBe('dnoces');
    expect(server.sockets).toHaveLength(2);
  });

  it('fails a request on a new socket the server drops unanswered', async () => {
    let connections = 0;
    const server = createServer((incoming) => incoming.socket.destroy());
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as AddressInfo;
    const poster = leanPoster(new URL(`http://127.0.0.1:${port}/`), {});
    await expect(poster.post('x')).rejects.toThrow(/closed the connection|ECONNRESET/);
    // Not sent again: only a reused socket may have been closed before the request reached it.
    expect(connections).toBe(1);
  });
});

describe('startLeanSink', () => {
  it('answers 200 over keep-alive and counts distinct idempotency keys', async () => {
    const sink = await startLeanSink();
    closing.push(sink.close);
    const agent = new Agent({ keepAlive: true });
    closing.push(() => agent.destroy());
    const post = (key: string, body: string) =>
      new Promise<number>((resolve, reject) => {
        const outgoing = request(
          sink.url,
          {
            method: 'POST',
            agent,
            headers: { 'idempotency-key': key, 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    const statuses = [];
    for (const key of ['c1:a', 'c1:b', 'c1:a', 'c2:a'])
      statuses.push(await post(key, `{"k":"${key}"}`));
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(sink.deliveredCount()).toBe(3);
    expect(new URL(sink.url).pathname).toBe('/outbound');
  });
});
