import { count, eq } from 'drizzle-orm';
import { inboundParsePayload, startSmtpSink, type SmtpSink } from '@attendflow/nodes/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, events, messages, outbox } from '../db/schema/index.js';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

const inboundToken = 'email-inbound-token-0123456789';
const root = '<CAF1234.ana@mail.cliente.example>';

type Results = {
  results: Array<{ externalId: string; conversationId: string | null; status: string }>;
};

describe.each(testBackends())('e-mail channel end to end on $name', (backend) => {
  let t: TestApp;
  let smtp: SmtpSink;
  let connectionId: string;

  const post = (payload: Record<string, string>, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: `/api/channels/${connectionId}/inbound`,
      headers: {
        'content-type': contentType,
        // How SendGrid and Mailgun authenticate: basic auth taken from the webhook URL.
        authorization: `Basic ${Buffer.from(`mail:${inboundToken}`).toString('base64')}`,
      },
      payload:
        contentType === 'application/json'
          ? JSON.stringify(payload)
          : new URLSearchParams(payload).toString(),
    });
  const tally = async () => {
    const { db } = t.database;
    const of = async (table: typeof conversations | typeof events | typeof outbox) =>
      (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
    return {
      conversations: await of(conversations),
      events: await of(events),
      outbox: await of(outbox),
    };
  };
  const first = inboundParsePayload({
    from: 'Ana Souza <ana.souza@cliente.example>',
    subject: 'Pedido 42 atrasado',
    text: 'Meu pedido 42 ainda não chegou.',
    messageId: root,
  });

  beforeAll(async () => {
    t = await startTestApp(backend);
    smtp = await startSmtpSink();
    ({ connectionId } = await seedConnection(t.database.db, t.core.connections, {
      type: 'email',
      settings: {
        fromAddress: 'atendimento@loja.example',
        fromName: 'Loja Exemplo',
        signature: 'Equipe Loja Exemplo',
        smtpHost: smtp.host,
        smtpPort: smtp.port,
        connectionTimeoutMs: 2_000,
        inboundToken,
      },
    }));
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  it('opens a conversation from an inbound e-mail and sends the flow’s greeting in its thread', async () => {
    const response = await post(first);
    expect(response.statusCode).toBe(200);
    const [result] = response.json<Results>().results;
    expect(result).toMatchObject({ externalId: root, status: 'applied' });
    const [row] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, result?.conversationId ?? ''));
    expect(row).toMatchObject({
      externalId: root,
      subject: 'Pedido 42 atrasado',
      customer: { name: 'Ana Souza', email: 'ana.souza@cliente.example' },
    });

    expect(await t.core.outbox.runOnce()).toBe(1);
    const [mail] = smtp.mails();
    expect(mail?.envelope.to).toEqual(['ana.souza@cliente.example']);
    expect(mail?.parsed.subject).toBe('Re: Pedido 42 atrasado');
    expect(mail?.parsed.inReplyTo).toBe(root);
    expect(mail?.parsed.references).toBe(root);
    expect(mail?.parsed.text).toBe('Olá Ana Souza!\n\n-- \nEquipe Loja Exemplo\n');
    const [sent] = await t.database.db.select().from(messages).where(eq(messages.state, 'sent'));
    expect(sent?.text).toBe('Olá Ana Souza!');
  });

  it('applies the same webhook twice once: one conversation, one event', async () => {
    const before = await tally();
    expect(before).toEqual({ conversations: 1, events: 1, outbox: 1 });
    const again = await post(first);
    expect(again.json<Results>().results).toMatchObject([
      { externalId: root, status: 'duplicate' },
    ]);
    expect(await tally()).toEqual(before);
    expect(await t.core.outbox.runOnce()).toBe(0);
    expect(smtp.mails()).toHaveLength(1);
  });

  it('threads the customer’s answer (a form post) into the same conversation', async () => {
    const ourReply = smtp.mails()[0]?.parsed.messageId ?? '';
    const response = await post(
      inboundParsePayload({
        from: 'Ana Souza <ana.souza@cliente.example>',
        subject: 'Re: Pedido 42 atrasado',
        text: `Alguma novidade?\n\nOn Mon, Mar 2, 2026 at 12:00 PM Loja Exemplo wrote:\n> Olá Ana Souza!`,
        messageId: '<CAF5678.ana@mail.cliente.example>',
        inReplyTo: ourReply,
        references: [root, ourReply],
      }),
      'application/x-www-form-urlencoded',
    );
    const [result] = response.json<Results>().results;
    expect(result).toMatchObject({ externalId: root, status: 'applied' });
    expect(await tally()).toMatchObject({ conversations: 1, events: 2 });
    const customerMessages = await t.database.db
      .select({ localId: messages.localId, text: messages.text })
      .from(messages)
      .where(eq(messages.author, 'customer'));
    expect(customerMessages.sort((a, b) => a.localId.localeCompare(b.localId))).toEqual([
      { localId: 'in1', text: 'Meu pedido 42 ainda não chegou.' },
      { localId: 'in2', text: 'Alguma novidade?' },
    ]);
  });
});
