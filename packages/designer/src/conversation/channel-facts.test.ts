import { describe, expect, it } from 'vitest';
import { channelFactsOf, hoursAndMinutes } from './channel-facts';

const started = (metadata: Record<string, unknown>) => [
  {
    seq: 1,
    type: 'conversation.started',
    actor: null,
    payload: { metadata },
    trace: [],
    effects: [],
    createdAt: '',
  },
];

describe('channel facts', () => {
  it('reads a complaint from the metadata the Reclame Aqui adapter writes', () => {
    const facts = channelFactsOf(
      {
        channel: 'reclame-aqui',
        subject: 'Produto não entregue',
        answerDueAt: null,
        events: started({
          complaintId: 'abc123',
          ticketId: 77,
          city: 'Curitiba',
          state: 'PR',
          filedAt: '2026-03-01T09:00:00Z',
          link: 'https://www.reclameaqui.com.br/loja/produto_abc123/',
        }),
      },
      0,
    );
    expect(facts).toEqual({
      kind: 'complaint',
      title: 'Produto não entregue',
      city: 'Curitiba',
      state: 'PR',
      filedAt: '2026-03-01T09:00:00Z',
      complaintId: 'abc123',
      link: 'https://www.reclameaqui.com.br/loja/produto_abc123/',
    });
  });

  it('keeps only http(s) links', () => {
    const facts = channelFactsOf(
      {
        channel: 'reclame-aqui',
        subject: null,
        answerDueAt: null,
        events: started({ link: 'javascript:alert(1)' }),
      },
      0,
    );
    expect(facts).toMatchObject({ kind: 'complaint', link: null, city: null });
  });

  it('gives a Wish ticket its category and the time left of its window', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    const facts = channelFactsOf(
      {
        channel: 'wish',
        subject: 'Where is my order',
        answerDueAt: '2026-03-02T17:30:00Z',
        events: started({ category: 'post_purchase' }),
      },
      now,
    );
    expect(facts).toEqual({
      kind: 'ticket',
      category: 'post_purchase',
      timeLeftMs: 31.5 * 3_600_000,
    });
    expect(hoursAndMinutes(31.5 * 3_600_000)).toEqual({ hours: 31, minutes: 30 });
    expect(hoursAndMinutes(-90 * 60_000)).toEqual({ hours: 1, minutes: 30 });
  });

  it('has no facts for channels without any', () => {
    expect(
      channelFactsOf({ channel: 'web-chat', subject: null, answerDueAt: null, events: [] }, 0),
    ).toBeNull();
  });
});
