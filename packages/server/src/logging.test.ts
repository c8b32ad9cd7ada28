import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggingApp } from './testing/logging-app.js';
import { startTestApp, type TestApp } from './testing/test-app.js';
import { testBackends } from './testing/test-databases.js';

describe.each(testBackends())('request logs on $name', (backend) => {
  let t: TestApp;
  let app: FastifyInstance;
  let logged: () => string;
  const lines = () =>
    logged()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    t = await startTestApp(backend);
    ({ app, logged } = await startLoggingApp(t));
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('writes one line per request when it is answered: its id, method, path, status and time', async () => {
    const ok = await app.inject({
      method: 'GET',
      url: '/api/flows?token=query-SECRET',
      headers: { ...t.as('admin'), 'x-request-id': 'req-1' },
    });
    expect(ok.statusCode).toBe(200);
    const refused = await app.inject({ method: 'GET', url: '/api/flows' });
    expect(refused.statusCode).toBe(401);
    const requests = lines()
      .filter((line) => line['msg'] === 'request completed')
      .map((line) => ({
        level: line['level'],
        req: line['req'],
        res: line['res'],
        isTimed: typeof line['responseTime'] === 'number',
        isIdentified: line['reqId'] === (line['req'] as { id?: unknown } | undefined)?.id,
      }));
    expect(requests).toEqual([
      {
        level: 30,
        req: { method: 'GET', url: '/api/flows', id: 'req-1' },
        res: { statusCode: 200 },
        isTimed: true,
        isIdentified: true,
      },
      {
        level: 30,
        req: { method: 'GET', url: '/api/flows', id: (requests[1]?.req as { id: string }).id },
        res: { statusCode: 401 },
        isTimed: true,
        isIdentified: true,
      },
    ]);
    // Nothing else per request (Fastify's "incoming request" line is not written).
    expect(lines().filter((line) => line['reqId'] === 'req-1')).toHaveLength(1);
    expect(logged()).not.toContain('SECRET');
    expect(logged()).not.toContain(t.adminToken);
  });
});
