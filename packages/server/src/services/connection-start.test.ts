import { reclameAqui, webChat } from '@attendflow/nodes/definitions';
import { describe, expect, it } from 'vitest';
import { withConnectionStart, type LoadedConnection } from './connections.js';

const connection = (channel: LoadedConnection['channel'], settings: Record<string, unknown>) => ({
  row: {} as LoadedConnection['row'],
  channel,
  settings,
});

const start = {
  externalId: '4350001',
  dedupKey: 'ticket:4350001',
  start: { customer: { fields: {} }, metadata: {} },
};

describe('withConnectionStart', () => {
  it('gives a new attendance the connection’s spacing and defaults', () => {
    const ra = connection(reclameAqui, {
      spacingSeconds: 40,
      defaultSector: 'SAC',
      defaultOccurrence: 'Atraso',
      defaultSolution: '',
    });
    expect(withConnectionStart(start, ra).start).toEqual({
      customer: { fields: {} },
      metadata: {},
      policies: { minSpacingMs: 40_000 },
      defaults: { sector: 'SAC', occurrence: 'Atraso' },
    });
  });

  it('leaves events for existing conversations and channels without such settings alone', () => {
    const ra = connection(reclameAqui, { spacingSeconds: 40 });
    const reply = {
      externalId: '4350001',
      event: { type: 'customer.message' as const, text: 'oi', attachments: [] },
    };
    expect(withConnectionStart(reply, ra)).toBe(reply);
    expect(withConnectionStart(start, connection(webChat, {}))).toBe(start);
  });
});
