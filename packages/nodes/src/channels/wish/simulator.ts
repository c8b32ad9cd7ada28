import { createSimClock, type SimClock } from '../../simulator-kit/clock.js';
import { createRateLimiter } from '../../simulator-kit/rate-limiter.js';
import { startSimServer, type SimServer } from '../../simulator-kit/sim-server.js';
import { wishActorRoutes } from './simulator-actors.js';
import { wishNotFound, wishV2Routes } from './simulator-routes.js';
import { WishStore, type SimToken, type WishSimState } from './simulator-store.js';

/** Options of {@link startWishSimulator} (channel-apis.md §8.3 config, all [A]). */
export interface WishSimulatorOptions {
  tokens?: Array<Omit<SimToken, 'expiresAt' | 'revoked'> & Partial<SimToken>>;
  clock?: SimClock;
  seed?: number;
  defaultLimit?: number;
  maxLimit?: number;
  /** Requests per token per minute; 0 turns the limit off. */
  ratePerMinute?: number;
  port?: number;
}

/** A running Wish simulator: the kit's server plus its store, for in-process tests. */
export interface WishSimulator extends SimServer {
  store: WishStore;
  /** The `apiBaseUrl` setting that points a connection at this simulator. */
  apiBaseUrl: string;
}

/**
 * Starts the Wish merchant API v2 simulator on a loopback port: ticket routes with the v2 envelope,
 * error codes and offset paging, buyer / Wish-support actors, and the kit's control plane. The
 * access token is redacted from the journal, whether it came as a header, query or form field.
 *
 * @example
 * const sim = await startWishSimulator({ tokens: [{ token: 'tok', merchantId: 'm1' }] });
 * // settings: { apiBaseUrl: sim.apiBaseUrl, accessToken: 'tok' }
 */
export async function startWishSimulator(
  options: WishSimulatorOptions = {},
): Promise<WishSimulator> {
  const clock = options.clock ?? createSimClock(Date.parse('2026-03-02T12:00:00Z'));
  const tokens = (
    options.tokens ?? [{ token: 'wish-token', merchantId: '5a000000000000000000000a' }]
  ).map((t): SimToken => ({ expiresAt: null, revoked: false, ...t }));
  const store = new WishStore(() => clock.now(), tokens);
  let ratePerMinute = options.ratePerMinute ?? 100;
  const limiter = createRateLimiter({ clock, limit: () => ratePerMinute, windowMs: 60_000 });
  const server = await startSimServer(
    {
      clock,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      routes: wishV2Routes(store, limiter, {
        defaultLimit: options.defaultLimit ?? 50,
        maxLimit: options.maxLimit ?? 500,
        now: () => clock.now(),
      }),
      actors: wishActorRoutes(store),
      redactFields: ['access_token'],
      reset() {
        store.reset();
        limiter.reset();
        ratePerMinute = options.ratePerMinute ?? 100;
      },
      dumpState: () => store.dump(),
      raiseIds: (floor) => store.raiseSeq(floor),
      loadState: (state) => store.load(state as WishSimState),
      notFound: wishNotFound,
    },
    options.port === undefined ? {} : { port: options.port },
  );
  return { ...server, store, apiBaseUrl: `${server.url}/api/v2` };
}
