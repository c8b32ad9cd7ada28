import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { OutboundDelivery } from '@attendflow/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailAdapter } from './adapter.js';
import { emailChannel } from './definition.js';
import { startSmtpSink, type SmtpSink } from './simulator.js';

const root = '<CAF1234.ana@mail.cliente.example>';
const never = new AbortController().signal;

const delivery = (overrides: Partial<OutboundDelivery> = {}): OutboundDelivery => ({
  idempotencyKey: 'conv-1:effect-1',
  conversation: {
    id: 'conv-1',
    externalId: root,
    customer: { name: 'Ana Souza', email: 'ana.souza@cliente.example', fields: {} },
    subject: 'Pedido 42 atrasado',
  },
  kind: 'message',
  message: {
    text: 'Olá Ana! Já verificamos.',
    visibility: 'public',
    author: 'bot',
    attachments: [],
  },
  attempt: 1,
  ...overrides,
});

describe('e-mail delivery over SMTP', () => {
  let sink: SmtpSink;
  const settings = () =>
    emailChannel.settings.parse({
      fromAddress: 'atendimento@loja.example',
      fromName: 'Loja Exemplo',
      signature: 'Loja Exemplo\nhttps://loja.example',
      smtpHost: sink.host,
      smtpPort: sink.port,
      smtpUser: 'loja',
      smtpPassword: 'smtp-password-1',
      connectionTimeoutMs: 2_000,
      inboundToken: 'inbound-token-0123456789',
    });

  beforeAll(async () => {
    sink = await startSmtpSink({ user: 'loja', password: 'smtp-password-1' });
  });
  afterAll(() => sink.close());

  it('sends the reply to the customer, in the thread, with the signature', async () => {
    const result = await emailAdapter.deliver(delivery(), settings(), never);
    const [mail] = sink.mails().slice(-1);
    expect(result).toEqual({ ok: true, externalId: mail?.parsed.messageId });
    expect(mail?.envelope).toEqual({
      from: 'atendimento@loja.example',
      to: ['ana.souza@cliente.example'],
    });
    expect(mail?.parsed.from?.text).toBe('"Loja Exemplo" <atendimento@loja.example>');
    expect(mail?.parsed.to).toMatchObject({ text: '"Ana Souza" <ana.souza@cliente.example>' });
    expect(mail?.parsed.subject).toBe('Re: Pedido 42 atrasado');
    expect(mail?.parsed.inReplyTo).toBe(root);
    expect(mail?.parsed.references).toBe(root);
    expect(mail?.parsed.messageId).toMatch(/^<[0-9a-f]{40}\.attendflow@loja\.example>$/);
    expect(mail?.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail?.parsed.text).toBe(
      'Olá Ana! Já verificamos.\n\n-- \nLoja Exemplo\nhttps://loja.example\n',
    );
  });

  it('keeps the Message-ID on a retry and changes it for another delivery', async () => {
    const first = await emailAdapter.deliver(delivery(), settings(), never);
    const retry = await emailAdapter.deliver(delivery({ attempt: 2 }), settings(), never);
    const other = await emailAdapter.deliver(
      delivery({ idempotencyKey: 'conv-1:effect-2' }),
      settings(),
      never,
    );
    const ids = sink
      .mails()
      .slice(-3)
      .map((mail) => mail.parsed.messageId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect([first, retry, other].map((r) => r.ok && r.externalId)).toEqual(ids);
  });

  it('retries a temporary 4xx refusal and gives up on a permanent 5xx one', async () => {
    const before = sink.mails().length;
    sink.failNext({ stage: 'rcpt', code: 450, message: 'Mailbox busy, try later' });
    expect(await emailAdapter.deliver(delivery(), settings(), never)).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringMatching(/^SMTP 127\.0\.0\.1:\d+: .*450 Mailbox busy/) as unknown,
    });
    sink.failNext({ stage: 'data', code: 421, message: 'Too many messages, slow down' });
    expect(await emailAdapter.deliver(delivery(), settings(), never)).toMatchObject({
      ok: false,
      retryable: true,
    });
    sink.failNext({ stage: 'rcpt', code: 550, message: 'No such user' });
    expect(await emailAdapter.deliver(delivery(), settings(), never)).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining('550 No such user') as unknown,
    });
    expect(sink.mails().length).toBe(before);
  });

  it('refuses for good with wrong credentials, never echoing the password', async () => {
    const result = await emailAdapter.deliver(
      delivery(),
      { ...settings(), smtpPassword: 'wrong-password-9' },
      never,
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining('535') as unknown,
    });
    expect(JSON.stringify(result)).not.toContain('wrong-password-9');
  });

  it('retries when the server is unreachable or silent, and honours the abort signal', async () => {
    const unreachable = await emailAdapter.deliver(
      delivery(),
      { ...settings(), smtpHost: 'smtp.invalid' },
      never,
    );
    expect(unreachable).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringMatching(
        /^SMTP smtp\.invalid:\d+: .*(?:ENOTFOUND|EAI_AGAIN|getaddrinfo)/,
      ) as unknown,
    });
    // A server that accepts the connection and never greets.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const aborted = await emailAdapter.deliver(
        delivery(),
        { ...settings(), smtpPort: port },
        AbortSignal.timeout(200),
      );
      expect(aborted).toEqual({
        ok: false,
        retryable: true,
        error: `SMTP 127.0.0.1:${port}: timed out`,
      });
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('refuses what e-mail cannot carry without contacting the server', async () => {
    const before = sink.mails().length;
    const noEmail = delivery();
    noEmail.conversation = { ...noEmail.conversation, customer: { fields: {} } };
    expect(await emailAdapter.deliver(noEmail, settings(), never)).toEqual({
      ok: false,
      retryable: false,
      error: 'the conversation has no customer e-mail',
    });
    const { message: _message, ...rest } = delivery();
    expect(
      await emailAdapter.deliver(
        { ...rest, kind: 'action', action: { name: 'evaluation.request', payload: {} } },
        settings(),
        never,
      ),
    ).toMatchObject({ ok: false, retryable: false });
    expect(sink.mails().length).toBe(before);
  });

  it('checks a connection with the server', async () => {
    expect(await emailAdapter.testConnection?.(settings(), never)).toEqual({
      ok: true,
      detail: `SMTP 127.0.0.1:${sink.port}: ready to send`,
    });
    const bad = await emailAdapter.testConnection?.(
      { ...settings(), smtpPassword: 'nope-nope' },
      never,
    );
    expect(bad?.ok).toBe(false);
  });
});
