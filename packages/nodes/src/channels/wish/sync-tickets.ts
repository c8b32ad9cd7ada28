import type { InboundItem, Json, SyncContext, SyncResult } from '@attendflow/engine';
import type { WishClient, WishCallResult } from './api-client.js';
import type { WishSettings } from './definition.js';
import { categoryOfTicket, ticketItems } from './ticket-items.js';
import { wrappedTicketSchema, type WishTicket } from './ticket-schema.js';

/** Tickets per `get-action-required` page (the SDK uses 50; ERPs up to 500). */
export const defaultPageSize = 100;
/** Listings per run: offset pages shift as tickets leave the set, so a run re-lists until stable. */
const maxPasses = 4;

/** What a run keeps for the next: each listed ticket's `last_update_date` (unchanged ⇒ skipped). */
interface WishSyncState {
  seen: Record<string, string>;
}

/** A sync run that could not finish; the host records the message and retries later. */
export class WishSyncError extends Error {}

/**
 * One sync run: lists every ticket awaiting the merchant through offset pages, and lists again
 * while a listing still turns up tickets the previous ones missed (a ticket leaving the set moves
 * the others back by one, so offset paging can skip one); tickets whose last update was already
 * seen produce nothing, the others produce their buyer messages.
 */
export async function syncTickets(
  client: WishClient,
  context: SyncContext<WishSettings>,
  pageSize: number = defaultPageSize,
): Promise<SyncResult> {
  const previous = stateOf(context.state);
  const found = new Map<string, WishTicket>();
  let pagesDone = 0;
  for (let pass = 0; pass < maxPasses; pass += 1) {
    const before = found.size;
    const pages = await listOnce(client, context.signal, found, pageSize);
    pagesDone += pages;
    // A single page cannot have shifted under us; otherwise stop once a listing adds nothing.
    if (pages <= 1 || (pass > 0 && found.size === before)) break;
  }
  const seen: Record<string, string> = {};
  const items: InboundItem[] = [];
  for (const ticket of found.values()) {
    seen[ticket.id] = ticket.last_update_date;
    if (previous.seen[ticket.id] === ticket.last_update_date) continue;
    if (!context.settings.categories.includes(categoryOfTicket(ticket))) continue;
    items.push(...ticketItems(ticket, context.settings.defaultLanguage));
  }
  return {
    items,
    state: { seen } satisfies WishSyncState as unknown as Json,
    progress: { pagesDone, pagesKnown: pagesDone, itemsImported: items.length, done: true },
    nextSyncInMs: context.settings.syncIntervalMinutes * 60_000,
  };
}

async function listOnce(
  client: WishClient,
  signal: AbortSignal,
  found: Map<string, WishTicket>,
  pageSize: number,
): Promise<number> {
  let pages = 0;
  for (let start = 0; ; start += pageSize) {
    const result = await client.get(
      '/ticket/get-action-required',
      { start: String(start), limit: String(pageSize) },
      signal,
    );
    if (result.kind !== 'ok') throw new WishSyncError(describeFailure('listing tickets', result));
    pages += 1;
    const list = Array.isArray(result.data) ? result.data : [];
    for (const entry of list) {
      const parsed = wrappedTicketSchema.safeParse(entry);
      if (parsed.success) found.set(parsed.data.Ticket.id, parsed.data.Ticket);
    }
    if (!result.hasNext || list.length === 0) return pages;
  }
}

function stateOf(state: Json | null): WishSyncState {
  const seen = (state as { seen?: unknown } | null)?.seen;
  return {
    seen: seen !== null && typeof seen === 'object' ? (seen as Record<string, string>) : {},
  };
}

/** One line for the admin about a failed call; never the token. */
export function describeFailure(
  doing: string,
  result: Exclude<WishCallResult, { kind: 'ok' }>,
): string {
  switch (result.kind) {
    case 'auth':
      return `${doing}: Wish refused the access token (code ${result.code}: ${result.message || 'unauthorized'}); update the connection`;
    case 'refused':
      return `${doing}: Wish answered code ${result.code}: ${result.message}`;
    case 'rate-limited':
      return `${doing}: Wish is rate limiting (HTTP 429)`;
    case 'unavailable':
      return `${doing}: ${result.detail}`;
  }
}
