import type { RateLimiter } from '../../simulator-kit/rate-limiter.js';
import {
  route,
  type SimReply,
  type SimRequest,
  type SimRoute,
} from '../../simulator-kit/sim-server.js';
import { renderTicket } from './simulator-render.js';
import { WishRefusal, type SimTicket, type WishStore } from './simulator-store.js';
import { wishHttpStatus, wishRateLimitedCode } from './wish-v2-assumptions.js';

/** What the v2 routes read of the simulator's configuration. */
export interface WishRouteConfig {
  defaultLimit: number;
  maxLimit: number;
  now: () => number;
}

const prefix = '/api/v2';

/** The v2 envelope of a success [C]: `{code: 0, message: "", data}` (+ `paging` on lists). */
function ok(data: unknown, paging?: Record<string, string>): SimReply {
  return { status: 200, body: { code: 0, message: '', data, ...(paging ? { paging } : {}) } };
}

function fail(code: number, message: string, status: number = wishHttpStatus.error): SimReply {
  return { status, body: { code, message, data: {} } };
}

/** Parameters as v2 takes them: the query for GET, form (or JSON) fields for POST. [C] */
function paramsOf(request: SimRequest): Record<string, string> {
  const params: Record<string, string> = Object.fromEntries(request.query.entries());
  const body = request.body.value;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = String(value);
    }
  }
  return params;
}

/**
 * The Wish API v2 ticket routes (channel-apis.md §2.2, §8.3) over a {@link WishStore}: token from
 * `access_token` or a Bearer header, rate limit per token, the v2 envelope and error codes.
 */
export function wishV2Routes(
  store: WishStore,
  limiter: RateLimiter,
  config: WishRouteConfig,
): SimRoute[] {
  /** Authenticates, rate-limits, then runs `handle` with the merchant; refusals become envelopes. */
  const guarded =
    (
      handle: (merchantId: string, params: Record<string, string>, request: SimRequest) => SimReply,
    ) =>
    (request: SimRequest): SimReply => {
      const params = paramsOf(request);
      const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const presented = params['access_token'] ?? bearer;
      const token = presented === undefined ? undefined : store.token(presented);
      if (!token) return fail(4000, 'Unauthorized access', wishHttpStatus.auth);
      if (token.revoked) return fail(1016, 'Access token revoked', wishHttpStatus.auth);
      if (token.expiresAt !== null && config.now() >= token.expiresAt) {
        return fail(1015, 'Access token expired', wishHttpStatus.auth);
      }
      const taken = limiter.take(token.token);
      if (!taken.ok) {
        return {
          ...fail(wishRateLimitedCode, 'Too many requests', wishHttpStatus.rateLimited),
          headers: { 'retry-after': String(Math.ceil(taken.retryAfterMs / 1000)) },
        };
      }
      try {
        return handle(token.merchantId, params, request);
      } catch (error) {
        if (error instanceof WishRefusal) return fail(error.code, error.message);
        throw error;
      }
    };
  const ticketOf = (merchantId: string, params: Record<string, string>): SimTicket => {
    const id = params['id'];
    if (!id) throw new WishRefusal(1000, 'id is required');
    return store.ticket(id, merchantId);
  };
  const write = (apply: (ticket: SimTicket, params: Record<string, string>) => void) =>
    guarded((merchantId, params) => {
      apply(ticketOf(merchantId, params), params);
      return ok({ success: true });
    });

  return [
    route(
      'GET',
      `${prefix}/auth_test`,
      guarded((merchantId) => ok({ merchant_id: merchantId })),
      'C',
    ),
    route(
      'GET',
      `${prefix}/ticket`,
      guarded((merchantId, params) => ok(renderTicket(ticketOf(merchantId, params)))),
      'C',
    ),
    route(
      'GET',
      `${prefix}/ticket/get-action-required`,
      guarded((merchantId, params, request) => {
        const start = Number(params['start'] ?? 0);
        const limit = Number(params['limit'] ?? config.defaultLimit);
        if (!Number.isInteger(start) || start < 0) throw new WishRefusal(1000, 'invalid start');
        if (!Number.isInteger(limit) || limit < 1 || limit > config.maxLimit) {
          throw new WishRefusal(1000, `limit must be between 1 and ${config.maxLimit}`);
        }
        const all = store.actionRequired(merchantId);
        const page = all.slice(start, start + limit).map((t) => renderTicket(t));
        const link = (at: number) =>
          `http://${request.headers.host ?? 'merchant.wish.com'}${prefix}/ticket/get-action-required?start=${at}&limit=${limit}`;
        const paging: Record<string, string> = {};
        if (start + limit < all.length) paging['next'] = link(start + limit);
        if (start > 0) paging['prev'] = link(Math.max(0, start - limit));
        return ok(page, Object.keys(paging).length > 0 ? paging : undefined);
      }),
      'C',
    ),
    route(
      'POST',
      `${prefix}/ticket/reply`,
      write((t, p) => store.merchantReply(t, p['reply'] ?? '')),
      'C',
    ),
    route(
      'POST',
      `${prefix}/ticket/close`,
      write((t) => store.close(t)),
      'C',
    ),
    route(
      'POST',
      `${prefix}/ticket/appeal-to-wish-support`,
      write((t) => store.appeal(t)),
      'C',
    ),
    route(
      'POST',
      `${prefix}/ticket/re-open`,
      write((t, p) => store.reopen(t, p['reply'] ?? '')),
      'C',
    ),
  ];
}

/** The v2-shaped 404 of an unknown path. [A] */
export function wishNotFound(): SimReply {
  return fail(1000, 'unknown endpoint', 404);
}
