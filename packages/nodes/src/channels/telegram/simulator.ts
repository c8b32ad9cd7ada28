import { route, startSimServer, type SimServer } from '../../simulator-kit/sim-server.js';
import { createSimClock, type SimClock } from '../../simulator-kit/clock.js';
import { botMethods, fail } from './simulator-bot-api.js';
import { TelegramActors, telegramActorRoutes } from './simulator-actors.js';
import type { TelegramSimConfig } from './simulator-config.js';
import { TelegramSimCore } from './simulator-core.js';
import { BotParams } from './simulator-params.js';
import { find, type TelegramSimState } from './simulator-store.js';

/** A running Telegram simulator: the kit's server plus the simulated people and bots. */
export interface TelegramSimulator {
  sim: SimServer;
  /** What a plugin's `apiBaseUrl` points at. */
  url: string;
  actors: TelegramActors;
  core: TelegramSimCore;
  close(): Promise<void>;
}

// Known methods are documented and confirmed by many clients; the rest of the behaviour is in §8.4.
const fidelity = { getMe: 'C', getUpdates: 'C', setWebhook: 'C' } as const;

/**
 * Starts a fake Telegram Bot API on loopback (channel-apis.md §8.4): `/bot<token>/<method>` for
 * the methods support bots use, webhook pushes with the secret-token header, rate limits on the
 * simulated clock, the §8.1 control plane, and actors under `/__sim/telegram/`. The token never
 * reaches the journal.
 *
 * @example
 * const telegram = await startTelegramSimulator();
 * telegram.actors.addBot({ token: '123456:AAAAAAAAAAAAAAAAAAAAAAAA', username: 'loja_bot', first_name: 'Loja' });
 * // settings: { apiBaseUrl: telegram.url, botToken: '123456:AAAA…', … }
 */
export async function startTelegramSimulator(
  options: { config?: Partial<TelegramSimConfig>; clock?: SimClock; seed?: number } = {},
): Promise<TelegramSimulator> {
  const clock = options.clock ?? createSimClock();
  // Routes are given to the server before it exists; they reach the store through this holder.
  const started: { core?: TelegramSimCore; actors?: TelegramActors } = {};
  const current = () => {
    if (!started.core) throw new Error('the Telegram simulator is not started yet');
    return started.core;
  };
  const handle = (method: string) =>
    route(
      'ANY',
      `/bot:token/${method}`,
      (request) => {
        const state = current();
        const bot = find.botByToken(state.state, request.params['token'] ?? '');
        if (!bot) return fail(401, 'Unauthorized');
        // Method names are case-insensitive [K].
        const name = Object.keys(botMethods).find(
          (m) => m.toLowerCase() === (request.params['method'] ?? method).toLowerCase(),
        );
        const implementation = name ? botMethods[name] : undefined;
        return implementation
          ? implementation(state, bot, new BotParams(request))
          : fail(404, 'Not Found');
      },
      method in fidelity ? fidelity[method as keyof typeof fidelity] : 'I',
    );
  const sim = await startSimServer({
    clock,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    routes: [...Object.keys(botMethods).map(handle), handle(':method')],
    actors: telegramActorRoutes(() => started.actors ?? new TelegramActors(current())),
    redactPath: (path) => path.replace(/^\/bot[^/]+/, '/bot[redacted]'),
    signPush: (_body, secret) => ({ 'X-Telegram-Bot-Api-Secret-Token': secret }),
    notFound: () => fail(404, 'Not Found'),
    reset: () => current().reset(),
    dumpState: () => structuredClone(current().state),
    loadState: (state) => (current().state = structuredClone(state as TelegramSimState)),
    raiseIds: (floor) => {
      const { state, config } = current();
      for (const bot of state.bots)
        bot.nextUpdateId = Math.max(bot.nextUpdateId, config.firstUpdateId + floor);
      for (const chat of state.chats) chat.nextMessageId = Math.max(chat.nextMessageId, 1 + floor);
    },
  });
  const core = new TelegramSimCore(clock, sim.pushes);
  core.configure(options.config ?? {});
  const actors = new TelegramActors(core);
  Object.assign(started, { core, actors });
  return { sim, url: sim.url, actors, core, close: () => sim.close() };
}
