/** The simulated time every simulator reads: all vendor timestamps derive from it. */
export interface SimClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
  /** Runs `listener` after every `set` / `advance` (token expiry, deadlines, retries). */
  onChange(listener: (now: number) => void): void;
}

/** A clock that follows real time from `start` until it is set or advanced. */
export function createSimClock(start: number = Date.now()): SimClock {
  let offset = start - Date.now();
  const listeners: Array<(now: number) => void> = [];
  const now = () => Date.now() + offset;
  const changed = () => {
    for (const listener of listeners) listener(now());
  };
  return {
    now,
    set(ms) {
      offset = ms - Date.now();
      changed();
    },
    advance(ms) {
      offset += ms;
      changed();
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
