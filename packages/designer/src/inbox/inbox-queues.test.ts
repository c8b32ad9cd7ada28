import { describe, expect, it } from 'vitest';
import type { ConversationStatus, ConversationSummary } from '../api/conversations-api';
import { allSectors, groupInbox, queueOf } from './inbox-queues';

const conversation = (
  id: string,
  status: ConversationStatus,
  sector: string | null,
  createdAt: string,
): ConversationSummary => ({
  id,
  connectionId: 'c',
  channel: 'reclame-aqui',
  externalId: id,
  status,
  flowState: 'handoff',
  sector,
  occurrenceType: null,
  occurrence: null,
  solution: null,
  assignee: null,
  queue: sector,
  answerDueAt: null,
  subject: id,
  customer: {},
  flowVersionId: 'v',
  version: 1,
  createdAt,
  updatedAt: createdAt,
  closedAt: null,
});

const items = [
  conversation('a', 'waiting', 'SAC', '2026-03-01T10:00:00Z'),
  conversation('b', 'waiting', 'SAC', '2026-03-01T11:00:00Z'),
  conversation('c', 'awaiting-evaluation', 'SAC', '2026-03-01T09:00:00Z'),
  conversation('d', 'closed', 'SAC', '2026-02-28T09:00:00Z'),
  conversation('e', 'in-attendance', 'Financeiro', '2026-03-01T08:00:00Z'),
  conversation('f', 'waiting', null, '2026-03-01T07:00:00Z'),
];

describe('inbox grouping', () => {
  it('puts a conversation awaiting evaluation in attendance', () => {
    expect(queueOf('awaiting-evaluation')).toBe('in-attendance');
    expect(queueOf('closed')).toBe('closed');
  });

  it('groups one sector by queue, newest first, with counts', () => {
    const view = groupInbox(items, 'SAC');
    expect(view.queues.waiting.map((c) => c.id)).toEqual(['b', 'a']);
    expect(view.queues['in-attendance'].map((c) => c.id)).toEqual(['c']);
    expect(view.queues.closed.map((c) => c.id)).toEqual(['d']);
    expect(view.counts).toEqual({ waiting: 2, 'in-attendance': 1, closed: 1 });
  });

  it('lists every sector with its open conversations, the unsectored last', () => {
    expect(groupInbox(items, allSectors).sectors).toEqual([
      { sector: 'Financeiro', open: 1 },
      { sector: 'SAC', open: 3 },
      { sector: null, open: 1 },
    ]);
    expect(groupInbox(items, '').queues.waiting.map((c) => c.id)).toEqual(['f']);
  });

  it('counts a conversation listed twice (open and closed pages overlap) once', () => {
    const view = groupInbox([...items, items[0]!], allSectors);
    expect(view.counts).toEqual({ waiting: 3, 'in-attendance': 2, closed: 1 });
  });
});
