import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../simulator-kit/journal.js';
import { startReclameAquiSimulator, type ReclameAquiSimulator } from './reclame-aqui-simulator.js';

let sim: ReclameAquiSimulator;
let token: string;
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

const api = async (method: string, path: string, body?: unknown, form?: FormData) => {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: JSON.parse((await response.text()) || '{}') as Record<string, unknown>,
  };
};
const actor = async (path: string, body: unknown = {}) => {
  const response = await fetch(`${sim.url}/__sim/ra${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown> & { id: number };
};
const form = (fields: Record<string, string>, file?: { name: string; text: string }) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (file) data.append('file', new Blob([file.text], { type: 'text/plain' }), file.name);
  return data;
};
const complaint = () =>
  actor('/complaints', { title: 'Produto não entregue', content: 'Comprei e não chegou.' });
const status = (t: Record<string, unknown>) => [
  (t['ra_status'] as { id: number }).id,
  (t['hugme_status'] as { id: number }).id,
];

beforeEach(async () => {
  sim = await startReclameAquiSimulator({ config: { rateLimitPerMin: 0 } });
  sim.clock.set(Date.parse('2026-05-02T13:00:00Z'));
  const response = await fetch(`${sim.baseUrl}/auth/oauth/token?grant_type=client_credentials`, {
    method: 'POST',
    headers: { authorization: basic('client-id', 'client-secret') },
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterEach(() => sim.close());

describe('HugMe simulator', () => {
  it('issues tokens for good client credentials only, and they expire on the simulated clock', async () => {
    const bad = await fetch(`${sim.baseUrl}/auth/oauth/token?grant_type=client_credentials`, {
      method: 'POST',
      headers: { authorization: basic('client-id', 'nope') },
    });
    expect([bad.status, await bad.json()]).toEqual([
      401,
      { success: false, code: 401, message: 'invalid client credentials' },
    ]);
    const grant = await fetch(`${sim.baseUrl}/auth/oauth/token?grant_type=password`, {
      method: 'POST',
      headers: { authorization: basic('client-id', 'client-secret') },
    });
    expect(grant.status).toBe(400);
    expect((await api('GET', '/ticket/availability')).body).toEqual({ status: 'ok' });
    sim.clock.advance(3600_000);
    expect((await api('GET', '/ticket/availability')).body).toEqual({
      success: false,
      code: 401,
      message: 'token expired',
    });
    const journal = sim.journal.since(0);
    expect(journal.every((e: JournalEntry) => e.headers['authorization'] === '[redacted]')).toBe(
      true,
    );
  });

  it('lists with the filter, sort and page grammar in the captured envelope', async () => {
    const first = await complaint();
    sim.clock.advance(60_000);
    const second = await complaint();
    await actor(`/tickets/${first.id}/touch`);
    const page = await api(
      'GET',
      `/ticket/v1/tickets?sort[last_modification_date]=DESC&page[size]=1&page[number]=2`,
    );
    expect(page.body['meta']).toEqual({ page: { number: 2, size: 1 }, total: 2 });
    expect((page.body['data'] as Array<{ id: number }>).map((t) => t.id)).toEqual([second.id]);
    const window = await api(
      'GET',
      `/ticket/v1/tickets?last_modification_date[gte]=2026-05-02T13:00:30Z&hugme_status.id[in]=1,16,21&customer.city.name[eq]=Campinas`,
    );
    expect((window.body['data'] as Array<{ id: number }>).map((t) => t.id)).toEqual([
      first.id,
      second.id,
    ]);
    const one = await api('GET', `/ticket/v1/tickets?id[eq]=${first.id}&page[size]=500`);
    expect(one.body['meta']).toEqual({ page: { number: 1, size: 50 }, total: 1 });
    const ticket = (one.body['data'] as Array<Record<string, unknown>>)[0] ?? {};
    expect(Object.keys(ticket)).toEqual(
      expect.arrayContaining([
        'source_external_id',
        'moderation',
        'customer',
        'interactions',
        'historical',
        'rating',
      ]),
    );
    expect(ticket['customer']).toMatchObject({
      city: [{ name: 'Campinas' }],
      state: [{ fs: 'SP' }],
    });
    expect((await api('GET', `/ticket/v1/tickets/count?ra_status.id[eq]=5`)).body).toEqual({
      data: 2,
    });
  });

  it('runs the status machine: answer, réplica, company réplica, evaluation request, evaluation', async () => {
    const { id } = await complaint();
    expect((await api('POST', '/ticket/v1/tickets/evaluation', { id: String(id) })).status).toBe(
      409,
    );
    expect(
      (
        await api(
          'POST',
          '/ticket/v1/tickets/message/public',
          undefined,
          form({ id: String(id), message: 'Olá, resolvemos.' }),
        )
      ).body,
    ).toEqual({ success: true, message: 'Resposta pública enviada' });
    expect(status(await actor(`/tickets/${id}/touch`))).toEqual([6, 2]);
    expect(
      status(await actor(`/tickets/${id}/consumer-replica`, { message: 'Ainda não chegou' })),
    ).toEqual([7, 1]);
    await api('POST', '/ticket/v1/tickets/message/public', {
      id: String(id),
      message: 'Enviamos de novo.',
    });
    expect(status(await actor(`/tickets/${id}/touch`))).toEqual([8, 2]);
    expect((await api('POST', '/ticket/v1/tickets/evaluation', { id: String(id) })).status).toBe(
      200,
    );
    expect(status(await actor(`/tickets/${id}/touch`))).toEqual([8, 22]);
    const evaluated = await actor(`/tickets/${id}/evaluate`, {
      resolved: true,
      dealAgain: true,
      grade: 9,
      comment: 'Ok',
    });
    expect([status(evaluated), evaluated['rating'], evaluated['resolved_issue']]).toEqual([
      [18, 3],
      '9',
      true,
    ]);
    const types = (evaluated['interactions'] as Array<{ ticket_interaction_type_id: number }>).map(
      (i) => i.ticket_interaction_type_id,
    );
    expect(types).toEqual([1, 2, 1, 2, 11]);
  });

  it('takes private messages as multipart with the e-mail and keeps the file', async () => {
    const { id } = await complaint();
    const missing = await api(
      'POST',
      '/ticket/v1/tickets/message/private',
      undefined,
      form({ id: String(id), message: 'Oi' }),
    );
    expect([missing.status, missing.body['message']]).toEqual([400, 'email is required']);
    const sent = await api(
      'POST',
      '/ticket/v1/tickets/message/private',
      undefined,
      form(
        { id: String(id), message: 'Oi', email: 'sac@loja.example' },
        { name: 'nota.txt', text: 'nota fiscal' },
      ),
    );
    expect(sent.status).toBe(200);
    const ticket = await actor(`/tickets/${id}/touch`);
    const last = (
      ticket['interactions'] as Array<{
        ticket_interaction_type_id: number;
        privacy: boolean;
        details: Array<{ ticket_detail_id: string }>;
      }>
    ).at(-1);
    expect([last?.ticket_interaction_type_id, last?.privacy, status(ticket)]).toEqual([
      3,
      true,
      [5, 2],
    ]);
    const link = await api(
      'GET',
      `/ticket/v1/tickets/attachment/${last?.details[0]?.ticket_detail_id ?? ''}`,
    );
    expect(await fetch(String(link.body['url'])).then((r) => r.text())).toBe('nota fiscal');
    await api('POST', `/ticket/v1/tickets/message/private/${id}/end`);
    expect(
      (
        await api(
          'POST',
          '/ticket/v1/tickets/message/private',
          undefined,
          form({ id: String(id), message: 'De novo', email: 'sac@loja.example' }),
        )
      ).status,
    ).toBe(409);
  });

  it('validates moderation requests and decides them', async () => {
    const { id } = await complaint();
    const ask = (fields: Record<string, string>) =>
      api(
        'POST',
        '/ticket/v1/tickets/moderation',
        undefined,
        form({ id: String(id), message: 'Não é nossa', ...fields }),
      );
    expect((await ask({ reason: '2' })).status).toBe(400);
    expect((await ask({ reason: '1' })).body['message']).toBe(
      'migrateTO is required with reason 1',
    );
    const old = await actor('/complaints', { title: 'Antiga', content: 'Velha', daysAgo: 16 });
    const late = await api(
      'POST',
      '/ticket/v1/tickets/moderation',
      undefined,
      form({ id: String(old.id), message: 'x', reason: '1', migrateTO: '5678' }),
    );
    expect([late.status, late.body['message']]).toEqual([
      422,
      'reason 1 only on unanswered complaints younger than 15 days',
    ]);
    expect((await ask({ reason: '1', migrateTO: '5678' })).body).toEqual({
      success: true,
      message: 'Solicitação de moderação enviada',
    });
    expect((await ask({ reason: '4' })).status).toBe(409);
    const decided = await actor(`/tickets/${id}/moderation-decision`, { accepted: true });
    expect([
      status(decided),
      decided['active'],
      decided['company'],
      (decided['moderation'] as { status: string }).status,
    ]).toEqual([[13, 15], false, { id: 5678, name: 'Empresa Vizinha' }, 'ACCEPTED']);
    expect(
      (await api('POST', '/ticket/v1/tickets/message/public', { id: String(id), message: 'x' }))
        .status,
    ).toBe(404);
  });

  it('searches the moderation company directory by name, page and limit', async () => {
    const search = async (query: string) => {
      const answer = await api('GET', `/ticket/v1/tickets/moderation/companies?${query}`);
      const data = answer.body['data'] as Array<{ companyId: number; name: string }> | undefined;
      return { status: answer.status, names: data?.map((c) => c.name), body: answer.body };
    };
    // Case and accents do not matter; names starting with the text come first.
    expect((await search('companyName=VIZINHA')).names).toEqual([
      'Eletrônicos Vizinha',
      'Empresa Vizinha',
    ]);
    expect((await search('companyName=acai')).names).toEqual(['Açaí da Praça']);
    expect((await search('companyName=horizonte')).names).toEqual([
      'Horizonte Viagens',
      'Construtora Horizonte',
      'Móveis Horizonte',
    ]);
    const second = await search('companyName=exemplo&page=2&limit=3');
    expect([second.names, second.body['meta']]).toEqual([
      ['Farmácia São João Exemplo', 'Loja Exemplo Calçados', 'Loja Exemplo Eletro'],
      { page: { number: 2, size: 3 }, total: 8 },
    ]);
    expect((await search('companyName=exemplo&limit=500')).body['meta']).toEqual({
      page: { number: 1, size: 50 },
      total: 8,
    });
    expect((await search('companyName=nada%20disso')).names).toEqual([]);
    for (const [query, message] of [
      ['companyName=%20', 'companyName is required'],
      ['page=1', 'companyName is required'],
      ['companyName=loja&page=0', 'page: a positive integer'],
      ['companyName=loja&limit=x', 'limit: a positive integer'],
    ] as const) {
      const refused = await search(query);
      expect([refused.status, refused.body['message']]).toEqual([400, message]);
    }
    token = 'expired';
    expect((await search('companyName=loja')).status).toBe(401);
  });

  it('moves an accepted reason-1 complaint to a company found in the directory', async () => {
    const { id } = await complaint();
    await api(
      'POST',
      '/ticket/v1/tickets/moderation',
      undefined,
      form({ id: String(id), message: 'É da loja de eletrônicos', reason: '1', migrateTO: '7008' }),
    );
    const decided = await actor(`/tickets/${id}/moderation-decision`, { accepted: true });
    expect(decided['company']).toEqual({ id: 7008, name: 'Eletrônicos Vizinha' });
  });

  it('limits 10 calls a minute per client with Retry-After, and recovers when the clock moves', async () => {
    await fetch(`${sim.url}/__sim/ra/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rateLimitPerMin: 10 }),
    });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await api('GET', '/ticket/v1/tickets/count')).status);
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429]);
    const limited = await api('GET', '/ticket/v1/tickets/count');
    expect([limited.headers.get('retry-after'), limited.body['code']]).toEqual(['60', 429]);
    sim.clock.advance(60_000);
    expect((await api('GET', '/ticket/v1/tickets/count')).status).toBe(200);
  });

  it('pushes a callback on every change, and applies a write under an "ambiguous" fault', async () => {
    const received: unknown[] = [];
    const receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(raw));
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    sim.pushes.configure({ url, duplicate: 2 });
    const { id } = await complaint();
    sim.faults.add({
      match: { path: '/api/ticket/v1/tickets/message/public' },
      action: { type: 'status', status: 504, applyEffect: true },
    });
    expect(
      (
        await api('POST', '/ticket/v1/tickets/message/public', {
          id: String(id),
          message: 'Resposta',
        })
      ).status,
    ).toBe(504);
    await sim.pushes.idle();
    receiver.close();
    expect(received).toHaveLength(4);
    const seen = (
      received as Array<{ ticket_id: number; ra_status_id: number; hugme_status_id: number }>
    )
      .map((r) => `${r.ticket_id}:${r.ra_status_id}/${r.hugme_status_id}`)
      .sort();
    expect(seen).toEqual([`${id}:5/21`, `${id}:5/21`, `${id}:6/2`, `${id}:6/2`]);
    expect(sim.journal.since(0).at(-1)).toMatchObject({
      status: 504,
      fault: 'f1',
      route: '/api/ticket/v1/tickets/message/public',
    });
  });
});
