import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchStartFlow, takeStartFlow } from './flow-prefetch';
import { sessionStorageKey } from './session';

function storageWith(role: string): Storage {
  const session = { token: 'tok', user: { id: 'u', email: 'a@b.c', name: 'A', role } };
  const items = new Map([[sessionStorageKey, JSON.stringify(session)]]);
  return { getItem: (key: string) => items.get(key) ?? null } as Storage;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('flow prefetch', () => {
  it('requests the flow of a /flows/:id page at start, handed out once to that flow', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ id: 'f1' }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetch);
    prefetchStartFlow({ pathname: '/flows/f1' }, storageWith('admin'));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/flows/f1');
    expect(init.headers).toMatchObject({ authorization: 'Bearer tok' });
    expect(takeStartFlow('f2')).toBeNull();
    await expect(takeStartFlow('f1')).resolves.toEqual({ id: 'f1' });
    expect(takeStartFlow('f1')).toBeNull();
  });

  it('requests nothing for another page, when signed out, or for a role that may not open it', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    prefetchStartFlow({ pathname: '/flows' }, storageWith('admin'));
    prefetchStartFlow({ pathname: '/flows/f1' }, storageWith('agent'));
    prefetchStartFlow({ pathname: '/flows/f1' }, { getItem: () => null } as unknown as Storage);
    expect(fetch).not.toHaveBeenCalled();
    expect(takeStartFlow('f1')).toBeNull();
  });
});
