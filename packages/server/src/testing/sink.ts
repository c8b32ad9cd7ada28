import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the sink received. */
export interface SinkRequest {
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** How the sink answers the next requests: a status (and headers), or a hang (timeout). */
export type SinkReply = { status: number; headers?: Record<string, string> } | 'hang';

/**
 * A local HTTP endpoint standing in for a system behind the API channel: records requests, drops
 * duplicates by Idempotency-Key the way a careful vendor does, and answers as scripted.
 */
export async function startSink(): Promise<{
  url: string;
  received: SinkRequest[];
  /** Distinct deliveries (by idempotency key). */
  delivered: () => SinkRequest[];
  /** How many distinct deliveries: cheap enough to poll every few milliseconds. */
  deliveredCount: () => number;
  script: SinkReply[];
  close: () => Promise<void>;
}> {
  const received: SinkRequest[] = [];
  const distinct = new Map<string | undefined, SinkRequest>();
  const script: SinkReply[] = [];
  const server: Server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const reply = script.shift() ?? { status: 200 };
      if (reply === 'hang') return;
      if (reply.status < 300) {
        const entry: SinkRequest = {
          idempotencyKey: request.headers['idempotency-key'] as string | undefined,
          authorization: request.headers.authorization,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        };
        received.push(entry);
        distinct.set(entry.idempotencyKey, entry);
      }
      response.writeHead(reply.status, reply.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/outbound`,
    received,
    delivered: () => [...distinct.values()],
    deliveredCount: () => distinct.size,
    script,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}
