/** What {@link fetchWithin} takes besides the request. */
export interface FetchWithinOptions {
  /** The answer, body included, must have arrived by then. */
  timeoutMs: number;
  /** The caller's own end (a shutdown, a round's deadline). */
  signal?: AbortSignal;
  /** The fetch to call (tests and plugins inject their own). */
  fetch?: typeof fetch;
}

/**
 * `fetch` under a deadline that always ends the call: the response and its body, read as text,
 * within `timeoutMs`, else a `TimeoutError`; the caller's signal ends it with an `AbortError` (or
 * its reason). The request is aborted either way, and the call is also raced against the deadline
 * itself: Node 20's fetch follows a request's signal through a weak reference, and after a garbage
 * collection an abort could stop reaching it (nodejs/node#55428), so a call to a vendor that never
 * answered hung past its timeout (seen in the Wish adapter's tests, twice in ten runs).
 */
export async function fetchWithin(
  url: string | URL,
  init: Omit<RequestInit, 'signal'>,
  options: FetchWithinOptions,
): Promise<{ response: Response; body: string }> {
  const { timeoutMs, signal } = options;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const cut = new Promise<never>((_, reject) => {
    const end = (reason: Error) => {
      controller.abort(reason);
      reject(reason);
    };
    timer = setTimeout(
      () => end(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    onAbort = () =>
      end(
        signal?.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'),
      );
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  const call = (async () => {
    const response = await (options.fetch ?? fetch)(url, { ...init, signal: controller.signal });
    try {
      return { response, body: await response.text() };
    } catch (error) {
      // Sent and answered, the answer cut on its way: no network code, the caller cannot take it
      // for a request that never left.
      throw new AnswerCutError(error instanceof Error ? error.message : String(error));
    }
  })();
  // Whichever loses is settled later, or never: neither may surface as an unhandled rejection.
  call.catch(() => undefined);
  cut.catch(() => undefined);
  try {
    return await Promise.race([call, cut]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/** Whether {@link fetchWithin} was ended by its deadline or by the caller's signal. */
export function isCutShort(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  return name === 'TimeoutError' || name === 'AbortError';
}

/** The response came, its body did not arrive whole. */
export class AnswerCutError extends Error {
  constructor(detail: string) {
    super(`the answer was cut: ${detail}`);
    this.name = 'AnswerCutError';
  }
}
