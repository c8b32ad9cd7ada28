import { describe, expect, it } from 'vitest';
import { matchRoute, pathOf, redirectFor } from './routes';

describe('routes', () => {
  it('matches paths and builds them back', () => {
    expect(matchRoute('/flows/abc-1')).toEqual({ name: 'flow', id: 'abc-1' });
    expect(matchRoute('/')).toEqual({ name: 'flows' });
    expect(matchRoute('/console/')).toEqual({ name: 'console' });
    expect(matchRoute('/nope')).toEqual({ name: 'notFound' });
    expect(pathOf({ name: 'flow', id: 'x' })).toBe('/flows/x');
  });

  it('keeps agents out of the designer and the signed-out on the login page', () => {
    expect(redirectFor({ name: 'flow', id: 'x' }, 'agent')).toEqual({ name: 'console' });
    expect(redirectFor({ name: 'flows' }, 'agent')).toEqual({ name: 'console' });
    expect(redirectFor({ name: 'flows' }, 'admin')).toBeNull();
    expect(redirectFor({ name: 'console' }, 'agent')).toBeNull();
    expect(redirectFor({ name: 'flows' }, null)).toEqual({ name: 'login' });
    expect(redirectFor({ name: 'login' }, 'admin')).toEqual({ name: 'flows' });
  });
});

describe('admin pages', () => {
  it('opens connections and the dashboard for admins only', () => {
    expect(matchRoute('/connections')).toEqual({ name: 'connections' });
    expect(pathOf({ name: 'dashboard' })).toBe('/dashboard');
    expect(redirectFor({ name: 'connections' }, 'agent')).toEqual({ name: 'console' });
    expect(redirectFor({ name: 'dashboard' }, 'agent')).toEqual({ name: 'console' });
    expect(redirectFor({ name: 'dashboard' }, 'admin')).toBeNull();
  });

  it('opens the predefined messages for admins only', () => {
    expect(matchRoute('/predefined-messages/')).toEqual({ name: 'predefined' });
    expect(pathOf({ name: 'predefined' })).toBe('/predefined-messages');
    expect(redirectFor({ name: 'predefined' }, 'agent')).toEqual({ name: 'console' });
    expect(redirectFor({ name: 'predefined' }, 'admin')).toBeNull();
  });
});
