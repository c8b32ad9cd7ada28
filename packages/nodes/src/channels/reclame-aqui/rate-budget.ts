/** A per-connection call budget: `limit` calls per minute on the adapter's clock. */
export interface RateBudget {
  /** Takes one call, keeping `reserve` calls of the minute for others; else says how long to wait. */
  take(key: string, limit: number, reserve?: number): { ok: true } | { ok: false; waitMs: number };
  /** Spends the rest of the minute (the vendor answered 429). */
  exhaust(key: string, waitMs: number): void;
}

/**
 * Fixed one-minute windows per key, like the vendor's limiter, so a sync and the deliveries of
 * one connection share the same 10 calls; it lives in the adapter's process only.
 */
export function createRateBudget(now: () => number): RateBudget {
  const windows = new Map<string, { start: number; used: number; blockedUntil: number }>();
  const windowOf = (key: string) => {
    const at = now();
    let window = windows.get(key);
    if (!window || at - window.start >= 60_000) {
      window = { start: at, used: 0, blockedUntil: window?.blockedUntil ?? 0 };
      windows.set(key, window);
    }
    return window;
  };
  return {
    take(key, limit, reserve = 0) {
      const window = windowOf(key);
      const at = now();
      if (window.blockedUntil > at) return { ok: false, waitMs: window.blockedUntil - at };
      if (window.used + reserve >= limit) return { ok: false, waitMs: window.start + 60_000 - at };
      window.used += 1;
      return { ok: true };
    },
    exhaust(key, waitMs) {
      windowOf(key).blockedUntil = now() + waitMs;
    },
  };
}
