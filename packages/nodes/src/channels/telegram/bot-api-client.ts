import { fetchWithin, isCutShort } from '../fetch-within.js';
import type { TelegramSettings } from './settings.js';

/** What one Bot API call came to: the vendor's answer, or why there is none. */
export type BotApiOutcome<T> =
  | { kind: 'ok'; result: T }
  | {
      kind: 'error';
      status: number;
      errorCode: number;
      description: string;
      retryAfterSeconds?: number;
      migrateToChatId?: number;
    }
  /** The request never left (refused connection, unknown host): safe to send again. */
  | { kind: 'unsent'; reason: string }
  /** It may have arrived (timeout, reset, unreadable answer): a write may have been applied. */
  | { kind: 'ambiguous'; reason: string };

interface Envelope {
  ok?: unknown;
  result?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown };
}

// Errors that happen before a single byte of the request is written.
const unsentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * Calls `method` with a JSON body and reads Telegram's `{ok, result | error_code, description}`
 * envelope. Errors never carry the URL, because the token is in it.
 */
export async function callBotApi<T>(
  settings: Pick<TelegramSettings, 'apiBaseUrl' | 'botToken' | 'requestTimeoutMs'>,
  method: string,
  params: Record<string, unknown>,
  signal: AbortSignal,
): Promise<BotApiOutcome<T>> {
  const url = `${settings.apiBaseUrl.replace(/\/+$/, '')}/bot${settings.botToken}/${method}`;
  let response: Response;
  let body: string;
  try {
    ({ response, body } = await fetchWithin(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      },
      { timeoutMs: settings.requestTimeoutMs, signal },
    ));
  } catch (error) {
    if (isCutShort(error)) return { kind: 'ambiguous', reason: `${method}: timed out` };
    const code = causeCode(error);
    return code !== undefined && unsentCodes.has(code)
      ? { kind: 'unsent', reason: `${method}: ${code}` }
      : { kind: 'ambiguous', reason: `${method}: ${code ?? 'connection failed'}` };
  }
  let envelope: Envelope;
  try {
    envelope = JSON.parse(body) as Envelope;
  } catch {
    if (response.status >= 500) return httpError(method, response.status, undefined);
    return {
      kind: 'ambiguous',
      reason: `${method}: unreadable answer (HTTP ${response.status})`,
    };
  }
  if (response.ok && envelope.ok === true) return { kind: 'ok', result: envelope.result as T };
  return httpError(method, response.status, envelope);
}

function httpError(method: string, status: number, envelope: Envelope | undefined) {
  const retryAfter = envelope?.parameters?.retry_after;
  const migrate = envelope?.parameters?.migrate_to_chat_id;
  return {
    kind: 'error' as const,
    status,
    errorCode: typeof envelope?.error_code === 'number' ? envelope.error_code : status,
    description: `${method}: ${typeof envelope?.description === 'string' ? envelope.description : `HTTP ${status}`}`,
    ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
    ...(typeof migrate === 'number' ? { migrateToChatId: migrate } : {}),
  };
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}
