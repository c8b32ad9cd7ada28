import type { ConversationStatus, ConversationSummary } from '../api/conversations-api';

/** The inbox's queues. */
export const queues = ['waiting', 'in-attendance', 'closed'] as const;

/** One of {@link queues}. */
export type Queue = (typeof queues)[number];

/** A conversation awaiting its evaluation is still being attended. */
export function queueOf(status: ConversationStatus): Queue {
  switch (status) {
    case 'waiting':
      return 'waiting';
    case 'in-attendance':
    case 'awaiting-evaluation':
      return 'in-attendance';
    case 'closed':
      return 'closed';
  }
}

/** A sector of the inbox with how many open conversations it holds. */
export interface SectorCount {
  /** Null: conversations without a sector. */
  sector: string | null;
  open: number;
}

/** The inbox of one sector: its conversations by queue, newest first, and the counts. */
export interface InboxView {
  sectors: SectorCount[];
  queues: Record<Queue, ConversationSummary[]>;
  counts: Record<Queue, number>;
}

/** Value of the sector filter that shows every sector. */
export const allSectors = '*';

/**
 * Groups conversations by sector and queue. The sector list comes from every conversation (so a
 * sector stays choosable while its queues are empty); `sector` picks one, or {@link allSectors}.
 */
export function groupInbox(items: readonly ConversationSummary[], sector: string): InboxView {
  const bySector = new Map<string | null, number>();
  const grouped: Record<Queue, ConversationSummary[]> = {
    waiting: [],
    'in-attendance': [],
    closed: [],
  };
  const unique = new Map(items.map((item) => [item.id, item]));
  for (const item of unique.values()) {
    const queue = queueOf(item.status);
    bySector.set(item.sector, (bySector.get(item.sector) ?? 0) + (queue === 'closed' ? 0 : 1));
    if (sector === allSectors || (item.sector ?? '') === sector) grouped[queue].push(item);
  }
  for (const list of Object.values(grouped))
    list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const sectors = [...bySector]
    .map(([name, open]) => ({ sector: name, open }))
    .sort((a, b) => (a.sector ?? '\uffff').localeCompare(b.sector ?? '\uffff'));
  return {
    sectors,
    queues: grouped,
    counts: {
      waiting: grouped.waiting.length,
      'in-attendance': grouped['in-attendance'].length,
      closed: grouped.closed.length,
    },
  };
}
