import type { ConversationView, Json } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { compareValues } from './compare-values.js';
import { describeRules } from './describe-rule.js';
import { matchesRule, matchesRules, ruleGroupSchema, ruleSchema, type RuleView } from './rules.js';

const conversation: ConversationView = {
  status: 'waiting',
  sector: null,
  occurrenceType: null,
  occurrence: null,
  solution: null,
  assignee: null,
  queue: null,
  answerDueAt: null,
  channel: 'reclame-aqui',
  externalId: 'RA-1',
  subject: 'Cobrança indevida no cartão',
  customer: {
    name: 'Ana Souza',
    email: 'ana@example.com',
    fields: { plan: 'Gold', orders: 12, tags: ['vip', 'b2b'] },
  },
  metadata: { state: 'SP', city: 'São Paulo' },
  startedAt: 0,
  lastCustomerMessage: { text: 'Quero o REEMBOLSO já, não recebi o produto!', at: 0 },
  awaiting: 'company',
  publicAnswers: 0,
  companyMessages: 0,
  evaluationRequested: false,
  evaluation: null,
};
const variables: Record<string, Json> = { tries: 3, order: { status: 'shipped' }, name: '' };
const view: RuleView = { conversation, variables, now: Date.parse('2026-01-05T15:00:00Z') }; // Mon 12:00 in São Paulo
const holds = (rule: unknown, on: RuleView = view) => matchesRule(ruleSchema.parse(rule), on);

describe('matchesRule', () => {
  it('matches keywords as whole words, ignoring case, accents and punctuation, in message and subject', () => {
    expect(holds({ kind: 'keywords', keywords: ['reembolso'] })).toBe(true);
    expect(holds({ kind: 'keywords', keywords: ['nao recebi'] })).toBe(true);
    expect(
      holds({ kind: 'keywords', keywords: ['cobranca indevida'], searchIn: ['subject'] }),
    ).toBe(true);
    expect(holds({ kind: 'keywords', keywords: ['cobranca'], searchIn: ['message'] })).toBe(false);
    expect(holds({ kind: 'keywords', keywords: ['reembols'] })).toBe(false);
    expect(holds({ kind: 'keywords', keywords: ['reembols'], wholeWords: false })).toBe(true);
    expect(holds({ kind: 'keywords', keywords: ['troca', 'produto'] })).toBe(true);
  });

  it('matches the channel type against a list', () => {
    expect(holds({ kind: 'channel', channels: ['wish', 'reclame-aqui'] })).toBe(true);
    expect(holds({ kind: 'channel', channels: ['telegram'] })).toBe(false);
  });

  it('reads customer fields and channel metadata with every operator', () => {
    expect(
      holds({ kind: 'customer-field', field: 'fields.plan', operator: 'equals', value: 'gold' }),
    ).toBe(true);
    expect(
      holds({
        kind: 'customer-field',
        field: 'customer.name',
        operator: 'contains',
        value: 'souza',
      }),
    ).toBe(true);
    expect(
      holds({
        kind: 'customer-field',
        field: 'metadata.city',
        operator: 'equals',
        value: 'sao paulo',
      }),
    ).toBe(true);
    expect(
      holds({
        kind: 'customer-field',
        field: 'metadata.state',
        operator: 'not-equals',
        value: 'RJ',
      }),
    ).toBe(true);
    expect(
      holds({ kind: 'customer-field', field: 'fields.tags', operator: 'contains', value: 'VIP' }),
    ).toBe(true);
    expect(
      holds({ kind: 'customer-field', field: 'fields.orders', operator: 'gt', value: '10' }),
    ).toBe(true);
    expect(
      holds({ kind: 'customer-field', field: 'fields.orders', operator: 'lt', value: 10 }),
    ).toBe(false);
    expect(holds({ kind: 'customer-field', field: 'phone', operator: 'exists' })).toBe(false);
    expect(holds({ kind: 'customer-field', field: 'email', operator: 'exists' })).toBe(true);
  });

  it('reads flow variables, with paths inside them', () => {
    expect(holds({ kind: 'variable', name: 'tries', operator: 'gt', value: 2 })).toBe(true);
    expect(
      holds({ kind: 'variable', name: 'order.status', operator: 'equals', value: 'Shipped' }),
    ).toBe(true);
    expect(holds({ kind: 'variable', name: 'name', operator: 'exists' })).toBe(false);
    expect(holds({ kind: 'variable', name: 'missing', operator: 'not-equals', value: 'x' })).toBe(
      true,
    );
  });

  it('checks business hours at the view time', () => {
    expect(holds({ kind: 'business-hours' })).toBe(true);
    expect(holds({ kind: 'business-hours', is: 'closed' })).toBe(false);
    expect(
      holds({ kind: 'business-hours' }, { ...view, now: Date.parse('2026-01-04T15:00:00Z') }),
    ).toBe(false); // Sunday
  });
});

describe('matchesRules', () => {
  const group = (match: 'all' | 'any') =>
    ruleGroupSchema.parse({
      match,
      rules: [
        { kind: 'channel', channels: ['reclame-aqui'] },
        { kind: 'keywords', keywords: ['cancelar'] },
      ],
    });

  it('needs every rule for all and one for any', () => {
    expect(matchesRules(group('all'), view)).toBe(false);
    expect(matchesRules(group('any'), view)).toBe(true);
    expect(describeRules(group('any'))).toBe('channel is reclame-aqui or says «cancelar»');
  });
});

describe('ruleSchema', () => {
  const issuesOf = (input: unknown) =>
    (ruleSchema.safeParse(input).error?.issues ?? []).map((issue) => [
      issue.path.join('.'),
      issue.message,
    ]);

  it('names the field of each bad rule', () => {
    expect(issuesOf({ kind: 'keywords', keywords: [] })).toEqual([
      ['keywords', 'list at least one keyword'],
    ]);
    expect(issuesOf({ kind: 'customer-field', field: 'address', operator: 'exists' })).toEqual([
      ['field', 'use id, name, email, phone, fields.<key> or metadata.<key>'],
    ]);
    expect(issuesOf({ kind: 'variable', name: 'tries', operator: 'gt' })).toEqual([
      ['value', 'give a value to compare with (operator "gt")'],
    ]);
    expect(issuesOf({ kind: 'variable', name: 'tries', operator: 'lt', value: [1] })).toEqual([
      ['value', 'operator "lt" needs text, a number or true/false'],
    ]);
    expect(
      issuesOf({ kind: 'business-hours', schedule: { timeZone: 'Nowhere/City' } })[0]?.[0],
    ).toBe('schedule.timeZone');
    expect(issuesOf({ kind: 'weather' })[0]?.[0]).toBe('kind');
  });
});

describe('compareValues', () => {
  it('compares forgivingly across types typed in a form', () => {
    expect(compareValues(10, 'equals', '10')).toBe(true);
    expect(compareValues(true, 'equals', 'True')).toBe(true);
    expect(compareValues(undefined, 'equals', null)).toBe(true);
    expect(compareValues('2026-01-05', 'gt', '2025-12-31')).toBe(true);
    expect(compareValues({ a: 1 }, 'gt', 1)).toBe(false);
    expect(compareValues({ a: 1 }, 'equals', { a: 1 })).toBe(true);
  });
});
