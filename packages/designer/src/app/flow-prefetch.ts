import { createApiClient } from '../api/api-client';
import { flowsApi, type FlowView } from '../api/flows-api';
import { matchRoute, redirectFor } from './routes';
import { parseSession, sessionStorageKey } from './session';

let started: { id: string; view: Promise<FlowView> } | null = null;

/**
 * Requests the flow of a `/flows/:id` page while the app's code is still being evaluated (the
 * entry calls it first): the designer of a big flow opens sooner. Only for a session that may
 * open the page; anything else waits for the page as before.
 */
export function prefetchStartFlow(location: Pick<Location, 'pathname'>, storage: Storage): void {
  const route = matchRoute(location.pathname);
  const session = parseSession(storage.getItem(sessionStorageKey));
  if (route.name !== 'flow' || !session || redirectFor(route, session.user.role)) return;
  const api = createApiClient({
    fetch: (...args) => fetch(...args),
    getToken: () => session.token,
  });
  const view = flowsApi.get(api, route.id);
  void view.catch(() => undefined); // the page asks again, and handles the error
  started = { id: route.id, view };
}

/** The flow requested at start for `id`, handed out once (a later open loads it afresh). */
export function takeStartFlow(id: string): Promise<FlowView> | null {
  if (started?.id !== id) return null;
  const { view } = started;
  started = null;
  return view;
}
