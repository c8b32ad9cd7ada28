import type { Role } from '../api/auth-api';

/** The pages of the app. */
export type Route =
  | { name: 'login' }
  | { name: 'flows' }
  | { name: 'flow'; id: string }
  | { name: 'console' }
  | { name: 'connections' }
  | { name: 'dashboard' }
  | { name: 'predefined' }
  | { name: 'notFound' };

/** The route of a URL path. */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/login') return { name: 'login' };
  if (path === '/' || path === '/flows') return { name: 'flows' };
  if (path === '/console') return { name: 'console' };
  if (path === '/connections') return { name: 'connections' };
  if (path === '/dashboard') return { name: 'dashboard' };
  if (path === '/predefined-messages') return { name: 'predefined' };
  const flow = /^\/flows\/([A-Za-z0-9-]+)$/.exec(path);
  if (flow?.[1]) return { name: 'flow', id: flow[1] };
  return { name: 'notFound' };
}

/** The URL path of a route. */
export function pathOf(route: Route): string {
  switch (route.name) {
    case 'login':
      return '/login';
    case 'flows':
      return '/flows';
    case 'flow':
      return `/flows/${route.id}`;
    case 'console':
      return '/console';
    case 'connections':
      return '/connections';
    case 'dashboard':
      return '/dashboard';
    case 'predefined':
      return '/predefined-messages';
    case 'notFound':
      return '/';
  }
}

/** Which roles may open each page; the login page is for the signed-out. */
const allowed: Record<Route['name'], readonly Role[]> = {
  login: [],
  flows: ['admin'],
  flow: ['admin'],
  console: ['admin', 'agent'],
  connections: ['admin'],
  dashboard: ['admin'],
  predefined: ['admin'],
  notFound: ['admin', 'agent'],
};

/** Where to send a visitor instead of `route`, or null when they may stay. */
export function redirectFor(route: Route, role: Role | null): Route | null {
  if (role === null) return route.name === 'login' ? null : { name: 'login' };
  if (route.name === 'login') return homeOf(role);
  return allowed[route.name].includes(role) ? null : homeOf(role);
}

/** The first page of a role: admins design, agents attend. */
export function homeOf(role: Role): Route {
  return role === 'admin' ? { name: 'flows' } : { name: 'console' };
}
