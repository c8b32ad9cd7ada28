import { createHmac, randomBytes } from 'node:crypto';
import { createSimClock, type SimClock } from '../../../simulator-kit/clock.js';
import { startSimServer, type SimServer } from '../../../simulator-kit/sim-server.js';
import { actorRoutes } from './actor-routes.js';
import { RaStore } from './ra-store.js';
import type { RaSimConfig } from './sim-config.js';
import { vendorRoutes, hugmeErrorReply } from './vendor-routes.js';

/** A running HugMe simulator: the kit's server plus its store, for in-process tests. */
export interface ReclameAquiSimulator extends SimServer {
  /** The API base to put in a connection's settings (`<url>/api`). */
  baseUrl: string;
  store: RaStore;
}

/**
 * Starts the Reclame Aqui (HugMe API) simulator on a loopback port: OAuth client credentials,
 * tickets with the filter grammar, the company's writes, the consumer's actors under
 * `/__sim/ra/`, callbacks on every change, and the kit's faults and journal (channel-apis.md §8.2).
 *
 * @example
 * const sim = await startReclameAquiSimulator({ config: { rateLimitPerMin: 0 } });
 * // settings: { baseUrl: sim.baseUrl, user: 'client-id', password: 'client-secret', … }
 */
export async function startReclameAquiSimulator(
  options: { clock?: SimClock; seed?: number; config?: Partial<RaSimConfig>; port?: number } = {},
): Promise<ReclameAquiSimulator> {
  const clock = options.clock ?? createSimClock();
  // Routes and the store's callback need the server that is started with them.
  const ref: { server?: SimServer } = {};
  const store = new RaStore(clock, (ticket) => {
    const { server } = ref;
    if (!store.config.callbacks || !server) return;
    const { json } = ticket;
    // The real callback body is not public (§1.10): this one carries what a hint needs [A].
    server.pushes.push({
      event: 'ticket.updated',
      ticket_id: json.id,
      source_external_id: json.source_external_id,
      company_id: json.company.id,
      ra_status_id: json.ra_status.id,
      hugme_status_id: json.hugme_status.id,
      last_modification_date: json.last_modification_date,
      delivery_id: server.ids.next('d-'),
    });
  });
  if (options.config) store.configure(options.config);
  const ids = {
    next: (prefix: string, width?: number) =>
      ref.server ? ref.server.ids.next(prefix, width) : prefix,
  };
  const server = await startSimServer(
    {
      routes: vendorRoutes(
        store,
        ids,
        () => ref.server?.url ?? '',
        () => randomBytes(18).toString('base64url'),
      ),
      actors: actorRoutes(store, ids),
      clock,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      signPush: (body, secret) => ({ 'X-Sim-Signature': `sha256=${hmac(body, secret)}` }),
      reset: () => {
        store.reset();
        if (options.config) store.configure(options.config);
      },
      dumpState: () => store.dump(),
      loadState: (state) => store.load(state),
      notFound: () => hugmeErrorReply(404, 'Not Found'),
    },
    options.port === undefined ? {} : { port: options.port },
  );
  ref.server = server;
  return Object.assign(server, { baseUrl: `${server.url}/api`, store });
}

function hmac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}
