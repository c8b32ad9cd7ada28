import type { Writable } from 'node:stream';
import {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';

/** Where the logs go: standard output (the default), a file, or a stream (tests). */
export type LogDestination = { file: string } | { stream: Writable };

/**
 * The server's pino options, as `main.ts` runs it (and the bench and the log tests with it):
 * authorization headers, cookies, passwords, secrets and tokens redacted, and requests logged by
 * path only (query strings may carry tokens: the live websocket's `?token=`).
 */
export function loggerOptions(
  level: string,
  destination?: LogDestination,
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      '*.password',
      '*.secrets',
      '*.token',
    ],
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        method: request.method,
        url: request.url.split('?')[0],
        id: request.id,
      }),
    },
    ...destination,
  };
}

/**
 * One line per request, when it is answered (with its method and path, status and time), instead
 * of Fastify's two (one on arrival, one on answer); Fastify's other lines (errors, 404s) as they are.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
