import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

interface Operation {
  summary?: string;
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

describe.each(testBackends())('the OpenAPI document at /docs on $name', (backend) => {
  let t: TestApp;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const answer = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(answer.statusCode).toBe(200);
    doc = answer.json<OpenApiDocument>();
  });

  afterAll(() => t.close());

  it('lists the API: flows, conversations, connections, webhooks, health, metrics', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('attendflow');
    for (const [path, method] of [
      ['/api/flows', 'post'],
      ['/api/flows/{id}/publish', 'post'],
      ['/api/flows/{id}/versions', 'get'],
      ['/api/conversations', 'get'],
      ['/api/conversations/{id}/reply', 'post'],
      ['/api/connections', 'post'],
      ['/api/channels/{id}/inbound', 'post'],
      ['/api/auth/login', 'post'],
      ['/health', 'get'],
      ['/metrics', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });

  it('resolves every $ref to one of its components (a recursive schema is one: Json)', () => {
    const refs = new Set<string>();
    JSON.stringify(doc, (key, value: unknown) => {
      if (key === '$ref' && typeof value === 'string') refs.add(value);
      return value;
    });
    expect(refs).toContain('#/components/schemas/Json');
    const missing = [...refs].filter(
      (ref) => doc.components?.schemas?.[ref.replace('#/components/schemas/', '')] === undefined,
    );
    expect(missing).toEqual([]);
  });

  it('documents the answer of every API call: a JSON schema, or 204 with no content', () => {
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses ?? {}).filter(([code]) =>
          code.startsWith('2'),
        );
        const documented =
          success.length > 0 &&
          success.every(([code, response]) =>
            code === '204'
              ? response.content === undefined
              : response.content?.['application/json']?.schema !== undefined,
          );
        if (!documented) undocumented.push(`${method.toUpperCase()} ${path}`);
        if (!operation.summary) undocumented.push(`${method.toUpperCase()} ${path} (no summary)`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('answers as documented: the caller, and their tokens without their text', async () => {
    const me = await t.call('GET', '/auth/me', undefined, 'agent');
    const caller = me.json<Record<string, string>>();
    expect(Object.keys(caller).sort()).toEqual(['email', 'id', 'name', 'role']);
    expect(caller).toMatchObject({ email: 'agent@test.local', name: 'Bia', role: 'agent' });
    const created = await t.call('POST', '/tokens', { name: 'ci' }, 'agent');
    const { token } = created.json<{ token: string }>();
    const answer = await t.call('GET', '/tokens', undefined, 'agent');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).not.toContain(token);
    const tokens = answer.json<Array<Record<string, string | null>>>();
    expect(tokens.map(({ name, kind, revokedAt }) => ({ name, kind, revokedAt }))).toEqual([
      { name: 'test', kind: 'api', revokedAt: null },
      { name: 'ci', kind: 'api', revokedAt: null },
    ]);
    for (const entry of tokens) {
      expect(Object.keys(entry).sort()).toEqual(['createdAt', 'id', 'kind', 'name', 'revokedAt']);
      expect(new Date(entry['createdAt'] ?? '').toISOString()).toBe(entry['createdAt']);
    }
    const revoked = await t.call('DELETE', `/tokens/${tokens[1]?.['id']}`, undefined, 'agent');
    expect([revoked.statusCode, revoked.body]).toEqual([204, '']);
  });
});
