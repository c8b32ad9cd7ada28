import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client';
import { ApiError } from './api-error';

function fakeFetch(status: number, body: unknown, seen: Request[] = []): typeof fetch {
  return (input, init) => {
    seen.push(new Request(`http://x${typeof input === 'string' ? input : ''}`, init));
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
}

describe('createApiClient', () => {
  it('sends JSON with the bearer token and returns the parsed body', async () => {
    const seen: Request[] = [];
    const api = createApiClient({ fetch: fakeFetch(200, { ok: 1 }, seen), getToken: () => 'tok' });
    await expect(api.request('POST', '/flows', { name: 'a' })).resolves.toEqual({ ok: 1 });
    expect(seen[0]?.url).toBe('http://x/api/flows');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer tok');
    expect(await seen[0]?.json()).toEqual({ name: 'a' });
  });

  it('turns error answers into ApiError and reports 401', async () => {
    let unauthorized = 0;
    const api = createApiClient({
      fetch: fakeFetch(401, { error: { code: 'UNAUTHORIZED', message: 'sign in' } }),
      getToken: () => null,
      onUnauthorized: () => unauthorized++,
    });
    const error = await api.request('GET', '/flows').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', message: 'sign in' });
    expect(unauthorized).toBe(1);
  });

  it('names a revision conflict with its details', async () => {
    const api = createApiClient({
      fetch: fakeFetch(409, {
        error: { code: 'REVISION_CONFLICT', message: 'reload', details: { revision: 4 } },
      }),
      getToken: () => 't',
    });
    await expect(api.request('PUT', '/flows/1/draft', {})).rejects.toMatchObject({
      status: 409,
      code: 'REVISION_CONFLICT',
      details: { revision: 4 },
    });
  });
});
