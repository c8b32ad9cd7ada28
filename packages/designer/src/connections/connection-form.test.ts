import { settingsJsonSchema } from '@attendflow/engine';
import { reclameAqui, wish } from '@attendflow/nodes/definitions';
import { describe, expect, it } from 'vitest';
import type { FieldSchema } from '../inspector/field-schema';
import {
  companyPagesOf,
  groupsOf,
  initialSettings,
  pageOptions,
  policyTips,
  reputationOf,
  settingsIssues,
  settingsToSend,
} from './connection-form';

const schema = settingsJsonSchema(reclameAqui.settings) as FieldSchema;

describe('connection form', () => {
  it('groups the Reclame Aqui settings by their ui groups, in order', () => {
    const groups = groupsOf(schema);
    expect(groups.map((g) => g.name)).toEqual([
      'Connection',
      'Sync',
      'Company page',
      'New attendances',
      'Delivery',
    ]);
    expect(Object.keys(groups[0]?.schema.properties ?? {})).toEqual([
      'description',
      'companyEmail',
      'callbackUrl',
      'baseUrl',
      'user',
      'password',
    ]);
  });

  it('starts from the defaults, then the saved values', () => {
    expect(initialSettings(schema, { syncIntervalMinutes: 60 })).toMatchObject({
      baseUrl: 'https://app.hugme.com.br/api',
      syncIntervalMinutes: 60,
      retroactiveMonths: 0,
      spacingSeconds: 25,
    });
  });

  it('leaves out an empty secret (kept by the server), read-only and empty optional fields', () => {
    const sent = settingsToSend(
      schema,
      {
        description: 'RA',
        password: '',
        callbackUrl: 'http://x/cb',
        companyName: '',
        user: '',
        syncIntervalMinutes: Number.NaN,
      },
      ['password'],
    );
    expect(sent).toEqual({ description: 'RA', user: '' });
  });

  it('reads company pages and reputation from a test’s facts', () => {
    const facts = {
      companies: [{ companyId: 101, name: 'Loja Exemplo' }, { bad: true }],
      reputation: [
        {
          period: { periodKey: 'SEISMESES', periodAlias: '6 meses' },
          responseIndex: 100,
          solutionsPercentage: 50,
          dealAgainPercentage: 50,
          finalGrade: 7.5,
          complaintsCount: 2,
          totalAnswered: 2,
          totalNotAnswered: 0,
          reputation: { code: 'NOREP', name: 'Sem índice' },
        },
      ],
    };
    expect(companyPagesOf(facts)).toEqual([{ companyId: '101', name: 'Loja Exemplo' }]);
    expect(pageOptions(companyPagesOf(facts), '202')).toEqual([
      { companyId: '101', name: 'Loja Exemplo' },
      { companyId: '202', name: '' },
    ]);
    expect(pageOptions(companyPagesOf(facts), '101')).toHaveLength(1);
    expect(reputationOf(facts)).toEqual([
      {
        period: '6 meses',
        responseIndex: 100,
        solutionsPercentage: 50,
        dealAgainPercentage: 50,
        finalGrade: 7.5,
        complaintsCount: 2,
        totalAnswered: 2,
        totalNotAnswered: 0,
        reputation: 'Sem índice',
      },
    ]);
    expect(reputationOf(undefined)).toEqual([]);
  });
});

describe('connection checks and tips', () => {
  it('reports bad settings by field, but not a secret already saved', () => {
    const issues = settingsIssues(reclameAqui.settings, { description: 'RA', companyEmail: 'x' }, [
      'password',
    ]);
    expect([...issues.keys()].sort()).toEqual(['companyEmail', 'user']);
  });

  it('turns the Reclame Aqui and Wish policies into flow tips', () => {
    expect(policyTips(reclameAqui.policies)).toEqual([
      { key: 'tip.automaticPrivate' },
      { key: 'tip.publicByAgent', params: { max: 1 } },
      { key: 'tip.receptiveOnly' },
    ]);
    expect(policyTips(wish.policies)).toEqual([{ key: 'tip.deadline', params: { hours: 48 } }]);
  });
});
