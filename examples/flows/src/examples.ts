import { readFileSync } from 'node:fs';
import { script, type RunFlowOptions, type ScriptStep } from '@attendflow/engine/testing';

/** An example flow with the channel it runs on and a demo script. */
export interface Example {
  id: string;
  title: string;
  /** File beside this package's root. */
  file: string;
  channel: string;
  start: NonNullable<RunFlowOptions['start']>;
  startAt: string;
  script: ScriptStep[];
}

/** The example flows, each with a script that walks its main path. */
export const examples: Example[] = [
  {
    id: 'reclame-aqui',
    title: 'Reclame Aqui complaint',
    file: 'reclame-aqui-complaint.flow.json',
    channel: 'reclame-aqui',
    start: {
      externalId: 'RA-104233',
      subject: 'Entrega atrasada há 20 dias',
      text: 'Comprei um celular e a entrega está atrasada há 20 dias, ninguém responde.',
      customer: { name: 'Ana', email: 'ana@example.com', fields: {} },
      metadata: { city: 'Campinas', state: 'SP' },
    },
    startAt: '2026-03-02T13:00:00Z',
    script: [
      script.wait('1h'),
      script.take('carla'),
      script.reply(
        'Olá Ana, seu pedido foi localizado e será entregue amanhã. Pedimos desculpas.',
        'public',
        'carla',
      ),
      script.wait('1m'),
      script.reply('Atualizando: a transportadora confirmou a entrega.', 'public', 'carla'),
      script.wait('2d'),
      script.evaluate({ score: 9, resolved: true, comment: 'Resolveram rápido' }),
      script.reply('Obrigada pela avaliação!', 'private', 'carla'),
    ],
  },
  {
    id: 'wish',
    title: 'Wish merchant ticket',
    file: 'wish-ticket.flow.json',
    channel: 'wish',
    start: {
      externalId: 'W-5f1e',
      subject: 'Where is my order?',
      text: 'My order 123 has not arrived yet.',
      customer: { name: 'John', fields: {} },
      metadata: { category: 'post-purchase' },
    },
    startAt: '2026-03-02T13:00:00Z',
    script: [
      script.wait('41h'),
      script.take('li'),
      script.reply('Your order ships tomorrow; tracking code BR123.', 'public', 'li'),
      script.reply('Also: sorry for the delay.', 'public', 'li'),
      script.wait('5h'),
      script.customer('Thanks, received it!'),
      script.reply('Great, enjoy it!', 'public', 'li'),
      script.wait('3d'),
    ],
  },
  {
    id: 'wish-greeting',
    title: 'Wish ticket greeted in the buyer’s language',
    file: 'wish-greeting.flow.json',
    channel: 'wish',
    start: {
      externalId: 'W-7a2c',
      subject: 'Wo ist meine Bestellung?',
      text: 'Meine Bestellung ist seit drei Wochen unterwegs.',
      customer: { name: 'Erika', fields: { locale: 'de' } },
      metadata: { category: 'post-purchase', locale: 'de' },
    },
    startAt: '2026-03-02T13:00:00Z',
    script: [
      script.wait('2h'),
      script.customer('Bestellnummer 4711.'),
      script.wait('1h'),
      script.take('li'),
      script.reply(
        'Ihre Bestellung wird morgen zugestellt: Sendungsnummer DE4711.',
        'public',
        'li',
      ),
      script.wait('3d'),
    ],
  },
  {
    id: 'web-chat',
    title: 'Web chat with business hours',
    file: 'web-chat-business-hours.flow.json',
    channel: 'web-chat',
    start: { customer: { name: 'Bruno', fields: {} }, text: 'Oi, vocês entregam em Recife?' },
    // A Saturday afternoon in São Paulo: off hours.
    startAt: '2026-03-07T18:00:00Z',
    script: [
      script.wait('2m'),
      script.customer('Quero saber se entregam em Recife. Meu e-mail é bruno@example.com'),
      script.wait('40h'),
      script.take('dani'),
      script.reply('Olá Bruno, entregamos sim em Recife!', 'public', 'dani'),
      script.wait('10m'),
      script.evaluate({ rating: 'good' }),
    ],
  },
  {
    id: 'telegram',
    title: 'Telegram welcome',
    file: 'telegram-welcome.flow.json',
    channel: 'telegram',
    start: {
      externalId: '700000001',
      customer: { name: 'Marina', fields: { languageCode: 'pt-br' } },
      text: 'Oi! Meu pedido 5521 veio com a tampa quebrada.',
    },
    startAt: '2026-03-03T14:00:00Z',
    script: [
      script.wait('3m'),
      script.take('dani'),
      script.reply(
        'Olá Marina, sinto muito! Vamos enviar uma tampa nova ainda hoje.',
        'public',
        'dani',
      ),
      script.wait('5m'),
      script.customer('Perfeito, obrigada!'),
      script.wait('30m'),
      script.evaluate({ rating: 'good' }),
    ],
  },
];

/** The flow document of an example, as stored. */
export function loadExample(example: Example): unknown {
  return JSON.parse(readFileSync(new URL(`../${example.file}`, import.meta.url), 'utf8'));
}
