import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loggerOptions } from '../logging.js';
import type { TestApp } from './test-app.js';

/**
 * A second app over a test app's core that logs as the server does (`loggerOptions`) into
 * memory: `logged()` is everything written so far, one JSON line per entry.
 */
export async function startLoggingApp(
  t: TestApp,
  level = 'info',
): Promise<{ app: FastifyInstance; logged: () => string }> {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const app = await buildApp({
    core: t.core,
    users: t.users,
    logger: loggerOptions(level, { stream }),
  });
  return { app, logged: () => text };
}
