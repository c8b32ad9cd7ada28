import { AUTH_HEADER, vibeResponseSchema, type VibeResponse } from './vibe-api.js';
import { tokenOf } from './inbound.js';

/** What one call to the Vibe REST API came to. */
export type VibeCall =
  | { kind: 'answered'; response: VibeResponse; messageToken?: string }
  | { kind: 'failed'; retryable: boolean; error: string; retryAfterMs?: number };

/** Connection settings a call needs. */
export interface VibeEndpoint {
  apiUrl: string;
  authToken: string;
  timeoutMs: number;
}

/**
 * POSTs to a Vibe endpoint with the bot's token, within the settings' timeout and the caller's
 * signal. Transport trouble (network, timeout, 429, 5xx) is retryable; an answer is returned as
 * is, for the caller to judge its `status`. The token never appears in an error.
 *
 * @example
 * const call = await callVibe(settings, '/pa/get_account_info', {}, signal);
 */
export async function callVibe(
  endpoint: VibeEndpoint,
  path: string,
  body: unknown,
  signal: AbortSignal,
): Promise<VibeCall> {
  const url = new URL(path, endpoint.apiUrl).toString();
  const timeout = AbortSignal.timeout(endpoint.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [AUTH_HEADER]: endpoint.authToken },
      body: JSON.stringify(body),
      signal: AbortSignal.any([signal, timeout]),
    });
    text = await response.text();
  } catch (error) {
    const reason = signal.aborted
      ? 'cancelled'
      : timeout.aborted
        ? `timed out after ${endpoint.timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
    return { kind: 'failed', retryable: true, error: `POST ${path}: ${reason}` };
  }
  if (!response.ok) {
    const retryAfterMs = retryAfter(response.headers.get('retry-after'));
    return {
      kind: 'failed',
      retryable: response.status === 429 || response.status >= 500,
      error: `POST ${path}: HTTP ${response.status}`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  const parsed = vibeResponseSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    return { kind: 'failed', retryable: true, error: `POST ${path}: not a Vibe answer` };
  }
  const token = parsed.data.message_token;
  return {
    kind: 'answered',
    response: parsed.data,
    ...(token === undefined ? {} : { messageToken: tokenOf(text, token) }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function retryAfter(header: string | null): number | undefined {
  const seconds = Number(header ?? '');
  return header !== null && header.trim() !== '' && Number.isFinite(seconds)
    ? Math.max(0, seconds * 1000)
    : undefined;
}
