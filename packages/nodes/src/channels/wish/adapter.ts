import { defineChannelAdapter, type ChannelAdapter } from '@attendflow/engine';
import { createWishClient, type WishClient } from './api-client.js';
import { deliverToWish } from './deliver.js';
import { wish, type WishSettings } from './definition.js';
import { describeFailure, syncTickets } from './sync-tickets.js';

/** Options of {@link createWishAdapter}. */
export interface WishAdapterOptions {
  /** The HTTP client's `fetch` (tests wrap it to act between two calls). */
  fetch?: typeof fetch;
  /** Tickets per listing page. */
  pageSize?: number;
}

/**
 * The Wish merchant tickets adapter (API v2): no push, so tickets come by `sync` (polling
 * `get-action-required`); replies and ticket actions are delivered with a re-read of the ticket
 * whenever the outcome of a write is unknown.
 *
 * @example
 * const adapter = createWishAdapter();
 * await adapter.sync?.({ settings, state: null, now: Date.now(), signal });
 */
export function createWishAdapter(
  options: WishAdapterOptions = {},
): ChannelAdapter<typeof wish.settings> {
  // Per process, per settings object: a connection whose settings did not change keeps its client.
  const clients = new WeakMap<WishSettings, WishClient>();
  const clientFor = (settings: WishSettings) => {
    let client = clients.get(settings);
    if (!client) clients.set(settings, (client = createWishClient(settings, options.fetch)));
    return client;
  };
  return defineChannelAdapter(wish, {
    // v2 has no webhooks: nothing inbound is ever genuine.
    verifyInbound: () => false,
    parseInbound: () => ({
      ok: false,
      issues: ['Wish API v2 has no webhooks: tickets are synced'],
    }),
    deliver: (delivery, settings, signal) => deliverToWish(clientFor(settings), delivery, signal),
    async testConnection(settings, signal) {
      const result = await clientFor(settings).get('/auth_test', {}, signal);
      if (result.kind !== 'ok')
        return { ok: false, detail: describeFailure('checking the token', result) };
      const merchantId = (result.data as { merchant_id?: unknown } | null)?.merchant_id;
      return {
        ok: true,
        detail: typeof merchantId === 'string' ? `merchant ${merchantId}` : 'token accepted',
        ...(typeof merchantId === 'string' ? { facts: { merchantId } } : {}),
      };
    },
    sync: (context) => syncTickets(clientFor(context.settings), context, options.pageSize),
  });
}
