// One route per HugMe endpoint of §1.4, in the table's order: long, but flat.
import {
  route,
  type SimReply,
  type SimRequest,
  type SimRoute,
} from '../../../simulator-kit/sim-server.js';
import {
  privateMessage,
  publicAnswer,
  requestEvaluation,
  requestModeration,
} from './company-writes.js';
import { parseCompanySearch, searchCompanies } from './company-directory.js';
import { parseTicketQuery, runTicketQuery } from './query.js';
import { HugmeError, type RaStore } from './ra-store.js';
import { systemMove } from './consumer-events.js';
import { reputationOf } from './reputation.js';

type Ids = { next(prefix: string, width?: number): string };

/** HugMe's error body [A]: `{success:false, code, message}`. */
export const hugmeErrorReply = (
  status: number,
  message: string,
  headers: Record<string, string> = {},
): SimReply => ({
  status,
  headers,
  body: { success: false, code: status, message },
});

const guarded =
  (handle: (r: SimRequest) => SimReply) =>
  (r: SimRequest): SimReply => {
    try {
      return handle(r);
    } catch (error) {
      if (error instanceof HugmeError)
        return hugmeErrorReply(error.status, error.message, error.headers);
      throw error;
    }
  };

const fields = (r: SimRequest): Record<string, string> => {
  const value = r.body.value;
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      Array.isArray(v) ? String(v[0]) : String(v),
    ]),
  );
};
const ok = (message: string): SimReply => ({ status: 200, body: { success: true, message } });

/** The HugMe API routes under `/api` (channel-apis.md §1.4, §8.2), each with its fidelity. */
export function vendorRoutes(
  store: RaStore,
  ids: Ids,
  simUrl: () => string,
  randomToken: () => string,
): SimRoute[] {
  /** The caller's client after auth and one call of its budget. */
  const caller = (r: SimRequest) => {
    const client = store.clientOf(r.headers['authorization']);
    store.spend(client.clientId);
    return client;
  };
  const owned = (r: SimRequest, id: string | undefined) => {
    const client = caller(r);
    if (!id) throw new HugmeError(400, 'id is required');
    return store.ticket(id, client.companyIds);
  };
  const sizes = () => ({
    default: store.config.pageSizeDefault,
    max: store.config.pageSizeMax,
    overMax: store.config.pageSizeOverMax,
  });
  const query = (r: SimRequest) => {
    const client = caller(r);
    const parsed = parseTicketQuery(r.query, sizes());
    if (!parsed.ok) throw new HugmeError(400, parsed.message);
    const mine = store.tickets
      .filter((t) => client.companyIds.includes(t.json.company.id))
      .map((t) => t.json);
    return runTicketQuery(mine, parsed.query);
  };

  return [
    route(
      'POST',
      '/api/auth/oauth/token',
      guarded((r) => {
        if (r.query.get('grant_type') !== 'client_credentials')
          return hugmeErrorReply(400, 'unsupported grant_type');
        const basic = /^Basic\s+(.+)$/i.exec(r.headers['authorization'] ?? '')?.[1];
        const [clientId, clientSecret] = Buffer.from(basic ?? '', 'base64')
          .toString('utf8')
          .split(':');
        const client = store.config.clients.find(
          (c) => c.clientId === clientId && c.clientSecret === clientSecret,
        );
        if (!client) return hugmeErrorReply(401, 'invalid client credentials');
        store.spend(client.clientId);
        const token = randomToken();
        store.issueToken(client.clientId, token);
        const year = new Date(store.clock.now()).getUTCFullYear();
        return {
          status: 200,
          body: {
            access_token: token,
            token_type: 'bearer',
            expires_in: store.config.tokenTtlSec,
            scope: 'read write',
            rate_limit: store.config.rateLimitPerMin,
            license_start_at: `${year}-01-01T00:00:00.000Z`,
            license_end_at: `${year + 1}-01-01T00:00:00.000Z`,
          },
        };
      }),
      'C',
    ),
    route(
      'GET',
      '/api/auth/availability',
      () =>
        store.config.available
          ? { status: 200, body: { status: 'ok' } }
          : hugmeErrorReply(503, 'unavailable'),
      'A',
    ),
    route(
      'GET',
      '/api/ticket/availability',
      guarded((r) => {
        caller(r);
        return store.config.available
          ? { status: 200, body: { status: 'ok' } }
          : hugmeErrorReply(503, 'unavailable');
      }),
      'A',
    ),
    route(
      'GET',
      '/api/ticket/v1/tickets',
      guarded((r) => {
        store.listCalls += 1;
        if (store.shift && store.listCalls === store.shift.beforeListCall) {
          for (const id of store.shift.ticketIds) systemMove(store, ids, store.ticket(id), 'touch');
          store.shift = null;
        }
        const { total, page } = query(r);
        return {
          status: 200,
          body: {
            data: page,
            meta: { page: { number: pageNumber(r), size: pageSize(r, sizes()) }, total },
          },
        };
      }),
      'C',
    ),
    route(
      'GET',
      '/api/ticket/v1/tickets/count',
      guarded((r) => ({ status: 200, body: { data: query(r).total } })),
      'C',
    ),
    route(
      'GET',
      '/api/ticket/v1/tickets/attachment/:detailId',
      guarded((r) => {
        caller(r);
        const file = store.files.get(r.params['detailId'] ?? '');
        if (!file) return hugmeErrorReply(404, 'attachment not found');
        const expiresAt = store.clock.now() + 60 * 60_000;
        file.expiresAt = expiresAt;
        return {
          status: 200,
          body: {
            url: `${simUrl()}/__sim/ra/files/${r.params['detailId'] ?? ''}?exp=${expiresAt}`,
            expires_at: new Date(expiresAt).toISOString(),
          },
        };
      }),
      'A',
    ),
    route(
      'POST',
      '/api/ticket/v1/tickets/message/public',
      guarded((r) => {
        const input = fields(r);
        publicAnswer(store, ids, owned(r, input['id']), input['message'] ?? '');
        return ok('Resposta pública enviada');
      }),
      'C',
    ),
    route(
      'POST',
      '/api/ticket/v1/tickets/message/private',
      guarded((r) => {
        const input = fields(r);
        const file = r.body.files.find((f) => f.field === 'file');
        privateMessage(store, ids, owned(r, input['id']), {
          message: input['message'] ?? '',
          email: input['email'],
          file,
        });
        return ok('Mensagem privada enviada');
      }),
      'C',
    ),
    route(
      'POST',
      '/api/ticket/v1/tickets/message/private/:id/end',
      guarded((r) => {
        owned(r, r.params['id']).privateThreadOpen = false;
        return ok('Mensagem privada encerrada');
      }),
      'C',
    ),
    route(
      'POST',
      '/api/ticket/v1/tickets/evaluation',
      guarded((r) => {
        requestEvaluation(store, owned(r, fields(r)['id']));
        return ok('Avaliação solicitada');
      }),
      'C',
    ),
    route(
      'POST',
      '/api/ticket/v1/tickets/moderation',
      guarded((r) => {
        const input = fields(r);
        const file = r.body.files.find((f) => f.field === 'file');
        const reason = Number(input['reason']);
        requestModeration(store, ids, owned(r, input['id']), {
          reason,
          message: input['message'] ?? '',
          migrateTo: input['migrateTO'],
          file,
        });
        return ok('Solicitação de moderação enviada');
      }),
      'C',
    ),
    route(
      'GET',
      '/api/ticket/v1/tickets/moderation/companies',
      guarded((r) => {
        caller(r);
        const parsed = parseCompanySearch(r.query, sizes());
        if (!parsed.ok) throw new HugmeError(400, parsed.message);
        const { search } = parsed;
        const { total, page } = searchCompanies(store.directory(), search);
        // The real envelope is not captured: the ticket list's is assumed [A].
        return {
          status: 200,
          body: { data: page, meta: { page: { number: search.page, size: search.limit }, total } },
        };
      }),
      'A',
    ),
    route(
      'GET',
      '/api/companies/v1/companies/organization',
      guarded((r) => {
        const client = caller(r);
        return {
          status: 200,
          body: store.config.companies.filter((c) => client.companyIds.includes(c.companyId)),
        };
      }),
      'C',
    ),
    route(
      'GET',
      '/api/companies/v1/companies/:companyId/reputation',
      guarded((r) => {
        const client = caller(r);
        const companyId = Number(r.params['companyId']);
        if (!client.companyIds.includes(companyId))
          return hugmeErrorReply(404, 'company not found');
        return { status: 200, body: reputationOf(store, companyId) };
      }),
      'A',
    ),
    route(
      'GET',
      '/api/companies/v1/companies/organization/whatsapp/consumption',
      guarded((r) => {
        caller(r);
        return { status: 200, body: {} };
      }),
      'A',
    ),
  ];
}

const pageNumber = (r: SimRequest) => Math.max(1, Number(r.query.get('page[number]') ?? 1) || 1);
const pageSize = (r: SimRequest, sizes: { default: number; max: number }) =>
  Math.min(sizes.max, Number(r.query.get('page[size]') ?? sizes.default) || sizes.default);
