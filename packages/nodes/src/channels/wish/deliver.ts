import type { DeliveryResult, OutboundDelivery } from '@attendflow/engine';
import type { WishCallResult, WishClient } from './api-client.js';
import { describeFailure } from './sync-tickets.js';
import { wrappedTicketSchema, type WishTicket } from './ticket-schema.js';
import { wishSenders, wishStateOf, type WishState } from './wish-v2-assumptions.js';

/** A Wish write: the call, and how to tell from a re-read ticket that it already took effect. */
interface Write {
  path: string;
  params: Record<string, string>;
  doing: string;
  landed(ticket: WishTicket, state: WishState | null): boolean;
}

/** Whether `text` is a merchant reply after the buyer's last message: our reply went through. */
function hasOurReply(ticket: WishTicket, text: string): boolean {
  const replies = ticket.replies.map((r) => r.Reply);
  const lastUser = replies.findLastIndex((r) => r.sender === wishSenders.user);
  return replies.some(
    (r, i) => i > lastUser && r.sender === wishSenders.merchant && r.message.trim() === text.trim(),
  );
}

/** The Wish call for one delivery, or a refusal for what Wish cannot do. */
function writeFor(delivery: OutboundDelivery): Write | string {
  const id = delivery.conversation.externalId;
  if (delivery.kind === 'message') {
    const text = delivery.message?.text ?? '';
    return {
      path: '/ticket/reply',
      params: { id, reply: text },
      doing: 'replying',
      landed: (ticket) => hasOurReply(ticket, text),
    };
  }
  const action = delivery.action ?? { name: '?', payload: {} };
  switch (action.name) {
    // The reply of reply-and-resolve went out before, as its own message.
    case 'ticket.close':
    case 'ticket.reply-and-resolve':
      return {
        path: '/ticket/close',
        params: { id },
        doing: 'closing the ticket',
        landed: (_ticket, state) => state === 'CLOSED' || state === 'PERMANENTLY_CLOSED',
      };
    case 'ticket.appeal':
      return {
        path: '/ticket/appeal-to-wish-support',
        params: { id },
        doing: 'appealing to Wish support',
        landed: (_ticket, state) => state === 'AWAITING_WISH',
      };
    case 'ticket.reopen': {
      const reply = typeof action.payload['reply'] === 'string' ? action.payload['reply'] : '';
      return {
        path: '/ticket/re-open',
        params: { id, reply },
        doing: 're-opening the ticket',
        landed: (ticket, state) =>
          state !== 'CLOSED' && state !== 'PERMANENTLY_CLOSED' && hasOurReply(ticket, reply),
      };
    }
    default:
      return `Wish has no action "${action.name}"`;
  }
}

/**
 * Delivers one message or ticket action. Wish writes are not idempotent, so a retry, a refusal
 * with code 1000 and an answer lost on the way (timeout, reset, 5xx, malformed body) are all
 * settled by re-reading the ticket: if our write is there, it is a success, and nothing is sent
 * twice. Only then is the write (re)tried.
 */
export async function deliverToWish(
  client: WishClient,
  delivery: OutboundDelivery,
  signal: AbortSignal,
): Promise<DeliveryResult> {
  const write = writeFor(delivery);
  if (typeof write === 'string') return { ok: false, retryable: false, error: write };
  const check = () => landedAlready(client, delivery.conversation.externalId, write, signal);
  if (delivery.attempt > 1) {
    const before = await check();
    if (before === true) return { ok: true };
    // Writing blind could duplicate an earlier try that went through.
    if (before === null) {
      return { ok: false, retryable: true, error: `${write.doing}: could not re-read the ticket` };
    }
  }
  const result = await client.post(write.path, write.params, signal);
  if (result.kind === 'ok') return { ok: true };
  if (result.kind === 'rate-limited') {
    return {
      ok: false,
      retryable: true,
      error: describeFailure(write.doing, result),
      ...retryAfter(result),
    };
  }
  if (result.kind === 'auth')
    return { ok: false, retryable: false, error: describeFailure(write.doing, result) };
  // Refused (the earlier try may have applied it) or unknown outcome: look before deciding.
  const after = signal.aborted ? null : await check();
  if (after === true) return { ok: true };
  return {
    ok: false,
    retryable: result.kind === 'unavailable',
    error: describeFailure(write.doing, result),
  };
}

/** True if the ticket shows the write applied, false if not, null if it could not be read. */
async function landedAlready(
  client: WishClient,
  id: string,
  write: Write,
  signal: AbortSignal,
): Promise<boolean | null> {
  const read: WishCallResult = await client.get('/ticket', { id }, signal);
  if (read.kind !== 'ok') return null;
  const parsed = wrappedTicketSchema.safeParse(read.data);
  if (!parsed.success) return null;
  const ticket = parsed.data.Ticket;
  return write.landed(ticket, wishStateOf(ticket.state_id));
}

function retryAfter(result: Extract<WishCallResult, { kind: 'rate-limited' }>) {
  return result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs };
}
