import type { ConversationDetail } from '../api/conversations-api';

/** What the conversation header shows of a Reclame Aqui complaint. */
export interface ComplaintFacts {
  kind: 'complaint';
  title: string | null;
  city: string | null;
  state: string | null;
  filedAt: string | null;
  complaintId: string | null;
  link: string | null;
}

/** What the conversation header shows of a Wish ticket. */
export interface TicketFacts {
  kind: 'ticket';
  category: string | null;
  /** Null without a deadline; negative once it has passed. */
  timeLeftMs: number | null;
}

/** The channel's facts of a conversation, or null for channels without any. */
export type ChannelFacts = ComplaintFacts | TicketFacts;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : null;

/** The start event's metadata: what the channel adapter said of the conversation. */
export function metadataOf(detail: Pick<ConversationDetail, 'events'>): Record<string, unknown> {
  const started = detail.events.find((e) => e.type === 'conversation.started');
  const metadata = started?.payload['metadata'];
  return typeof metadata === 'object' && metadata !== null
    ? (metadata as Record<string, unknown>)
    : {};
}

/** Reads the header facts from the metadata the channel's adapter writes (RA: ticket-items.ts). */
export function channelFactsOf(
  detail: Pick<ConversationDetail, 'channel' | 'subject' | 'answerDueAt' | 'events'>,
  now: number,
): ChannelFacts | null {
  const metadata = metadataOf(detail);
  if (detail.channel === 'reclame-aqui') {
    return {
      kind: 'complaint',
      title: detail.subject,
      city: text(metadata['city']),
      state: text(metadata['state']),
      filedAt: text(metadata['filedAt']),
      complaintId: text(metadata['complaintId']),
      link: safeLink(metadata['link']),
    };
  }
  if (detail.channel === 'wish') {
    return {
      kind: 'ticket',
      category: text(metadata['category']),
      timeLeftMs: detail.answerDueAt === null ? null : Date.parse(detail.answerDueAt) - now,
    };
  }
  return null;
}

/** Only http(s) links become anchors: the metadata comes from outside. */
function safeLink(value: unknown): string | null {
  const link = text(value);
  return link && /^https?:\/\//i.test(link) ? link : null;
}

/** Splits a duration into whole hours and minutes (for "31 h 05 min left"). */
export function hoursAndMinutes(ms: number): { hours: number; minutes: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
