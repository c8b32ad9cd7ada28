// Long on purpose: every key of the captured ticket (§1.7.1) is rendered, sentinels included.
import {
  detailType,
  hugmeStatus,
  interactionNames,
  none,
  raStatus,
  type StatusEntry,
} from '../hugme-enums.js';

/** An interaction detail, as HugMe renders it (§1.7.2). */
export interface SimDetail {
  ticket_detail_id: string;
  ticket_detail_type_id: number;
  name: string;
  value: string;
  code: null;
  privacy: boolean;
  creation_date: string;
  modification_date: null;
}

/** An interaction (§1.7.2). */
export interface SimInteraction {
  ticket_interaction_id: string;
  ticket_interaction_type_id: number;
  ticket_interaction_name: string;
  customer_id: string | null;
  responsible_id: number | null;
  responsible_name: string | null;
  message: string;
  privacy: boolean;
  creation_date: string;
  modification_date: null;
  delivered: boolean;
  readed: boolean;
  visualized: boolean;
  video: null;
  picture: null;
  details: SimDetail[];
}

/** A ticket as `GET /ticket/v1/tickets` renders it (§1.7.1): every key present. */
export type SimTicketJson = Record<string, unknown> & {
  id: number;
  source_external_id: string;
  hugme_status: StatusEntry;
  ra_status: StatusEntry;
  company: { id: number; name: string };
  active: boolean;
  frozen: boolean;
  creation_date: string;
  last_modification_date: string;
  interactions: SimInteraction[];
  moderation: {
    status: string | null;
    reason: number | null;
    request_date: string | null;
    response_date: string | null;
    user: { id: number; name: string | null };
  };
};

/** What the simulator keeps per ticket besides its JSON. */
export interface SimTicket {
  json: SimTicketJson;
  privateThreadOpen: boolean;
  migrateTo: number | null;
  /** ra_status before a freeze, restored on unfreeze. */
  beforeFreeze: StatusEntry | null;
  lastMessageAt: number | null;
}

/** A new complaint, as `POST /__sim/ra/complaints` takes it. */
export interface ComplaintInput {
  title: string;
  content: string;
  customer: {
    name: string;
    email: string;
    city: string;
    state: string;
    stateCode: string;
    phone?: string;
  };
  companyId: number;
  companyName: string;
  subject: string;
  attachments: string[];
  createdAt: string;
}

type Ids = { next(prefix: string, width?: number): string };

/** A detail with the next detail id. */
export function detail(ids: Ids, type: number, name: string, value: string, at: string): SimDetail {
  return {
    ticket_detail_id: ids.next('3550', 5),
    ticket_detail_type_id: type,
    name,
    value,
    code: null,
    privacy: false,
    creation_date: at,
    modification_date: null,
  };
}

/** An interaction with the next interaction id. */
export function interaction(
  ids: Ids,
  input: {
    type: number;
    message: string;
    privacy: boolean;
    at: string;
    customerId?: string;
    responsible?: { id: number; name: string };
    details?: SimDetail[];
  },
): SimInteraction {
  return {
    ticket_interaction_id: ids.next('1600', 5),
    ticket_interaction_type_id: input.type,
    ticket_interaction_name: interactionNames[input.type] ?? 'Interação',
    customer_id: input.customerId ?? null,
    responsible_id: input.responsible?.id ?? null,
    responsible_name: input.responsible?.name ?? null,
    message: input.message,
    privacy: input.privacy,
    creation_date: input.at,
    modification_date: null,
    delivered: true,
    readed: false,
    visualized: false,
    video: null,
    picture: null,
    details: input.details ?? [],
  };
}

/** A brand-new complaint: ra 5, hugme 21, the complaint interaction with its details (§8.2). */
export function newTicket(ids: Ids, input: ComplaintInput, now: string): SimTicket {
  const id = Number(ids.next('435', 4));
  const customerId = ids.next('50', 4);
  const at = input.createdAt;
  const siteId = ids.next('aB3dE5', 6);
  const details = [
    detail(ids, detailType.subject, 'Assunto', input.subject, at),
    detail(ids, detailType.subjectId, 'Assunto ID', '27', at),
    detail(ids, detailType.ip, 'IP', '203.0.113.7', at),
    detail(ids, detailType.contact, 'Contato 1', input.customer.phone ?? '11900000000', at),
    ...input.attachments.map((url) => detail(ids, detailType.attachment, 'Anexo', url, at)),
    detail(ids, detailType.raSiteId, 'ID Site RA', siteId, at),
  ];
  const complaint = interaction(ids, {
    type: 1,
    message: input.content,
    privacy: false,
    at,
    customerId,
    details,
  });
  const json: SimTicketJson = {
    id,
    _id: `65f0c0a1b2c3d4e5f6a7${String(id).padStart(4, '0').slice(-4)}`,
    source_external_id: ids.next('12000', 4),
    hugme_status: hugmeStatus.new,
    ra_status: raStatus.notAnswered,
    favorable_assessment: { id: 0, description: 'Não Solicitado' },
    information_source: { id: 1, name: 'RA Reclamação' },
    source: { id: 1, name: 'ReclameAQUI' },
    company: { id: input.companyId, name: input.companyName },
    last_feeling: none,
    feed_type: none,
    moderation: {
      user: { id: -1, name: null },
      status: null,
      reason: null,
      request_date: null,
      response_date: null,
    },
    ra: {
      replicas_count: 0,
      source_id: 1,
      source_name: 'Site',
      deactivation_date: null,
      deactivation_reason: null,
      internal_process: true,
      blackfriday: false,
    },
    customer: {
      id: Number(customerId),
      duplicate_id: -1,
      name: input.customer.name,
      email: [input.customer.email],
      cpf: ['00000000000'],
      rg: [],
      phone_numbers: [input.customer.phone ?? '11900000000'],
      birthday: [],
      gender: [],
      photo: [],
      cnpj: [],
      company_name: '[]',
      city: [{ id: 391, name: input.customer.city }],
      state: [{ id: 26, name: input.customer.state, fs: input.customer.stateCode }],
      type: 'Private Person',
      tags: [],
      pending_tickets_count: 0,
    },
    user: none,
    account: none,
    rafone: { expiration_date: null, status_id: -1, status_name: null },
    can_like: false,
    commentary: false,
    filed: false,
    frozen: false,
    active: true,
    creation_date: at,
    insertion_date: now,
    last_modification_date: now,
    closed_date: null,
    complaint_title: input.title,
    complaint_content: input.content,
    ra_reason: input.subject,
    ra_feeling: null,
    complaint_response_content: null,
    complaint_response_date: null,
    request_moderation: true,
    request_evaluation: false,
    interactions_count: 1,
    interactions_not_readed_count: 1,
    resolved_issue: false,
    back_doing_business: false,
    rating: '-1',
    rating_date: null,
    rating_time: null,
    consumer_consideration: null,
    consumer_consideration_date: null,
    company_consideration: null,
    company_consideration_date: null,
    private_treatment_time: null,
    public_treatment_time: null,
    comments_count: 0,
    redistributions_count: 0,
    redistributions_reason: null,
    ticket_moderations_count: 0,
    ticket_messages_count: 0,
    last_replica_date: null,
    contact_us: null,
    rating_without_response: false,
    hugme_ticket_type: null,
    customer_interactions_count: 1,
    company_interactions_count: 0,
    assignment_count: 0,
    rule_id: 6533,
    duplicate_ticket: [],
    tags: [],
    extra_data: {},
    sticky_notes: [],
    autos: [],
    personalized_fields: [],
    categories: [],
    attached: input.attachments.map((url) => ({
      id: ids.next('9000', 5),
      type_detail_id: 15,
      name: 'Anexo',
      detail_description: url,
      creation_date: at,
      privacy: false,
    })),
    historical: [
      {
        id: Number(ids.next('7000', 5)),
        creation_date: now,
        type: { id: 1, name: 'CRIACAO' },
        user: { id: -1, name: null, email: null },
        auto: { id: -1, name: null },
      },
    ],
    interactions: [complaint],
  };
  return {
    json,
    privateThreadOpen: true,
    migrateTo: null,
    beforeFreeze: null,
    lastMessageAt: null,
  };
}

/** Appends an interaction and bumps the ticket's counters and modification date. */
export function appendInteraction(ticket: SimTicket, added: SimInteraction, now: string): void {
  const { json } = ticket;
  json.interactions.push(added);
  json['interactions_count'] = json.interactions.length;
  const byConsumer = added.customer_id !== null;
  const counter = byConsumer ? 'customer_interactions_count' : 'company_interactions_count';
  json[counter] = Number(json[counter]) + 1;
  if (byConsumer)
    json['interactions_not_readed_count'] = Number(json['interactions_not_readed_count']) + 1;
  json.last_modification_date = now;
}
