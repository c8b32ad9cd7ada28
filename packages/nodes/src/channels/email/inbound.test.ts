import { readFileSync } from 'node:fs';
import type { InboundRequest } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { emailAdapter } from './adapter.js';
import { emailChannel } from './definition.js';
import { inboundParsePayload } from './simulator.js';

const settings = emailChannel.settings.parse({
  fromAddress: 'atendimento@loja.example',
  fromName: 'Loja Exemplo',
  smtpHost: 'smtp.loja.example',
  inboundToken: 'inbound-token-0123456789',
});
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
const request = (body: unknown, authorization?: string): InboundRequest => ({
  headers: authorization === undefined ? {} : { authorization },
  rawBody: JSON.stringify(body),
  body,
});
const parse = (body: unknown) => emailAdapter.parseInbound(request(body), settings);
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('e-mail inbound', () => {
  it('opens a thread from a new message, keyed and deduplicated by its Message-ID', () => {
    expect(parse(fixture('new-thread'))).toEqual({
      ok: true,
      items: [
        {
          externalId: '<CAF1234.ana@mail.cliente.example>',
          dedupKey: '<CAF1234.ana@mail.cliente.example>',
          start: {
            customer: {
              id: 'ana.souza@cliente.example',
              email: 'ana.souza@cliente.example',
              name: 'Ana Souza',
              fields: {},
            },
            subject: 'Pedido 42 atrasado',
            text: 'Olá,\n\nmeu pedido 42 ainda não chegou. Podem verificar?\n\nAna',
            metadata: { to: 'Atendimento <atendimento@loja.example>' },
          },
          event: {
            type: 'customer.message',
            messageId: '<CAF1234.ana@mail.cliente.example>',
            text: 'Olá,\n\nmeu pedido 42 ainda não chegou. Podem verificar?\n\nAna',
            attachments: [],
          },
        },
      ],
    });
  });

  it('threads a reply to the root of its References and strips the quoted history', () => {
    const parsed = parse(fixture('reply-references'));
    expect(parsed.ok && parsed.items[0]).toMatchObject({
      externalId: '<CAF1234.ana@mail.cliente.example>',
      dedupKey: '<CAF5678.ana@mail.cliente.example>',
      start: { customer: { name: 'Souza, Ana' }, subject: 'Pedido 42 atrasado' },
      event: {
        text: 'Chegou hoje, obrigada!',
        attachments: [
          {
            name: 'foto.jpg',
            url: 'https://storage.mailgun.example/v3/domains/loja.example/messages/abc/attachments/0',
            contentType: 'image/jpeg',
            size: 48213,
          },
        ],
      },
    });
  });

  it('threads a reply that has only In-Reply-To (pt-BR quote, RES: subject)', () => {
    const parsed = parse(fixture('reply-in-reply-to'));
    expect(parsed.ok && parsed.items[0]).toMatchObject({
      externalId: '<bruno-1@cliente.example>',
      dedupKey: '<bruno-2@cliente.example>',
      start: { subject: 'Troca de produto' },
      event: { text: 'Esqueci de dizer: o tamanho é M.' },
    });
  });

  it('parses a redelivery to the same item, so the host applies it once', () => {
    expect(parse(fixture('reply-references'))).toEqual(parse(fixture('reply-references')));
    const payload = inboundParsePayload({
      from: 'Ana <ana@cliente.example>',
      subject: 'Oi',
      text: 'Oi',
      messageId: '<m-1@cliente.example>',
      references: ['<root@cliente.example>', '<m-0@loja.example>'],
    });
    const parsed = parse(payload);
    expect(parsed.ok && parsed.items.map((i) => [i.externalId, i.dedupKey])).toEqual([
      ['<root@cliente.example>', '<m-1@cliente.example>'],
    ]);
  });

  it('gives no item for auto-replies, so robots never answer each other', () => {
    expect(parse(fixture('auto-reply'))).toEqual({ ok: true, items: [] });
  });

  it('names the fields of a malformed payload', () => {
    expect(parse(fixture('malformed'))).toEqual({
      ok: false,
      issues: ['subject: Invalid input: expected string, received number'],
    });
    expect(parse({ from: 'Ana Souza', subject: 'x', text: ' ' })).toEqual({
      ok: false,
      issues: [
        'from: no e-mail address in "Ana Souza"',
        'message-id: the message has no Message-ID (field or header)',
        'text: the message has no text',
      ],
    });
    expect(parse({ subject: 'x' })).toMatchObject({
      ok: false,
      issues: [expect.stringMatching(/^from: /)],
    });
    expect(parse('from=ana')).toEqual({
      ok: false,
      issues: ['body: expected the inbound-parse fields as JSON or a form'],
    });
  });

  it('accepts the inbound token as a bearer token or a basic-auth password, nothing else', () => {
    const body = fixture('new-thread');
    const verify = (authorization?: string) =>
      emailAdapter.verifyInbound(request(body, authorization), settings);
    expect(verify('Bearer inbound-token-0123456789')).toBe(true);
    expect(verify(basic('mail', 'inbound-token-0123456789'))).toBe(true);
    expect(verify('Bearer inbound-token-0123456780')).toBe(false);
    expect(verify('Bearer inbound-token-012345678')).toBe(false);
    expect(verify(basic('inbound-token-0123456789', 'x'))).toBe(false);
    expect(verify('inbound-token-0123456789')).toBe(false);
    expect(verify()).toBe(false);
  });
});
