import { fetchWithin, isCutShort } from '../fetch-within.js';
import { parseRetryAfter } from '../../shared/retry-after.js';
import type { WishSettings } from './definition.js';
import { wishRateLimitedCode } from './wish-v2-assumptions.js';

/** How one v2 call went, read from the body's `code` first and the HTTP status second. */
export type WishCallResult =
  | { kind: 'ok'; data: unknown; hasNext: boolean }
  /** Wish answered with a non-zero code (1000 invalid parameter, 1002 …): nothing was applied. */
  | { kind: 'refused'; code: number; message: string }
  /** 4000 unauthorized, 1015 expired, 1016 revoked, 1012 missing (v3). */
  | { kind: 'auth'; code: number; message: string }
  | { kind: 'rate-limited'; retryAfterMs: number | undefined }
  /** No usable answer: 5xx, timeout, reset, malformed body. A write may have been applied. */
  | { kind: 'unavailable'; detail: string };

/** The calls the adapter makes; `fetch` is injectable so tests can interleave actors. */
export interface WishClient {
  get(path: string, params: Record<string, string>, signal: AbortSignal): Promise<WishCallResult>;
  post(path: string, params: Record<string, string>, signal: AbortSignal): Promise<WishCallResult>;
}

const authCodes = new Set([4000, 1012, 1015, 1016]);

/**
 * A Wish API v2 client for one connection: the token goes as `access_token` in the query of a GET
 * and in the form of a POST (the SDK's way), each call under the connection's time limit. Error
 * texts never carry the URL, which holds the token.
 */
export function createWishClient(
  settings: Pick<WishSettings, 'apiBaseUrl' | 'accessToken' | 'requestTimeoutMs'>,
  fetchImpl: typeof fetch = fetch,
): WishClient {
  const base = settings.apiBaseUrl.replace(/\/+$/, '');
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    params: Record<string, string>,
    signal: AbortSignal,
  ): Promise<WishCallResult> => {
    const fields = new URLSearchParams({ ...params, access_token: settings.accessToken });
    const url = method === 'GET' ? `${base}${path}?${fields.toString()}` : `${base}${path}`;
    let response: Response;
    let text: string;
    try {
      ({ response, body: text } = await fetchWithin(
        url,
        method === 'POST'
          ? {
              method,
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: fields.toString(),
            }
          : { method },
        { timeoutMs: settings.requestTimeoutMs, signal, fetch: fetchImpl },
      ));
    } catch (error) {
      return {
        kind: 'unavailable',
        detail: isCutShort(error) ? `${path} timed out` : `${path}: connection failed`,
      };
    }
    return classify(path, response, text);
  };
  return {
    get: (path, params, signal) => call('GET', path, params, signal),
    post: (path, params, signal) => call('POST', path, params, signal),
  };
}

function classify(path: string, response: Response, text: string): WishCallResult {
  const body = parseBody(text);
  const code = body === null ? null : Number(body['code']);
  const message = typeof body?.['message'] === 'string' ? body['message'] : '';
  if (response.status === 429 || code === wishRateLimitedCode) {
    return { kind: 'rate-limited', retryAfterMs: retryAfterOf(response.headers) };
  }
  if (code !== null && Number.isFinite(code)) {
    if (code === 0 && response.ok) {
      const paging = body?.['paging'] as { next?: unknown } | undefined;
      return { kind: 'ok', data: body?.['data'], hasNext: typeof paging?.next === 'string' };
    }
    if (authCodes.has(code)) return { kind: 'auth', code, message };
    if (code !== 0) return { kind: 'refused', code, message };
  }
  return {
    kind: 'unavailable',
    detail: `${path}: HTTP ${response.status}${body === null ? ' without a v2 body' : ''}`,
  };
}

/** JSON, or the form-encoded body the SDK falls back to [C]; null when neither has a code. */
function parseBody(text: string): Record<string, unknown> | null {
  if (text.trim() === '') return null;
  try {
    const json = JSON.parse(text) as unknown;
    return json !== null && typeof json === 'object' && 'code' in json ? json : null;
  } catch {
    const form = new URLSearchParams(text);
    return form.has('code') ? Object.fromEntries(form.entries()) : null;
  }
}

/** `Retry-After` seconds, or v3's `Wish-Rate-Limit-Reset` (epoch seconds). */
function retryAfterOf(headers: Headers): number | undefined {
  const after = parseRetryAfter(headers.get('retry-after'));
  if (after !== undefined && after > 0) return after;
  const reset = Number(headers.get('wish-rate-limit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  return undefined;
}
