import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelConnections, conversations, events, messages, outbox } from '../db/schema/index.js';
import { seedExamples } from '../services/seed-examples.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';
import { startDemoSimulators, type DemoSimulators } from './demo-simulators.js';
import { seedDemo, type SeededDemo } from './seed-demo.js';

type Summary = {
  channel: string;
  externalId: string;
  status: string;
  flowState: string;
  subject: string | null;
  sector: string | null;
  queue: string | null;
  customer: { name?: string; email?: string; fields?: Record<string, unknown> };
};

/** Deliveries to different conversations may go in any order: compare them by ticket id. */
const byTicketId = (a: unknown[], b: unknown[]) =>
  String((a[2] as { id?: string }).id).localeCompare(String((b[2] as { id?: string }).id));

describe.each(testBackends())('demo seeding on $name', (backend) => {
  let t: TestApp;
  let sims: DemoSimulators;
  let first: SeededDemo;

  const conversationsNow = async () =>
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/conversations?limit=100',
        headers: t.as('agent'),
      })
    )
      .json<{ items: Summary[] }>()
      .items.map(
        (c) =>
          `${c.channel} ${c.status} ${c.flowState} «${c.subject ?? ''}» ${c.customer.name ?? ''} <${c.customer.email ?? ''}> ${c.sector ?? '-'}/${c.queue ?? '-'}`,
      )
      .sort();
  const tally = async () => {
    const { db } = t.database;
    const n = async (
      table: typeof conversations | typeof events | typeof messages | typeof outbox,
    ) => (await db.select({ n: count() }).from(table))[0]?.n;
    return {
      conversations: await n(conversations),
      events: await n(events),
      messages: await n(messages),
      outbox: await n(outbox),
    };
  };
  const deliver = async () => {
    for (let round = 0; round < 10 && (await t.core.outbox.runOnce()) > 0; round++);
  };
  /** The company's writes to each simulator, as the vendor received them. */
  const vendorWrites = () => ({
    reclameAqui: sims.reclameAqui.journal
      .since(0)
      .filter((e) => e.method === 'POST' && e.path !== '/api/auth/oauth/token')
      .map((e) => [e.path, e.status, e.body])
      .sort(byTicketId),
    wish: sims.wish.journal
      .since(0)
      .filter((e) => e.method === 'POST')
      .map((e) => [e.path, e.status, e.body])
      .sort(byTicketId),
    telegram: sims.telegram.sim.journal
      .since(0)
      .filter((e) => e.route === '/bot:token/sendMessage')
      .map((e) => [e.status, (e.body as { text?: string }).text]),
  });
  const reads = () => ({
    reclameAqui: sims.reclameAqui.journal.since(0).some((e) => e.route?.endsWith('/tickets')),
    wish: sims.wish.journal.since(0).some((e) => e.path.endsWith('/get-action-required')),
    telegram: sims.telegram.sim.journal.since(0).some((e) => e.route === '/bot:token/getUpdates'),
  });

  beforeAll(async () => {
    t = await startTestApp(backend);
    // The simulators follow real time; the server's clock starts beside them.
    t.clock.now = Date.now();
  });
  afterAll(async () => {
    await sims.close();
    await t.close();
  });

  it('makes the demo connections on a first start and turns the seeded complaints, tickets and chat into conversations', async () => {
    const seeded = await seedExamples(t.core);
    expect(seeded).not.toBeNull();
    sims = await startDemoSimulators();
    first = await seedDemo(t.core, sims, seeded?.flowIds ?? null);
    expect(first.connections.map((c) => `${c.type} ${c.name}`)).toEqual([
      'reclame-aqui Reclame Aqui (simulator)',
      'wish Wish (simulator)',
      'telegram Telegram (simulator)',
    ]);
    expect(await t.core.sync.runOnce()).toBe(3);
    await deliver();

    const [ra1, ra2, ra3] = first.simulators.complaintIds;
    const [wishDe, wishFr] = first.simulators.wishTicketIds;
    expect(await conversationsNow()).toEqual([
      'reclame-aqui waiting delay «Air fryer parou de funcionar» Patrícia Souza <patricia.souza@example.com> SAC/-',
      'reclame-aqui waiting delay «Cobrança em dobro no cartão» Roberto Almeida <roberto.almeida@example.com> Financeiro/-',
      'reclame-aqui waiting delay «Entrega atrasada há 15 dias» Juliana Ferreira <juliana.ferreira@example.com> Logística/-',
      'telegram waiting agent «» Marina Costa <> Atendimento/Atendimento',
      'wish waiting buyer «Colis endommagé» Marie Dubois <> -/-',
      'wish waiting buyer «Wo ist meine Bestellung?» Erika Mustermann <> -/-',
    ]);
    const ack = (id: number | undefined, name: string, title: string) => [
      '/api/ticket/v1/tickets/message/private',
      200,
      {
        id: String(id),
        email: 'sac@loja.example',
        message: `Olá ${name}, recebemos sua reclamação “${title}” (protocolo ${id}). Nossa equipe já está analisando o seu caso.`,
      },
    ];
    const greeting = (id: string | undefined, reply: string) => [
      '/api/v2/ticket/reply',
      200,
      { id, reply, access_token: '[redacted]' },
    ];
    expect(vendorWrites()).toEqual({
      reclameAqui: [
        ack(ra1, 'Juliana Ferreira', 'Entrega atrasada há 15 dias'),
        ack(ra2, 'Roberto Almeida', 'Cobrança em dobro no cartão'),
        ack(ra3, 'Patrícia Souza', 'Air fryer parou de funcionar'),
      ],
      wish: [
        greeting(
          wishDe,
          'Hallo Erika Mustermann, danke für Ihre Nachricht! Bitte nennen Sie uns Ihre Bestellnummer, damit wir sie sofort prüfen können.',
        ),
        greeting(
          wishFr,
          'Bonjour Marie Dubois, merci de nous avoir contactés ! Indiquez-nous votre numéro de commande pour que nous puissions la vérifier.',
        ),
      ],
      telegram: [
        [
          200,
          'Olá Marina Costa! Aqui é o atendimento da Loja Exemplo. Recebemos sua mensagem e uma pessoa da equipe já vai responder por aqui.',
        ],
      ],
    });
  });

  /** A Telegram message typed by hand (the banner's curl line). */
  const addActivity = async (label: string) => {
    const response = await fetch(
      `${sims.urls.telegram.url}/__sim/telegram/users/${first.simulators.telegramUserId}/send`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `Alguma novidade? (${label})` }),
      },
    );
    expect(response.status).toBe(201);
  };
  /** As a callback or an admin would: every demo connection is pulled now. */
  const syncNow = async () => {
    t.clock.now = Date.now();
    for (const connection of first.connections) await t.core.sync.requestSync(connection.id);
  };
  const inboundTexts = async () =>
    (
      await t.database.db
        .select({ text: messages.text })
        .from(messages)
        .where(eq(messages.direction, 'inbound'))
    ).map((m) => m.text);

  it('adds nothing when the demo starts again on the same database with fresh simulators', async () => {
    await addActivity('antes');
    await syncNow();
    expect(await t.core.sync.runOnce()).toBe(3);
    await deliver();
    expect(await inboundTexts()).toContain('Alguma novidade? (antes)');
    const before = await tally();
    await sims.close();
    sims = await startDemoSimulators();
    expect(await seedExamples(t.core)).toBeNull();
    const again = await seedDemo(t.core, sims, null);
    expect(again.connections.map((c) => c.id)).toEqual(first.connections.map((c) => c.id));
    expect(again.simulators).toEqual(first.simulators);
    const urls = (await t.database.db.select().from(channelConnections))
      .map((row) => {
        const settings = row.settings as { baseUrl?: string; apiBaseUrl?: string };
        return `${row.type} ${settings.baseUrl ?? settings.apiBaseUrl ?? '-'}`;
      })
      .sort();
    expect(urls).toEqual(
      [
        `reclame-aqui ${sims.urls.reclameAqui.apiBaseUrl}`,
        `telegram ${sims.urls.telegram.apiBaseUrl}`,
        'web-chat -',
        `wish ${sims.urls.wish.apiBaseUrl}`,
      ].sort(),
    );

    t.clock.now = Date.now();
    expect(await t.core.sync.runOnce()).toBe(3);
    await deliver();
    expect(reads()).toEqual({ reclameAqui: true, wish: true, telegram: true });
    expect(vendorWrites()).toEqual({ reclameAqui: [], wish: [], telegram: [] });
    expect(await tally()).toEqual(before);

    // What is made after the restart gets ids never seen before, so nothing new is dropped.
    await addActivity('depois');
    await syncNow();
    expect(await t.core.sync.runOnce()).toBe(3);
    expect(await inboundTexts()).toContain('Alguma novidade? (depois)');
    expect((await tally()).conversations).toBe(before.conversations);
  });
});
