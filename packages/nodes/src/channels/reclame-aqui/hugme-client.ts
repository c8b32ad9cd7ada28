import { fetchWithin } from '../fetch-within.js';
import { createHash } from 'node:crypto';
import {
  RATE_LIMIT_PER_MINUTE,
  TOKEN_DEFAULT_TTL_S,
  TOKEN_REFRESH_MARGIN_MS,
} from './hugme-assumptions.js';
import { parseRetryAfter } from '../../shared/retry-after.js';
import type { RateBudget } from './rate-budget.js';
import type { ReclameAquiSettings } from './settings.js';

/** One HTTP call to HugMe. */
export interface HugmeCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  /** Calls of the minute to leave to others (the sync leaves some to deliveries). */
  reserve?: number;
}

/** A failed call: whether trying again later may work, and when. */
export class HugmeCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    /** The call was never sent (local budget): nothing can have been applied. */
    readonly notSent = false,
  ) {
    super(message);
  }
}

interface CachedToken {
  token: string;
  expiresAt: number;
  secretHash: string;
}

/** What a HugMe client needs: a clock, the shared budget and a per-request time limit. */
export interface HugmeClientDeps {
  now: () => number;
  budget: RateBudget;
  requestTimeoutMs: number;
  fetch: typeof fetch;
}

/**
 * Calls HugMe for one connection's settings: an OAuth client-credentials token cached until just
 * before it expires and refreshed once on a 401, every call (token included) taken from the
 * connection's budget, and errors sorted into retryable or not.
 */
export function createHugmeClient(deps: HugmeClientDeps) {
  const tokens = new Map<string, CachedToken>();
  const limits = new Map<string, number>();
  const keyOf = (s: ReclameAquiSettings) => `${s.baseUrl}|${s.user}`;
  const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

  async function send(
    settings: ReclameAquiSettings,
    call: HugmeCall,
    signal: AbortSignal,
    auth: string,
  ) {
    const key = keyOf(settings);
    const taken = deps.budget.take(
      key,
      limits.get(key) ?? RATE_LIMIT_PER_MINUTE,
      call.reserve ?? 0,
    );
    if (!taken.ok)
      throw new HugmeCallError('rate budget spent for this minute', 429, true, taken.waitMs, true);
    const url = new URL(`${settings.baseUrl.replace(/\/$/, '')}${call.path}`);
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { authorization: auth, accept: 'application/json' };
    if (call.json !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      ({ response, body: text } = await fetchWithin(
        url,
        {
          method: call.method,
          headers,
          body: call.form ?? (call.json === undefined ? undefined : JSON.stringify(call.json)),
        },
        { timeoutMs: deps.requestTimeoutMs, signal, fetch: deps.fetch },
      ));
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'failed';
      throw new HugmeCallError(`${call.method} ${call.path} ${reason}`, null, true);
    }
    if (response.status === 429) {
      const waitMs = parseRetryAfter(response.headers.get('retry-after')) ?? 60_000;
      deps.budget.exhaust(key, waitMs);
      throw new HugmeCallError(`${call.method} ${call.path}: 429 rate limited`, 429, true, waitMs);
    }
    return { status: response.status, body: parseBody(text) };
  }

  async function token(
    settings: ReclameAquiSettings,
    signal: AbortSignal,
    fresh: boolean,
  ): Promise<string> {
    const key = keyOf(settings);
    const cached = tokens.get(key);
    const secretHash = hashOf(settings.password);
    if (
      !fresh &&
      cached &&
      cached.secretHash === secretHash &&
      cached.expiresAt - TOKEN_REFRESH_MARGIN_MS > deps.now()
    )
      return cached.token;
    const basic = Buffer.from(`${settings.user}:${settings.password}`).toString('base64');
    const call: HugmeCall = {
      method: 'POST',
      path: '/auth/oauth/token',
      query: { grant_type: 'client_credentials' },
    };
    const { status, body } = await send(settings, call, signal, `Basic ${basic}`);
    const granted = body as {
      access_token?: unknown;
      expires_in?: unknown;
      rate_limit?: unknown;
    } | null;
    if (status === 401 || status === 403)
      throw new HugmeCallError('Reclame Aqui refused the user and password', status, false);
    if (status !== 200 || typeof granted?.access_token !== 'string')
      throw new HugmeCallError(`token request answered ${status}`, status, status >= 500);
    const ttl = typeof granted.expires_in === 'number' ? granted.expires_in : TOKEN_DEFAULT_TTL_S;
    if (typeof granted.rate_limit === 'number' && granted.rate_limit > 0)
      limits.set(key, granted.rate_limit);
    tokens.set(key, {
      token: granted.access_token,
      expiresAt: deps.now() + ttl * 1000,
      secretHash,
    });
    return granted.access_token;
  }

  /** Calls HugMe with a bearer token; a 401 gets one new token and one more try. */
  async function call(settings: ReclameAquiSettings, request: HugmeCall, signal: AbortSignal) {
    let answer = await send(
      settings,
      request,
      signal,
      `Bearer ${await token(settings, signal, false)}`,
    );
    if (answer.status === 401) {
      answer = await send(
        settings,
        request,
        signal,
        `Bearer ${await token(settings, signal, true)}`,
      );
    }
    const { status, body } = answer;
    if (status >= 200 && status < 300) return body;
    const message = (body as { message?: unknown } | null)?.message;
    throw new HugmeCallError(
      `${request.method} ${request.path}: ${status}${typeof message === 'string' ? ` ${message}` : ''}`,
      status,
      status >= 500 || status === 408,
    );
  }

  return { call };
}

/** The body as JSON; an empty or malformed body is null (writes answered 200 still count). */
function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** {@link createHugmeClient}'s type. */
export type HugmeClient = ReturnType<typeof createHugmeClient>;
