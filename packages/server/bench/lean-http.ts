import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * The bench's HTTP/1.1 on both ends of the traffic process, as lean as autocannon's or wrk's: raw
 * keep-alive sockets, each request's head written from a template, each message framed by its
 * `content-length` (the server under test and its delivery client always send one). The traffic
 * process shares the server's two cores, so what its own HTTP costs is taken from the server's
 * measured rate; node:http's client and server spent 490–617 µs a message there at one
 * conversation and 148–210 at a hundred, these 233–272 and 80–85 (2026-12-03).
 */

/** One HTTP message read off a socket: its head (status or request line, then headers) and body. */
export interface HttpMessage {
  head: string;
  body: Buffer;
}

const headEnd = Buffer.from('\r\n\r\n');

/** Reads one header's value in a message's head (the first, case-insensitive), or undefined. */
export function headerReader(name: string): (head: string) => string | undefined {
  const pattern = new RegExp(`\\r\\n${name}: *([^\\r]*)`, 'i');
  return (head) => pattern.exec(head)?.[1];
}

const contentLength = headerReader('content-length');
const chunkedHeader = /\r\ntransfer-encoding:/i;

/**
 * Splits a socket's bytes into messages framed by `content-length` (0 when absent). A message
 * sent chunked is refused: neither side of the bench sends one.
 */
export class MessageReader {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): HttpMessage[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const messages: HttpMessage[] = [];
    for (;;) {
      const end = this.buffered.indexOf(headEnd);
      if (end < 0) break;
      const head = this.buffered.toString('latin1', 0, end);
      if (chunkedHeader.test(head))
        throw new Error(
          `lean-http: a chunked message is not framed here: ${head.split('\r\n')[0]}`,
        );
      const length = Number(contentLength(head) ?? 0);
      const bodyStart = end + headEnd.length;
      if (this.buffered.length < bodyStart + length) break;
      messages.push({ head, body: this.buffered.subarray(bodyStart, bodyStart + length) });
      this.buffered = this.buffered.subarray(bodyStart + length);
    }
    return messages;
  }
}

/** A response: its status and body text. */
export interface LeanResponse {
  status: number;
  text: string;
}

interface Waiting {
  resolve: (response: LeanResponse) => void;
  reject: (error: Error) => void;
}

/** One keep-alive connection, one request at a time. */
class Connection {
  private waiting: Waiting | null = null;
  private readonly reader = new MessageReader();
  /** Whether a response has been read on it: a reused socket the server closed may be retried. */
  hasAnswered = false;

  constructor(
    readonly socket: Socket,
    private readonly onFree: (connection: Connection) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      let messages: HttpMessage[];
      try {
        messages = this.reader.push(chunk);
      } catch (error) {
        this.fail(error as Error);
        return;
      }
      for (const message of messages) this.answer(message);
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('lean-http: the server closed the connection')));
  }

  send(bytes: string): Promise<LeanResponse> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(bytes);
    });
  }

  private answer(message: HttpMessage): void {
    const waiting = this.waiting;
    this.waiting = null;
    this.hasAnswered = true;
    if (!waiting) {
      this.fail(new Error('lean-http: a response nobody asked for'));
      return;
    }
    const status = Number(message.head.slice(9, 12));
    const mustClose = /\r\nconnection: *close/i.test(message.head);
    if (mustClose) this.close();
    else this.onFree(this);
    waiting.resolve({ status, text: message.body.toString('utf8') });
  }

  private fail(error: Error): void {
    this.close();
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }

  get isClosed(): boolean {
    return this.socket.destroyed;
  }

  close(): void {
    this.socket.destroy();
  }
}

/**
 * POSTs JSON bodies to one URL over a pool of keep-alive sockets (one per request in flight,
 * opened as needed, reused when free). `headers` are written on every request as they are. A
 * request on a reused socket the server had closed meanwhile is sent again once on a new one.
 */
export function leanPoster(
  url: URL,
  headers: Record<string, string>,
): { post: (body: string) => Promise<LeanResponse>; close: () => void } {
  const port = Number(url.port || 80);
  const host = url.hostname;
  const prefix =
    `POST ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
  const free: Connection[] = [];
  const all = new Set<Connection>();
  const release = (connection: Connection) => {
    if (!connection.isClosed) free.push(connection);
  };
  const open = () => {
    const connection = new Connection(connect(port, host), release);
    all.add(connection);
    connection.socket.once('close', () => all.delete(connection));
    return connection;
  };
  const take = () => {
    for (let connection = free.pop(); connection; connection = free.pop())
      if (!connection.isClosed) return connection;
    return open();
  };
  const post = async (body: string): Promise<LeanResponse> => {
    const wire = `${prefix}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const connection = take();
    try {
      return await connection.send(wire);
    } catch (error) {
      if (!connection.hasAnswered) throw error;
      return open().send(wire);
    }
  };
  return {
    post,
    close: () => {
      for (const connection of all) connection.close();
    },
  };
}

/**
 * The bench's sink: answers every POST `200` with no body over keep-alive, and counts the distinct
 * deliveries by `Idempotency-Key` (a delivery sent twice counts once, as a careful vendor keeps it).
 */
export async function startLeanSink(): Promise<{
  url: string;
  deliveredCount: () => number;
  close: () => Promise<void>;
}> {
  const keys = new Set<string>();
  let unkeyed = 0;
  const sockets = new Set<Socket>();
  const idempotencyKeyOf = headerReader('idempotency-key');
  const answer = 'HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: keep-alive\r\n\r\n';
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const reader = new MessageReader();
    socket.on('data', (chunk: Buffer) => {
      let messages: HttpMessage[];
      try {
        messages = reader.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const message of messages) {
        const key = idempotencyKeyOf(message.head);
        if (key === undefined) unkeyed++;
        else keys.add(key);
      }
      if (messages.length > 0) socket.write(answer.repeat(messages.length));
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/outbound`,
    deliveredCount: () => keys.size + unkeyed,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
