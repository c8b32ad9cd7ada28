import type { InboundItem, Json } from '@attendflow/engine';
import { complaintLink, REPLICA_INTERACTION_TYPE } from './hugme-assumptions.js';
import { detailType, interactionType } from './hugme-enums.js';
import type { ReclameAquiSettings } from './settings.js';

/** The parts of a HugMe ticket (§1.7.1) the plugin reads. */
export interface HugmeTicket {
  id: number;
  source_external_id: string;
  complaint_title: string | null;
  creation_date: string;
  last_modification_date: string;
  ra_status: { id: number };
  hugme_status: { id: number };
  customer?: {
    id?: number;
    name?: string;
    email?: string[];
    phone_numbers?: string[];
    city?: Array<{ name?: string }>;
    state?: Array<{ name?: string; fs?: string }>;
  };
  moderation?: { status: string | null; reason: number | null };
  favorable_assessment?: { id: number };
  interactions?: HugmeInteraction[];
}

/** An interaction (§1.7.2). */
export interface HugmeInteraction {
  ticket_interaction_id: string;
  ticket_interaction_type_id: number;
  customer_id: string | null;
  message: string | null;
  privacy: boolean | string;
  creation_date: string;
  details?: Array<{ ticket_detail_type_id: number; value: string }>;
}

const detailOf = (i: HugmeInteraction, type: number) =>
  i.details?.find((d) => d.ticket_detail_type_id === type)?.value;
const yes = (value: string | undefined) =>
  value === undefined ? undefined : /^(sim|s|yes|true|1)$/i.test(value);

/**
 * The engine items of one ticket, in order: each consumer interaction once (its id is the dedup
 * key), the complaint and every later consumer message able to open an attendance (a réplica on
 * a finished one opens a new attendance), evaluations and moderation decisions as events.
 */
export function itemsOfTicket(
  ticket: HugmeTicket,
  settings: ReclameAquiSettings,
  start: { policies?: Record<string, Json>; retroactive: boolean },
): InboundItem[] {
  const interactions = [...(ticket.interactions ?? [])].sort(
    (a, b) =>
      Date.parse(a.creation_date) - Date.parse(b.creation_date) ||
      Number(a.ticket_interaction_id) - Number(b.ticket_interaction_id),
  );
  const complaint = interactions.find(
    (i) => i.ticket_interaction_type_id === interactionType.complaint,
  );
  const externalId = String(ticket.id);
  const startOf = (text: string) => ({
    subject: ticket.complaint_title ?? `Reclamação ${ticket.source_external_id}`,
    text,
    customer: customerOf(ticket),
    metadata: metadataOf(ticket, complaint, settings, start.retroactive),
    ...(start.policies ? { policies: start.policies } : {}),
  });
  const items: InboundItem[] = [];
  for (const i of interactions) {
    const dedupKey = `ra:${ticket.id}:${i.ticket_interaction_id}`;
    const text = i.message ?? '';
    const isConsumerMessage =
      i === complaint ||
      i.ticket_interaction_type_id === interactionType.consumerPrivate ||
      (i.ticket_interaction_type_id === REPLICA_INTERACTION_TYPE && i.customer_id !== null);
    if (isConsumerMessage) {
      items.push({
        externalId,
        dedupKey,
        start: startOf(text),
        event: {
          type: 'customer.message',
          messageId: i.ticket_interaction_id,
          text,
          attachments: [],
        },
      });
    } else if (i.ticket_interaction_type_id === interactionType.evaluation) {
      const grade = Number(detailOf(i, detailType.grade));
      items.push({
        externalId,
        dedupKey,
        event: {
          type: 'customer.evaluated',
          ...(Number.isFinite(grade) && grade >= 0 && grade <= 10 ? { score: grade } : {}),
          ...optional('resolved', yes(detailOf(i, detailType.resolved))),
          ...optional('wouldDoBusinessAgain', yes(detailOf(i, detailType.wouldDoBusinessAgain))),
          ...(text === '' ? {} : { comment: text }),
        },
      });
    } else if (i.ticket_interaction_type_id === interactionType.moderationDecision) {
      const accepted = yes(detailOf(i, detailType.accepted)) ?? false;
      items.push({
        externalId,
        dedupKey,
        event: {
          type: 'channel.moderation.decided',
          payload: { accepted, reason: ticket.moderation?.reason ?? null },
        },
      });
    }
  }
  return items;
}

const optional = (key: string, value: boolean | undefined) =>
  value === undefined ? {} : { [key]: value };

function customerOf(ticket: HugmeTicket) {
  const c = ticket.customer ?? {};
  return {
    ...(c.id === undefined ? {} : { id: String(c.id) }),
    ...(c.name ? { name: c.name } : {}),
    ...(c.email?.[0] ? { email: c.email[0] } : {}),
    ...(c.phone_numbers?.[0] ? { phone: c.phone_numbers[0] } : {}),
    fields: {
      city: c.city?.[0]?.name ?? null,
      state: c.state?.[0]?.fs ?? c.state?.[0]?.name ?? null,
    },
  };
}

/** What the agent sees: complaint id, city/state, date/time, the link, and the connection's defaults. */
function metadataOf(
  ticket: HugmeTicket,
  complaint: HugmeInteraction | undefined,
  settings: ReclameAquiSettings,
  retroactive: boolean,
): Record<string, Json> {
  const c = ticket.customer ?? {};
  const siteId = complaint ? (detailOf(complaint, detailType.raSiteId) ?? null) : null;
  const defaults = {
    defaultUser: settings.defaultUser,
    defaultSector: settings.defaultSector,
    defaultOccurrenceType: settings.defaultOccurrenceType,
    defaultOccurrence: settings.defaultOccurrence,
    defaultSolution: settings.defaultSolution,
  };
  return {
    complaintId: ticket.source_external_id,
    ticketId: ticket.id,
    city: c.city?.[0]?.name ?? null,
    state: c.state?.[0]?.fs ?? c.state?.[0]?.name ?? null,
    filedAt: ticket.creation_date,
    link: complaintLink(siteId, ticket.source_external_id),
    raStatusId: ticket.ra_status.id,
    hugmeStatusId: ticket.hugme_status.id,
    retroactive,
    ...Object.fromEntries(Object.entries(defaults).filter(([, v]) => v !== undefined && v !== '')),
  };
}
