import type { DeliveryResult } from '@attendflow/engine';

// Failures of the settings or of the message, not of the network: trying again changes nothing.
const permanentCodes = new Set([
  'EAUTH',
  'ENOAUTH',
  'ECONFIG',
  'EENVELOPE',
  'EMESSAGE',
  'EMAXRECIPIENTS',
]);

/**
 * Maps a failed SMTP send to a delivery result: 4xx replies (and 503, a session out of step) are
 * temporary and retried, other 5xx replies are permanent; connection failures, DNS and timeouts
 * are retried; bad credentials or a refused envelope without a reply code are permanent.
 */
export function deliveryErrorOf(
  error: unknown,
  where: string,
  signal: AbortSignal,
): DeliveryResult {
  if (signal.aborted) {
    const timedOut = signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError';
    return {
      ok: false,
      retryable: true,
      error: `${where}: ${timedOut ? 'timed out' : 'cancelled'}`,
    };
  }
  const { code, responseCode, message } = describe(error);
  const text = `${where}: ${message}`.slice(0, 1_000);
  if (responseCode !== undefined) {
    const permanent = responseCode >= 500 && responseCode !== 503;
    return { ok: false, retryable: !permanent, error: text };
  }
  return { ok: false, retryable: !isPermanentCode(code), error: text };
}

function isPermanentCode(code: string | undefined): boolean {
  return code !== undefined && permanentCodes.has(code);
}

function describe(error: unknown): { code?: string; responseCode?: number; message: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof responseCode === 'number' ? { responseCode } : {}),
    message: error.message,
  };
}
