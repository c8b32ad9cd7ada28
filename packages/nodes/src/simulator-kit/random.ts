/** A seeded pseudo-random source (mulberry32): the same seed gives the same faults. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sequential ids per prefix (`d-000001`), reset with the simulator. */
export interface IdSource {
  next(prefix: string, width?: number): string;
  /** Ids handed out from now on count on from at least `floor` (see `SimServer.raiseIds`). */
  raise(floor: number): void;
  reset(): void;
}

/** An {@link IdSource} starting at 1 for every prefix. */
export function createIdSource(): IdSource {
  const counters = new Map<string, number>();
  let floor = 0;
  return {
    next(prefix, width = 6) {
      const n = Math.max(counters.get(prefix) ?? 0, floor) + 1;
      counters.set(prefix, n);
      return `${prefix}${String(n).padStart(width, '0')}`;
    },
    raise(to) {
      floor = Math.max(floor, to);
    },
    reset() {
      counters.clear();
      floor = 0;
    },
  };
}
