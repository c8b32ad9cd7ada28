import type { SimClock } from './clock.js';

/** A fixed-window request budget per key (credential, chat …) on the simulated clock. */
export interface RateLimiter {
  /** Takes one request from `key`'s budget, or says how long until the window resets. */
  take(key: string): { ok: true; remaining: number } | { ok: false; retryAfterMs: number };
  reset(): void;
}

/** `limit` requests per `windowMs` for each key; `limit` 0 turns the limiter off. */
export function createRateLimiter(options: {
  clock: SimClock;
  limit: () => number;
  windowMs: number;
}): RateLimiter {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    take(key) {
      const limit = options.limit();
      if (limit <= 0) return { ok: true, remaining: Number.POSITIVE_INFINITY };
      const now = options.clock.now();
      let window = windows.get(key);
      if (!window || now - window.start >= options.windowMs) {
        window = { start: now, used: 0 };
        windows.set(key, window);
      }
      if (window.used >= limit) {
        return { ok: false, retryAfterMs: window.start + options.windowMs - now };
      }
      window.used += 1;
      return { ok: true, remaining: limit - window.used };
    },
    reset() {
      windows.clear();
    },
  };
}
