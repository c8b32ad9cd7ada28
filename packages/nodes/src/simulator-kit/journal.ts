/** One request the simulator received, as the control plane shows it. */
export interface JournalEntry {
  seq: number;
  /** Simulated time, ISO. */
  at: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Headers with credentials replaced by `[redacted]`. */
  headers: Record<string, string>;
  body: unknown;
  files: Array<{ field: string; name: string; size: number }>;
  /** The route pattern that matched, or null for 404. */
  route: string | null;
  status: number | null;
  latencyMs: number;
  fault: string | null;
}

const alwaysRedacted = ['authorization', 'cookie', 'x-api-key'];

/** The request journal: append-only until reset, read with `since`. */
export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;
  private readonly redacted: Set<string>;

  private readonly redactedFields: Set<string>;

  constructor(redactHeaders: readonly string[] = [], redactFields: readonly string[] = []) {
    this.redacted = new Set([...alwaysRedacted, ...redactHeaders.map((h) => h.toLowerCase())]);
    this.redactedFields = new Set(redactFields);
  }

  /** A query or body with credential fields replaced by `[redacted]` (top level only). */
  cleanFields<T>(value: T): T {
    if (this.redactedFields.size === 0 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value;
    const clean: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
      clean[name] = this.redactedFields.has(name) ? '[redacted]' : field;
    }
    return clean as T;
  }

  /** Headers fit to show: credentials redacted, arrays joined. */
  cleanHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
    const clean: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      clean[name] = this.redacted.has(name.toLowerCase())
        ? '[redacted]'
        : Array.isArray(value)
          ? value.join(', ')
          : value;
    }
    return clean;
  }

  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const full = { ...entry, seq: ++this.seq };
    this.entries.push(full);
    return full;
  }

  since(seq = 0): JournalEntry[] {
    return this.entries.filter((entry) => entry.seq > seq);
  }

  reset(): void {
    this.entries = [];
    this.seq = 0;
  }
}
