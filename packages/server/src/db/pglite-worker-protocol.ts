import type { Results, RowMode } from '@electric-sql/pglite';

/**
 * The messages between the server's thread and the thread that runs PGlite
 * (`pglite-worker.mjs`, `pglite-host.ts`, `pglite-remote.ts`). Everything in them survives
 * `postMessage`'s structured clone: no functions, so a caller's parsers are applied on the
 * caller's side to the columns the host left as text.
 */
export type Request =
  | {
      id: number;
      op: 'query';
      text: string;
      params: unknown[];
      rowMode?: RowMode;
      /** Type ids the caller parses itself: the host answers their text as it came. */
      rawTypes?: number[];
      paramTypes?: number[];
      /** The transaction it runs in (from `begin`); none: a statement of its own. */
      tx?: number;
    }
  | { id: number; op: 'exec'; text: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; listener: number }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/** An error as it crosses: its message and its plain fields (PostgreSQL's code, detail, …). */
export interface WireError {
  message: string;
  fields: Record<string, string | number | boolean | null>;
}

export type Reply =
  | { id: number; ok: true; value: Results | Results[] | ArrayBuffer | number | null }
  | { id: number; ok: false; error: WireError }
  | { notify: number; payload: string };

/** What the host needs to open its database. */
export interface HostOptions {
  /** A data directory; none: in memory. */
  dataDir?: string;
}

/** An error's plain fields, for the other side to rebuild it (functions, objects left out). */
export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { message: String(error), fields: {} };
  const fields: WireError['fields'] = { name: error.name };
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      fields[key] = value as string | number | boolean | null;
  }
  return { message: error.message, fields };
}

/** The error a {@link WireError} was, as an `Error` with the same fields. */
export function fromWireError(wire: WireError): Error {
  return Object.assign(new Error(wire.message), wire.fields);
}
