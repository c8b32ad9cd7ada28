// HugMe enumerations as channel-apis.md §1.8 lists them [C]: shared by the adapter and the simulator.

/** `ra_status`: the complaint's status on the Reclame Aqui site (§1.8.1). */
export const raStatus = {
  notAnswered: { id: 5, name: 'Não respondido' },
  answered: { id: 6, name: 'Respondido' },
  consumerReplica: { id: 7, name: 'Réplica do consumidor' },
  companyReplica: { id: 8, name: 'Réplica da empresa' },
  evaluated: { id: 9, name: 'Avaliado' },
  frozen: { id: 10, name: 'Congelado' },
  deactivatedByConsumer: { id: 12, name: 'Desativado pelo consumidor' },
  inactive: { id: 13, name: 'Inativa no RA' },
  evaluatedResolved: { id: 18, name: 'Avaliado Resolvido' },
  evaluatedNotResolved: { id: 19, name: 'Avaliado Não Resolvido' },
  replica: { id: 20, name: 'Réplica' },
} as const;

/** `hugme_status`: HugMe's own work-queue state (§1.8.2). */
export const hugmeStatus = {
  new: { id: 21, name: 'Novo' },
  queued: { id: 16, name: 'Na fila' },
  pending: { id: 1, name: 'Pendente' },
  answered: { id: 2, name: 'Respondido' },
  awaitingEvaluation: { id: 22, name: 'Aguardando avaliação' },
  closed: { id: 3, name: 'Fechado' },
  archived: { id: 4, name: 'Arquivado' },
  inactiveAtOrigin: { id: 15, name: 'Inativo na origem' },
  redistribution: { id: 17, name: 'Redistribuição' },
} as const;

/** A status entry of {@link raStatus} or {@link hugmeStatus}. */
export type StatusEntry = { readonly id: number; readonly name: string };

/** Interaction types (§1.8.3, "API v2.10.0"). */
export const interactionType = {
  complaint: 1,
  publicAnswer: 2,
  companyPrivate: 3,
  consumerPrivate: 6,
  thirdPartyComment: 7,
  moderationRequest: 8,
  moderationDecision: 9,
  redistribution: 10,
  evaluation: 11,
  autoModeration: 151,
} as const;

/** Names of the interaction types, as HugMe writes them. */
export const interactionNames: Record<number, string> = {
  1: 'Manifestação',
  2: 'Resposta',
  3: 'Mensagem privada - Empresa',
  6: 'Mensagem privada - Consumidor',
  8: 'Pedido de Mediação',
  9: 'Resposta de Mediação',
  11: 'Avaliação',
  151: 'Moderação automática',
};

/** Detail types (§1.8.3, a selection). */
export const detailType = {
  subject: 1,
  feeling: 2,
  contact: 3,
  resolved: 4,
  wouldDoBusinessAgain: 5,
  grade: 6,
  ip: 8,
  moderationReason: 9,
  moderationCase: 10,
  reasonId: 12,
  accepted: 13,
  subjectId: 14,
  attachment: 15,
  raSiteId: 25,
} as const;

/** Sentinel HugMe uses for "none" (§1.7.1). */
export const none = { id: -1, name: null } as const;
