import type { Database } from '../db/database.js';
import {
  createLocalLiveBus,
  type LiveBus,
  type LiveUpdate,
  type LocalLiveBus,
} from './live-bus.js';

/** The PostgreSQL notification channel live updates travel on. */
export const liveChannel = 'attendflow_live';

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; keep a margin.
const maxPayloadBytes = 7_900;

/** A live bus whose updates cross processes; `ready` settles once this process listens. */
export interface PgLiveBus extends LiveBus {
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * A live bus over PostgreSQL LISTEN/NOTIFY: every process, the publisher included, receives
 * updates through the notification, so one process and many behave the same. Updates published
 * in the same tick share one NOTIFY; the updates of a committed step or delivery travel in that
 * very statement (`payloadsOf`: `pg_notify` inside it, sent on commit). An update too large for a
 * payload keeps only its small fields and says `truncated: true` (subscribers re-read what they
 * need). On PGlite, one process
 * by construction, the same payloads are delivered in memory instead of through NOTIFY.
 */
export function createPgLiveBus(
  database: Database,
  local: LocalLiveBus = createLocalLiveBus(),
  onError: (error: unknown) => void = () => undefined,
): PgLiveBus {
  const receive = (payload: string) => {
    // Nobody here watches (no console, designer or widget open): nothing to read.
    if (!local.isListened()) return;
    for (const update of decode(payload)) {
      try {
        local.deliver(update);
      } catch (error) {
        onError(error);
      }
    }
  };
  const listening = database.listen(liveChannel, receive);
  const ready = listening.then(() => undefined);
  ready.catch(onError);
  let pending: string[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let isScheduled = false;

  const flush = async () => {
    isScheduled = false;
    const batch = pending;
    pending = [];
    await ready;
    // One after another: concurrent NOTIFYs on a pool could reach listeners out of order.
    for (const payload of pack(batch)) {
      // PGlite is one process (its data directory is locked): the payload goes round in memory,
      // not through a statement that would wait behind the steps on its one connection.
      if (database.kind === 'pglite') receive(payload);
      else await database.notify(liveChannel, payload);
    }
  };

  return {
    ready,
    publish(update) {
      pending.push(encode(update));
      if (isScheduled) return;
      isScheduled = true;
      flushing = flushing.then(flush).catch(onError);
    },
    subscribe: (topic, listener) => local.subscribe(topic, listener),
    // PGlite: the same payloads go round in memory after the commit (see flush).
    payloadsOf: (updates) => (database.kind === 'pglite' ? null : pack(updates.map(encode))),
    async close() {
      await flushing;
      try {
        await (
          await listening
        )();
      } catch {
        // The database may already be closed, which ends the subscription too.
      }
    },
  };
}

function encode(update: LiveUpdate): string {
  const text = JSON.stringify(update);
  if (Buffer.byteLength(text) + 2 <= maxPayloadBytes) return text;
  const small: Record<string, unknown> = { truncated: true };
  for (const [key, value] of Object.entries(update.data)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      if (typeof value !== 'string' || value.length <= 200) small[key] = value;
    }
  }
  return JSON.stringify({ topic: update.topic.slice(0, 200), type: update.type, data: small });
}

/** Groups encoded updates into JSON arrays that each fit one payload. */
function pack(encoded: string[]): string[] {
  const payloads: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const text of encoded) {
    const bytes = Buffer.byteLength(text) + 1;
    if (current.length > 0 && size + bytes > maxPayloadBytes) {
      payloads.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(text);
    size += bytes;
  }
  if (current.length > 0) payloads.push(`[${current.join(',')}]`);
  return payloads;
}

/** Reads a payload; anything not shaped like our updates (another sender) is ignored. */
function decode(payload: string): LiveUpdate[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (item): item is LiveUpdate =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as LiveUpdate).topic === 'string' &&
      typeof (item as LiveUpdate).type === 'string' &&
      typeof (item as LiveUpdate).data === 'object' &&
      (item as LiveUpdate).data !== null,
  );
}
