// What the consumer and Reclame Aqui do to a ticket (the actor side of §8.2 and §1.9).
import { moderationStatus, REPLICA_INTERACTION_TYPE } from '../hugme-assumptions.js';
import { detailType, hugmeStatus, interactionType, raStatus } from '../hugme-enums.js';
import { HugmeError, type RaStore } from './ra-store.js';
import { appendInteraction, detail, interaction, type SimTicket } from './ticket-model.js';

type Ids = { next(prefix: string, width?: number): string };

const customerIdOf = (ticket: SimTicket) => String((ticket.json['customer'] as { id: number }).id);

/** A public réplica on the site: ra 6/8 → 7, replicas counted, hugme back to pending. */
export function consumerReplica(
  store: RaStore,
  ids: Ids,
  ticket: SimTicket,
  message: string,
): void {
  const { json } = ticket;
  if (
    ![raStatus.answered.id, raStatus.companyReplica.id, raStatus.consumerReplica.id].includes(
      json.ra_status.id as 6 | 7 | 8,
    ) &&
    !isEvaluated(ticket)
  )
    throw new HugmeError(409, 'a réplica needs a company answer first');
  const now = store.now();
  appendInteraction(
    ticket,
    interaction(ids, {
      type: REPLICA_INTERACTION_TYPE,
      message,
      privacy: false,
      at: now,
      customerId: customerIdOf(ticket),
    }),
    now,
  );
  if (!isEvaluated(ticket)) json.ra_status = raStatus.consumerReplica;
  const ra = json['ra'] as { replicas_count: number };
  ra.replicas_count += 1;
  json['last_replica_date'] = now;
  json.hugme_status = hugmeStatus.pending;
  store.changed(ticket);
}

/** A private message from the consumer: type 6; it re-opens the private thread. */
export function consumerPrivate(
  store: RaStore,
  ids: Ids,
  ticket: SimTicket,
  message: string,
): void {
  const now = store.now();
  appendInteraction(
    ticket,
    interaction(ids, {
      type: interactionType.consumerPrivate,
      message,
      privacy: true,
      at: now,
      customerId: customerIdOf(ticket),
    }),
    now,
  );
  ticket.privateThreadOpen = true;
  ticket.json.hugme_status = hugmeStatus.pending;
  store.changed(ticket);
}

function isEvaluated(ticket: SimTicket): boolean {
  const id = ticket.json.ra_status.id;
  return (
    id === raStatus.evaluated.id ||
    id === raStatus.evaluatedResolved.id ||
    id === raStatus.evaluatedNotResolved.id
  );
}

/** The consumer's evaluation: one type-11 interaction with details 4/5/6; ra 18/19, hugme 3. */
export function evaluate(
  store: RaStore,
  ids: Ids,
  ticket: SimTicket,
  input: { resolved: boolean; dealAgain: boolean; grade: number; comment: string },
): void {
  if (isEvaluated(ticket)) throw new HugmeError(409, 'already evaluated');
  const now = store.now();
  const { json } = ticket;
  const details = [
    detail(ids, detailType.resolved, 'Resolvida', input.resolved ? 'Sim' : 'Não', now),
    detail(
      ids,
      detailType.wouldDoBusinessAgain,
      'Voltaria a fazer negócio',
      input.dealAgain ? 'Sim' : 'Não',
      now,
    ),
    detail(ids, detailType.grade, 'Nota', String(input.grade), now),
  ];
  appendInteraction(
    ticket,
    interaction(ids, {
      type: interactionType.evaluation,
      message: input.comment,
      privacy: false,
      at: now,
      customerId: customerIdOf(ticket),
      details,
    }),
    now,
  );
  Object.assign(json, {
    resolved_issue: input.resolved,
    back_doing_business: input.dealAgain,
    rating: String(input.grade),
    rating_date: now,
    consumer_consideration: input.comment,
    consumer_consideration_date: now,
    ra_status: input.resolved ? raStatus.evaluatedResolved : raStatus.evaluatedNotResolved,
    hugme_status: hugmeStatus.closed,
    closed_date: now,
  });
  store.changed(ticket);
}

/** RA decides a pending moderation: type 9; accepted ⇒ inactive (reason 1 ⇒ moved company). */
export function decideModeration(
  store: RaStore,
  ids: Ids,
  ticket: SimTicket,
  accepted: boolean,
): void {
  const { json } = ticket;
  if (!store.hasPendingModeration(ticket)) throw new HugmeError(409, 'no pending moderation');
  const now = store.now();
  const details = [detail(ids, detailType.accepted, 'Aceita', accepted ? 'Sim' : 'Não', now)];
  appendInteraction(
    ticket,
    interaction(ids, {
      type: interactionType.moderationDecision,
      message: accepted ? 'Moderação aceita' : 'Moderação negada',
      privacy: true,
      at: now,
      details,
    }),
    now,
  );
  json.moderation = {
    ...json.moderation,
    status: accepted ? moderationStatus.accepted : moderationStatus.denied,
    response_date: now,
  };
  if (accepted) {
    json.active = false;
    json.ra_status = raStatus.inactive;
    json.hugme_status = hugmeStatus.inactiveAtOrigin;
    const target = store.directory().find((c) => c.companyId === ticket.migrateTo);
    if (target) json.company = { id: target.companyId, name: target.name };
  } else json['request_moderation'] = true;
  store.changed(ticket);
}

/** Small RA-side moves: routing, freezing, deactivation, automatic moderation, a bare touch. */
export function systemMove(
  store: RaStore,
  ids: Ids,
  ticket: SimTicket,
  move: 'route' | 'freeze' | 'unfreeze' | 'deactivate-by-consumer' | 'auto-moderate' | 'touch',
): void {
  const { json } = ticket;
  const now = store.now();
  if (move === 'route')
    json.hugme_status =
      json.hugme_status.id === hugmeStatus.new.id ? hugmeStatus.queued : hugmeStatus.pending;
  if (move === 'freeze') {
    ticket.beforeFreeze = json.ra_status;
    Object.assign(json, { frozen: true, ra_status: raStatus.frozen });
  }
  if (move === 'unfreeze') {
    Object.assign(json, { frozen: false, ra_status: ticket.beforeFreeze ?? raStatus.notAnswered });
    ticket.beforeFreeze = null;
  }
  if (move === 'deactivate-by-consumer')
    Object.assign(json, { active: false, ra_status: raStatus.deactivatedByConsumer });
  if (move === 'auto-moderate')
    appendInteraction(
      ticket,
      interaction(ids, {
        type: interactionType.autoModeration,
        message: 'Moderação automática',
        privacy: true,
        at: now,
      }),
      now,
    );
  json.last_modification_date = now;
  store.changed(ticket);
}
