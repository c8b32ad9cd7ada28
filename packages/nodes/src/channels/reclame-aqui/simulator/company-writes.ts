// The company's writes on a ticket and the state changes §8.2 gives them (public answer, private
// message, evaluation and moderation requests).
import type { SimFile } from '../../../simulator-kit/request-body.js';
import { evaluationRequested, moderationStatus } from '../hugme-assumptions.js';
import { detailType, hugmeStatus, interactionType, raStatus } from '../hugme-enums.js';
import { HugmeError, type RaStore } from './ra-store.js';
import { appendInteraction, detail, interaction, type SimTicket } from './ticket-model.js';

type Ids = { next(prefix: string, width?: number): string };
const DAY_MS = 86_400_000;
const evaluatedIds = new Set<number>([
  raStatus.evaluated.id,
  raStatus.evaluatedResolved.id,
  raStatus.evaluatedNotResolved.id,
]);

function assertWritable(ticket: SimTicket): void {
  const { json } = ticket;
  if (!json.active || json.frozen) throw new HugmeError(409, 'ticket is not active');
  if (
    json.ra_status.id === raStatus.deactivatedByConsumer.id ||
    json.ra_status.id === raStatus.inactive.id
  )
    throw new HugmeError(409, 'ticket is inactive on Reclame Aqui');
}

function spacingWarning(store: RaStore, ticket: SimTicket): void {
  const min = store.config.minSecondsBetweenMessages * 1000;
  const now = store.clock.now();
  if (min > 0 && ticket.lastMessageAt !== null && now - ticket.lastMessageAt < min)
    store.warnings.push(
      `ticket ${ticket.json.id}: messages ${now - ticket.lastMessageAt} ms apart`,
    );
  ticket.lastMessageAt = now;
}

/** `POST message/public`: a type-2 interaction; ra 5→6 (first answer), 7→8; hugme → 2. */
export function publicAnswer(store: RaStore, ids: Ids, ticket: SimTicket, message: string): void {
  assertWritable(ticket);
  if (message.trim() === '') throw new HugmeError(400, 'message is required');
  const now = store.now();
  const { json } = ticket;
  spacingWarning(store, ticket);
  appendInteraction(
    ticket,
    interaction(ids, {
      type: interactionType.publicAnswer,
      message,
      privacy: false,
      at: now,
      responsible: store.config.responsible,
    }),
    now,
  );
  if (json.ra_status.id === raStatus.notAnswered.id) {
    json.ra_status = raStatus.answered;
    json['complaint_response_content'] = message;
    json['complaint_response_date'] = now;
    json['public_treatment_time'] = String(
      Math.round((Date.parse(now) - Date.parse(json.creation_date)) / 1000),
    );
  } else if (json.ra_status.id === raStatus.consumerReplica.id) {
    json.ra_status = raStatus.companyReplica;
  }
  if (!evaluatedIds.has(json.ra_status.id)) json.hugme_status = hugmeStatus.answered;
  json['request_evaluation'] = !evaluatedIds.has(json.ra_status.id);
  store.changed(ticket);
}

/** `POST message/private`: a type-3 interaction, e-mailed to the consumer; ra unchanged. */
export function privateMessage(
  store: RaStore,
  ids: Ids,
  ticket: SimTicket,
  input: { message: string; email: string | undefined; file: SimFile | undefined },
): void {
  assertWritable(ticket);
  if (input.message.trim() === '') throw new HugmeError(400, 'message is required');
  if (store.config.privateMessageRequiresEmail && !input.email)
    throw new HugmeError(400, 'email is required');
  if (!ticket.privateThreadOpen) throw new HugmeError(409, 'the private thread is closed');
  const now = store.now();
  const { json } = ticket;
  spacingWarning(store, ticket);
  const details = input.file ? [storeFile(store, ids, input.file, now)] : [];
  appendInteraction(
    ticket,
    interaction(ids, {
      type: interactionType.companyPrivate,
      message: input.message,
      privacy: true,
      at: now,
      responsible: store.config.responsible,
      details,
    }),
    now,
  );
  json['private_treatment_time'] ??= String(
    Math.round((Date.parse(now) - Date.parse(json.creation_date)) / 1000),
  );
  json['ticket_messages_count'] = Number(json['ticket_messages_count']) + 1;
  if (
    [hugmeStatus.new.id, hugmeStatus.queued.id, hugmeStatus.pending.id].includes(
      json.hugme_status.id as 1 | 16 | 21,
    )
  )
    json.hugme_status = hugmeStatus.answered;
  store.changed(ticket);
}

function storeFile(store: RaStore, ids: Ids, file: SimFile, at: string) {
  const added = detail(ids, detailType.attachment, 'Anexo', file.name, at);
  store.files.set(added.ticket_detail_id, { file, expiresAt: Number.POSITIVE_INFINITY });
  return added;
}

/** `POST evaluation`: only after the company's public answer, and once (else 409). */
export function requestEvaluation(store: RaStore, ticket: SimTicket): void {
  assertWritable(ticket);
  const { json } = ticket;
  const lastPublic = [...json.interactions].reverse().find((i) => !i.privacy);
  if (
    lastPublic?.ticket_interaction_type_id !== interactionType.publicAnswer ||
    evaluatedIds.has(json.ra_status.id) ||
    json.hugme_status.id === hugmeStatus.awaitingEvaluation.id
  )
    throw new HugmeError(409, 'evaluation not allowed');
  json['favorable_assessment'] = evaluationRequested;
  json['request_evaluation'] = false;
  json.hugme_status = hugmeStatus.awaitingEvaluation;
  json.last_modification_date = store.now();
  store.changed(ticket);
}

/** `POST moderation`: reason codes, `migrateTO` iff reason 1, RA's rules on reasons 1 and 16. */
export function requestModeration(
  store: RaStore,
  ids: Ids,
  ticket: SimTicket,
  input: {
    reason: number;
    message: string;
    migrateTo: string | undefined;
    file: SimFile | undefined;
  },
): string {
  const { json } = ticket;
  if (!store.config.acceptedModerationReasons.includes(input.reason))
    throw new HugmeError(400, `reason ${input.reason} is not accepted`);
  if ((input.reason === 1) !== (input.migrateTo !== undefined && input.migrateTo !== ''))
    throw new HugmeError(
      400,
      input.reason === 1
        ? 'migrateTO is required with reason 1'
        : 'migrateTO only goes with reason 1',
    );
  if (input.message.trim() === '') throw new HugmeError(400, 'message is required');
  if (store.hasPendingModeration(ticket))
    throw new HugmeError(409, 'a moderation is already pending');
  const age = store.clock.now() - Date.parse(json.creation_date);
  if (store.config.moderationRules) {
    if (input.reason === 1 && (json.ra_status.id !== raStatus.notAnswered.id || age >= 15 * DAY_MS))
      throw new HugmeError(422, 'reason 1 only on unanswered complaints younger than 15 days');
    if (input.reason === 16 && age >= 15 * DAY_MS)
      throw new HugmeError(422, 'reason 16 only on complaints younger than 15 days');
  }
  const now = store.now();
  const caseNumber = ids.next('MED-', 5);
  const details = [
    detail(ids, detailType.moderationReason, 'Motivo da mediação', input.message, now),
    detail(ids, detailType.reasonId, 'Motivo ID', String(input.reason), now),
    detail(ids, detailType.moderationCase, 'Mediação', caseNumber, now),
    ...(input.file ? [storeFile(store, ids, input.file, now)] : []),
  ];
  appendInteraction(
    ticket,
    interaction(ids, {
      type: interactionType.moderationRequest,
      message: input.message,
      privacy: true,
      at: now,
      responsible: store.config.responsible,
      details,
    }),
    now,
  );
  json.moderation = {
    status: moderationStatus.pending,
    reason: input.reason,
    request_date: now,
    response_date: null,
    user: { ...store.config.responsible },
  };
  json['ticket_moderations_count'] = Number(json['ticket_moderations_count']) + 1;
  json['request_moderation'] = false;
  ticket.migrateTo = input.reason === 1 ? Number(input.migrateTo) : null;
  store.changed(ticket);
  return caseNumber;
}
