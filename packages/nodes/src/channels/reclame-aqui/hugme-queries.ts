import { defineChannelQuery, type ChannelQueryResult } from '@attendflow/engine';
import { z } from 'zod';
import { reclameAqui } from './definition.js';
import { moderationCompaniesOf, PAGE_SIZE_MAX, QUERY_RESERVED_CALLS } from './hugme-assumptions.js';
import { HugmeCallError, type HugmeClient, type HugmeCall } from './hugme-client.js';
import type { ReclameAquiSettings } from './settings.js';

/** One period of the company's reputation (§1.7.6); fields beyond the typed ones are kept. */
const reputationPeriod = z.looseObject({
  period: z.looseObject({ periodKey: z.string(), periodAlias: z.string().optional() }),
  responseIndex: z.number().nullish(),
  solutionsPercentage: z.number().nullish(),
  dealAgainPercentage: z.number().nullish(),
  avgGrade: z.number().nullish(),
  finalGrade: z.number().nullish(),
  complaintsCount: z.number().nullish(),
  totalAnswered: z.number().nullish(),
  totalNotAnswered: z.number().nullish(),
  totalNotEvaluated: z.number().nullish(),
  reputation: z.looseObject({ code: z.string().nullish(), name: z.string().nullish() }).nullish(),
});

/**
 * What people may ask Reclame Aqui through the host: the companies a complaint can be moved to
 * (moderation reason 1, endpoint 13) and the reputation of the connection's company page
 * (endpoint 15). Both come out of the connection's budget, leaving calls to deliveries.
 */
export function hugmeQueries(client: HugmeClient) {
  const ask = async <T>(
    settings: ReclameAquiSettings,
    call: HugmeCall,
    signal: AbortSignal,
    read: (body: unknown) => T | null,
  ): Promise<ChannelQueryResult<T>> => {
    try {
      const value = read(
        await client.call(settings, { ...call, reserve: QUERY_RESERVED_CALLS }, signal),
      );
      return value === null
        ? { ok: false, detail: `${call.method} ${call.path}: unexpected answer` }
        : { ok: true, value };
    } catch (error) {
      if (!(error instanceof HugmeCallError)) throw error;
      return {
        ok: false,
        detail: error.message,
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      };
    }
  };

  const companies = defineChannelQuery(reclameAqui, {
    label: 'Search the companies a complaint can be moved to',
    audience: 'agent',
    input: z.strictObject({
      q: z.string().trim().min(2, 'type at least 2 letters of the company’s name').max(100),
      page: z.coerce.number().int().min(1).default(1),
      limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(10),
    }),
    output: z.object({
      items: z.array(z.object({ companyId: z.string(), name: z.string() })),
      page: z.number(),
      limit: z.number(),
      /** Null when Reclame Aqui does not say. */
      total: z.number().nullable(),
    }),
    run: (input, settings, signal) =>
      ask(
        settings,
        {
          method: 'GET',
          path: '/ticket/v1/tickets/moderation/companies',
          query: { companyName: input.q, page: String(input.page), limit: String(input.limit) },
        },
        signal,
        (body) => {
          const found = moderationCompaniesOf(body);
          return found && { ...found, page: input.page, limit: input.limit };
        },
      ),
  });

  const reputation = defineChannelQuery(reclameAqui, {
    label: 'Reputation of the company page',
    audience: 'agent',
    input: z.strictObject({}),
    output: z.object({
      /** The page asked about; null when the connection has none (no call is made). */
      companyPageId: z.string().nullable(),
      periods: z.array(reputationPeriod),
    }),
    run: async (_input, settings, signal) => {
      const page = settings.companyPageId;
      if (!page) return { ok: true, value: { companyPageId: null, periods: [] } };
      return ask(
        settings,
        { method: 'GET', path: `/companies/v1/companies/${page}/reputation` },
        signal,
        (body) => {
          const periods = z.array(reputationPeriod).safeParse(body);
          return periods.success ? { companyPageId: page, periods: periods.data } : null;
        },
      );
    },
  });

  return { companies, reputation };
}
