import { useCallback, useSyncExternalStore } from 'react';
import { matchRoute, pathOf, type Route } from './routes';

const subscribe = (listener: () => void) => {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
};
const getPath = () => window.location.pathname;

/** Goes to a route (a history entry; `replace` for redirects). */
export function navigate(route: Route, replace = false): void {
  const path = pathOf(route);
  if (path === window.location.pathname) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The current route, re-rendering on navigation. */
export function useRoute(): { route: Route; navigate: (route: Route) => void } {
  const path = useSyncExternalStore(subscribe, getPath);
  const go = useCallback((route: Route) => navigate(route), []);
  return { route: matchRoute(path), navigate: go };
}
