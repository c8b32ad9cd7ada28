import { defineChannelAdapter, type Json } from '@attendflow/engine';
import { callbackTicketIdOf } from './hugme-assumptions.js';
import { createHugmeClient, HugmeCallError } from './hugme-client.js';
import { reclameAqui } from './definition.js';
import { deliverToHugme } from './deliver-to-hugme.js';
import { hugmeQueries } from './hugme-queries.js';
import { createRateBudget } from './rate-budget.js';
import { syncTickets } from './sync-tickets.js';

/** Options of {@link createReclameAquiAdapter}; tests inject the clock and short time limits. */
export interface ReclameAquiAdapterOptions {
  /** The clock of token expiry and of the per-minute budget. */
  now?: () => number;
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Makes the Reclame Aqui adapter. Its caches — the OAuth tokens and the per-connection budget of
 * 10 calls a minute shared by sync and deliveries — live in this closure, so they are per process.
 *
 * @example
 * const adapter = createReclameAquiAdapter({ now: () => clock.now });
 */
export function createReclameAquiAdapter(options: ReclameAquiAdapterOptions = {}) {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  const client = createHugmeClient({
    now,
    budget: createRateBudget(now),
    requestTimeoutMs: options.requestTimeoutMs ?? 20_000,
    fetch: doFetch,
  });
  const fetchFile = async (url: string, signal: AbortSignal) => {
    const response = await doFetch(url, { signal });
    return response.ok ? await response.blob() : null;
  };

  return defineChannelAdapter(reclameAqui, {
    // The callback's body and signature are not public (§1.10): it can only ask us to re-read,
    // so anything shaped like a ticket hint is taken and the polling stays the source of truth.
    verifyInbound: (request) => callbackTicketIdOf(request.body) !== null,

    parseInbound(request) {
      return callbackTicketIdOf(request.body) === null
        ? { ok: false, issues: ['body: a Reclame Aqui callback names its ticket (ticket_id)'] }
        : { ok: true, items: [], resync: true };
    },

    deliver: (delivery, settings, signal) =>
      deliverToHugme(client, delivery, settings, signal, fetchFile),

    sync: (context) => syncTickets(client, context),

    queries: hugmeQueries(client),

    async testConnection(settings, signal) {
      try {
        const body = await client.call(
          settings,
          { method: 'GET', path: '/companies/v1/companies/organization' },
          signal,
        );
        const companies = (Array.isArray(body) ? body : []) as Array<{
          companyId: number;
          name: string;
        }>;
        const list = companies.map((c) => ({ companyId: c.companyId, name: c.name })) as Json;
        // With a page chosen, its reputation comes along for the agents' indicators.
        const reputation = settings.companyPageId
          ? ((await client.call(
              settings,
              {
                method: 'GET',
                path: `/companies/v1/companies/${settings.companyPageId}/reputation`,
              },
              signal,
            )) as Json)
          : null;
        return {
          ok: true,
          detail: `HugMe: ${companies.length} company page(s) for user ${settings.user}`,
          facts: { companies: list, ...(reputation === null ? {} : { reputation }) },
        };
      } catch (error) {
        return {
          ok: false,
          detail:
            error instanceof HugmeCallError ? error.message : 'Reclame Aqui could not be reached',
        };
      }
    },
  });
}

/** The adapter of the built-in list, with real time. */
export const reclameAquiAdapter = createReclameAquiAdapter();
