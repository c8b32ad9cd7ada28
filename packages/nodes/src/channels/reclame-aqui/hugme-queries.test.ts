import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimClock } from '../../simulator-kit/clock.js';
import { createReclameAquiAdapter } from './adapter.js';
import { reclameAqui } from './definition.js';
import { moderationCompaniesOf } from './hugme-assumptions.js';
import {
  startReclameAquiSimulator,
  type ReclameAquiSimulator,
} from './simulator/reclame-aqui-simulator.js';

let sim: ReclameAquiSimulator;
let adapter: ReturnType<typeof createReclameAquiAdapter>;
const clock = createSimClock(Date.parse('2026-05-04T15:00:00Z'));
const settings = (extra: Record<string, unknown> = {}) =>
  reclameAqui.settings.parse({
    description: 'RA',
    companyEmail: 'sac@loja.example',
    user: 'client-id',
    password: 'client-secret',
    baseUrl: sim.baseUrl,
    ...extra,
  });
const signal = () => new AbortController().signal;
/** Parses the input as the host does, then runs the query. */
const ask = (name: 'companies' | 'reputation', input: unknown, extra = {}) => {
  const query = adapter.queries?.[name];
  if (!query) throw new Error(`no ${name} query`);
  return query.run(query.input.parse(input), settings(extra), signal());
};
const paths = () =>
  sim.journal
    .since(0)
    .map((e) => `${e.method} ${e.path}?${new URLSearchParams(e.query as Record<string, string>)}`);

beforeEach(async () => {
  clock.set(Date.parse('2026-05-04T15:00:00Z'));
  sim = await startReclameAquiSimulator({ clock });
  adapter = createReclameAquiAdapter({ now: () => clock.now(), requestTimeoutMs: 300 });
});
afterEach(() => sim.close());

describe('Reclame Aqui channel queries against the simulator', () => {
  it('searches the companies a complaint can be moved to, page by page', async () => {
    expect(await ask('companies', { q: 'vizinha' })).toEqual({
      ok: true,
      value: {
        items: [
          { companyId: '7008', name: 'Eletrônicos Vizinha' },
          { companyId: '5678', name: 'Empresa Vizinha' },
        ],
        page: 1,
        limit: 10,
        total: 2,
      },
    });
    expect(await ask('companies', { q: 'exemplo', page: '2', limit: '3' })).toMatchObject({
      ok: true,
      value: {
        items: [
          { name: 'Farmácia São João Exemplo' },
          { name: 'Loja Exemplo Calçados' },
          { name: 'Loja Exemplo Eletro' },
        ],
        page: 2,
        total: 8,
      },
    });
    expect(paths().slice(1)).toEqual([
      'GET /api/ticket/v1/tickets/moderation/companies?companyName=vizinha&page=1&limit=10',
      'GET /api/ticket/v1/tickets/moderation/companies?companyName=exemplo&page=2&limit=3',
    ]);
  });

  it('checks its input before any call', () => {
    const input = adapter.queries?.['companies']?.input;
    const issues = input?.safeParse({ q: 'x', limit: '500', colour: 'red' }).error?.issues;
    expect(issues?.map((issue) => issue.path.join('.') || issue.code)).toEqual([
      'q',
      'limit',
      'unrecognized_keys',
    ]);
    expect(sim.journal.since(0)).toEqual([]);
  });

  it('reads the reputation of the company page, and makes no call without one', async () => {
    expect(await ask('reputation', {})).toEqual({
      ok: true,
      value: { companyPageId: null, periods: [] },
    });
    expect(paths()).toEqual([]);
    const keys = ['SEISMESES', 'DOZEMESES', 'UMANOATRAS', 'DOISANOSATRAS', 'GERAL'];
    expect(await ask('reputation', {}, { companyPageId: '1234' })).toMatchObject({
      ok: true,
      value: {
        companyPageId: '1234',
        periods: keys.map((periodKey) => ({
          period: { periodKey },
          complaintsCount: 0,
          totalNotAnswered: 0,
          reputation: { code: 'NOREP' },
        })),
      },
    });
  });

  it('answers the vendor’s refusals and its rate limit as a failure, never a throw', async () => {
    const foreign = await ask('reputation', {}, { companyPageId: '5678' });
    expect(foreign).toEqual({
      ok: false,
      detail: 'GET /companies/v1/companies/5678/reputation: 404 company not found',
    });
    sim.faults.add({
      match: { path: '/api/ticket/v1/tickets/moderation/companies' },
      action: { type: 'status', status: 429, headers: { 'Retry-After': '30' } },
    });
    expect(await ask('companies', { q: 'loja' })).toEqual({
      ok: false,
      detail: 'GET /ticket/v1/tickets/moderation/companies: 429 rate limited',
      retryAfterMs: 30_000,
    });
    const wrong = await ask('companies', { q: 'loja' }, { password: 'wrong' });
    expect(wrong.ok).toBe(false);
  });

  it('reads the search answer in the shapes real clients could meet', () => {
    expect(moderationCompaniesOf([{ id: 1, companyName: 'A' }, { name: 'no id' }])).toEqual({
      items: [{ companyId: '1', name: 'A' }],
      total: null,
    });
    expect(moderationCompaniesOf({ data: [{ companyId: '2', name: 'B' }], total: 7 })).toEqual({
      items: [{ companyId: '2', name: 'B' }],
      total: 7,
    });
    expect(moderationCompaniesOf({ message: 'ok' })).toBeNull();
  });
});
