import type { InboundItem, Json, SyncContext, SyncResult } from '@attendflow/engine';
import {
  DAY_START_UTC_OFFSET_HOURS,
  PAGE_SIZE_MAX,
  SYNC_RESERVED_CALLS,
  SYNC_SKEW_MS,
} from './hugme-assumptions.js';
import { HugmeCallError, type HugmeClient } from './hugme-client.js';
import { reclameAqui } from './definition.js';
import type { ReclameAquiSettings } from './settings.js';
import { itemsOfTicket, type HugmeTicket } from './ticket-items.js';

/** Where the sync stands between runs (kept by the host in channel_sync). */
interface SyncState {
  /** `import` until the first pass over the retroactive months is through, then `live`. */
  phase: 'import' | 'live';
  /** Read from this `last_modification_date` on… */
  from: string;
  /** …skipping these tickets already read at exactly `from`, … */
  seenAtFrom: number[];
  /** Set when a whole page shared `from`: read that date alone by id after this one, then past it. */
  tieAfterId: number | null;
  /** Read strictly after `from` (just past a tie). */
  strictlyAfter: boolean;
  /** The newest change read so far: the next live window starts just before it. */
  newest: string | null;
  pagesDone: number;
  pagesKnown: number;
  itemsImported: number;
}

/** Midnight (Brasília) `months` months before `now`; 0 = today. */
export function windowStart(now: number, months: number): string {
  const offset = DAY_START_UTC_OFFSET_HOURS * 3_600_000;
  const local = new Date(now + offset);
  local.setUTCHours(0, 0, 0, 0);
  local.setUTCMonth(local.getUTCMonth() - months);
  return new Date(local.getTime() - offset).toISOString();
}

/**
 * One sync run: pages of tickets by `last_modification_date` (ascending, then id), each page's
 * last date the next page's lower bound — keyset paging, so a ticket that changes while we page
 * moves forward and is read again rather than shifting another one past us. Runs within the
 * connection's budget (leaving calls to deliveries) and comes back when the minute resets.
 */
export async function syncTickets(
  client: HugmeClient,
  context: SyncContext<ReclameAquiSettings>,
): Promise<SyncResult> {
  const { settings, now, signal } = context;
  const state = startState(context.state, settings, now);
  const intervalMs = settings.syncIntervalMinutes * 60_000;
  const policies = reclameAqui.policiesFrom?.(settings) as Record<string, Json> | undefined;
  const items: InboundItem[] = [];
  let exhausted = false;
  let waitMs = 0;
  while (!exhausted) {
    let body: unknown;
    try {
      body = await client.call(
        settings,
        {
          method: 'GET',
          path: '/ticket/v1/tickets',
          query: queryOf(state, settings),
          reserve: SYNC_RESERVED_CALLS,
        },
        signal,
      );
    } catch (error) {
      // Out of budget (ours or the vendor's): keep what was read, come back when it resets.
      if (error instanceof HugmeCallError && error.status === 429) {
        waitMs = error.retryAfterMs ?? 60_000;
        break;
      }
      throw error;
    }
    const page = pageOf(body);
    const fresh = page.data.filter(
      (t) => !(t.last_modification_date === state.from && state.seenAtFrom.includes(t.id)),
    );
    for (const ticket of fresh)
      items.push(
        ...itemsOfTicket(ticket, settings, {
          ...(policies ? { policies } : {}),
          retroactive: state.phase === 'import',
        }),
      );
    state.pagesDone += 1;
    state.pagesKnown =
      state.pagesDone + Math.ceil(Math.max(0, page.total - page.data.length) / PAGE_SIZE_MAX);
    if (state.phase === 'import') state.itemsImported += fresh.length;
    const last = page.data.at(-1);
    if (last) state.newest = maxDate(state.newest, last.last_modification_date);
    const short = page.data.length < PAGE_SIZE_MAX;
    if (short && state.tieAfterId !== null) {
      // The tie is read: go on strictly after that date (the ids read there are all behind us).
      state.tieAfterId = null;
      state.seenAtFrom = [];
      state.strictlyAfter = true;
      continue;
    }
    exhausted = short;
    if (!last || exhausted) break;
    state.strictlyAfter = false;
    state.from = last.last_modification_date;
    if (page.data.every((t) => t.last_modification_date === state.from)) {
      // A whole page on one date: read the rest of that date by id.
      state.tieAfterId = last.id;
      state.seenAtFrom = [];
    } else {
      state.seenAtFrom = page.data
        .filter((t) => t.last_modification_date === state.from)
        .map((t) => t.id);
    }
  }
  const progress = {
    pagesDone: state.pagesDone,
    pagesKnown: Math.max(state.pagesKnown, state.pagesDone),
    itemsImported: state.itemsImported,
    done: exhausted,
  };
  if (exhausted) {
    // The next window overlaps this one by the skew; the runtime drops what it already has.
    state.phase = 'live';
    state.from = new Date(Date.parse(state.newest ?? state.from) - SYNC_SKEW_MS).toISOString();
    state.seenAtFrom = [];
    state.tieAfterId = null;
    state.strictlyAfter = false;
  }
  return {
    items,
    state: state as unknown as Json,
    progress,
    nextSyncInMs: exhausted ? intervalMs : Math.max(1_000, waitMs),
  };
}

function startState(saved: Json | null, settings: ReclameAquiSettings, now: number): SyncState {
  const previous = saved as SyncState | null;
  if (previous?.phase === 'import') return { ...previous };
  if (previous?.phase === 'live') return { ...previous, pagesDone: 0, pagesKnown: 0 };
  return {
    phase: 'import',
    from: windowStart(now, settings.retroactiveMonths),
    seenAtFrom: [],
    tieAfterId: null,
    strictlyAfter: false,
    newest: null,
    pagesDone: 0,
    pagesKnown: 0,
    itemsImported: 0,
  };
}

function queryOf(state: SyncState, settings: ReclameAquiSettings): Record<string, string> {
  const window: Record<string, string> =
    state.tieAfterId !== null
      ? { 'last_modification_date[eq]': state.from, 'id[gt]': String(state.tieAfterId) }
      : { [`last_modification_date[${state.strictlyAfter ? 'gt' : 'gte'}]`]: state.from };
  return {
    ...window,
    'sort[last_modification_date]': 'ASC',
    'sort[id]': 'ASC',
    'page[size]': String(PAGE_SIZE_MAX),
    'page[number]': '1',
    ...(settings.companyPageId ? { 'company.id[eq]': settings.companyPageId } : {}),
  };
}

function pageOf(body: unknown): { data: HugmeTicket[]; total: number } {
  const envelope = body as { data?: unknown; meta?: { total?: unknown } } | null;
  if (!envelope || !Array.isArray(envelope.data))
    throw new HugmeCallError('the ticket list came back without data', 200, true);
  const data = envelope.data as HugmeTicket[];
  return {
    data,
    total: typeof envelope.meta?.total === 'number' ? envelope.meta.total : data.length,
  };
}

const maxDate = (a: string | null, b: string) =>
  a === null || Date.parse(b) > Date.parse(a) ? b : a;
