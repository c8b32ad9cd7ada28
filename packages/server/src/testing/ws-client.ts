import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';

/** A test websocket through `app.injectWS`, recording every JSON frame and the close. */
export interface TestSocket {
  ws: WebSocket;
  frames: Array<Record<string, unknown>>;
  closed: { code: number; reason: string } | null;
  send(frame: unknown): void;
  /** Waits for a frame matching `match` (after `from`, an index into `frames`) and returns it. */
  waitFor(
    match: (frame: Record<string, unknown>) => boolean,
    options?: { from?: number; timeoutMs?: number },
  ): Promise<Record<string, unknown>>;
  waitForClose(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  close(): void;
}

async function poll<T>(read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens a websocket on the app; listeners are attached before the upgrade so nothing is missed. */
export async function openTestSocket(app: FastifyInstance, url: string): Promise<TestSocket> {
  await app.ready(); // injectWS routes through the app, which must be ready
  const frames: Array<Record<string, unknown>> = [];
  const socket = { closed: null } as { closed: TestSocket['closed'] };
  const ws = await app.injectWS(
    url,
    {},
    {
      onInit(client) {
        client.on('message', (data: Buffer) =>
          frames.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>),
        );
        client.on('close', (code: number, reason: Buffer) => {
          socket.closed = { code, reason: reason.toString('utf8') };
        });
      },
    },
  );
  return {
    ws,
    frames,
    get closed() {
      return socket.closed;
    },
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    waitFor: (match, options = {}) =>
      poll(
        () => frames.slice(options.from ?? 0).find(match),
        options.timeoutMs ?? 5_000,
        `a frame; got ${JSON.stringify(frames)}`,
      ),
    waitForClose: (timeoutMs = 5_000) => poll(() => socket.closed ?? undefined, timeoutMs, 'close'),
    close: () => ws.terminate(),
  };
}
