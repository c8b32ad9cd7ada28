/** Undo/redo stacks around a present value; `key` lets consecutive edits of one thing merge. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The coalescing key of the last commit, if any. */
  key: string | null;
}

const limit = 200;

/** A history with nothing to undo. */
export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], key: null };
}

/**
 * Records `next` as the present. A commit with the same non-null `key` as the previous one
 * replaces the present instead of adding a step (a drag, typing in one field).
 */
export function commit<T>(history: History<T>, next: T, key: string | null = null): History<T> {
  if (next === history.present) return history;
  if (key !== null && key === history.key) return { ...history, present: next, future: [] };
  return {
    past: [...history.past, history.present].slice(-limit),
    present: next,
    future: [],
    key,
  };
}

/** Steps back once; a no-op with nothing to undo. */
export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    key: null,
  };
}

/** Steps forward once; a no-op with nothing to redo. */
export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, key: null };
}
