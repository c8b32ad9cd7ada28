import { describe, expect, it } from 'vitest';
import { validateFlow } from '@attendflow/engine';
import { createBuiltInRegistry } from '@attendflow/nodes/runtime';
import { examples, loadExample } from './examples.js';
import { playScript } from './play-script.js';

const registry = createBuiltInRegistry();

/** The transcripts are the spec of the example flows: read them in review. */
const expected: Record<
  string,
  {
    at: string;
    rejections: string[];
    conversation: Record<string, unknown>;
    variables: Record<string, unknown>;
    transcript: string[];
  }
> = {
  'reclame-aqui': {
    at: '$closed',
    rejections: ['CHANNEL_PUBLIC_ANSWER_LIMIT', 'CHANNEL_RECEPTIVE_ONLY'],
    conversation: {
      status: 'closed',
      sector: 'Logística',
      occurrenceType: 'Reclamação',
      occurrence: 'Atraso na entrega',
      solution: 'resolvida',
      assignee: 'carla',
      queue: null,
      answerDueAt: null,
    },
    variables: {
      score: 9,
    },
    transcript: [
      '+0:00:00  customer              «Comprei um celular e a entrega está atrasada há 20 dias, ninguém responde.»',
      '+0:00:00  bot           private «Olá Ana, recebemos sua reclamação “Entrega atrasada há 20 dias” (protocolo RA-104233). Nossa equipe já está analisando o seu caso.»  (ack)',
      '+0:00:00  system                ■ sector=Logística occurrenceType=Reclamação occurrence=Atraso na entrega',
      '+0:30:00  bot           private «Ana, sua reclamação está com a equipe de Logística. Em breve você receberá nossa resposta.»  (delay)',
      '+1:00:00  bot           private «Ana, sua reclamação está com a equipe de Logística. Em breve você receberá nossa resposta.»  (delay)',
      '+1:00:00  system                ■ queue=Logística',
      '+1:00:00  agent:carla           ■ took the conversation',
      '+1:00:00  system                ■ status=in-attendance queue=∅',
      '+1:00:25  agent:carla   public  «Olá Ana, seu pedido foi localizado e será entregue amanhã. Pedimos desculpas.»',
      '+1:00:50  bot                   ⚑ evaluation.request  (evaluation)',
      '+1:00:00  system                ■ status=awaiting-evaluation',
      '+1:01:00  agent:carla           ✗ refused: public reply «Atualizando: a transportadora confirmou a entrega.»: this channel takes at most 1 public answer(s) per conversation [CHANNEL_PUBLIC_ANSWER_LIMIT]',
      '+2d 1:01:00   customer              ★ evaluated: score 9, resolved, «Resolveram rápido»',
      '+2d 1:01:00   system                ■ status=in-attendance',
      '+2d 1:01:00   system                ■ status=closed solution=resolvida',
      '+2d 1:01:00   agent:carla           ✗ refused: private reply «Obrigada pela avaliação!»: the attendance is closed and this channel is receptive only: nothing can be sent [CHANNEL_RECEPTIVE_ONLY]',
    ],
  },
  wish: {
    at: '$closed',
    rejections: ['CHANNEL_NOT_AWAITING_COMPANY'],
    conversation: {
      status: 'closed',
      sector: 'After-sales',
      occurrenceType: 'Ticket',
      occurrence: null,
      solution: 'resolved',
      assignee: 'li',
      queue: null,
      answerDueAt: null,
    },
    variables: {},
    transcript: [
      '+0:00:00  customer              «My order 123 has not arrived yet.»',
      '+0:00:00  system                ■ sector=After-sales occurrenceType=Ticket',
      '+0:00:00  system                ■ queue=After-sales',
      '+1d 16:00:00  system                ! Wish ticket W-5f1e: 8 hours left to answer within the 48 h window  (handoff)',
      '+1d 17:00:00  agent:li              ■ took the conversation',
      '+1d 17:00:00  system                ■ status=in-attendance queue=∅',
      '+1d 17:00:00  agent:li      public  «Your order ships tomorrow; tracking code BR123.»',
      '+1d 17:00:00  agent:li              ✗ refused: public reply «Also: sorry for the delay.»: this channel takes a reply only while the conversation awaits the company [CHANNEL_NOT_AWAITING_COMPANY]',
      '+1d 22:00:00  customer              «Thanks, received it!»',
      '+1d 22:00:00  system                ■ queue=After-sales',
      '+1d 22:00:00  agent:li      public  «Great, enjoy it!»',
      '+4d 22:00:00  system                ■ status=closed solution=resolved queue=∅',
    ],
  },
  'wish-greeting': {
    at: '$closed',
    rejections: [],
    conversation: {
      status: 'closed',
      sector: 'After-sales',
      occurrenceType: null,
      occurrence: null,
      solution: 'buyer-silent',
      assignee: 'li',
      queue: null,
      answerDueAt: null,
    },
    variables: {},
    transcript: [
      '+0:00:00  customer              «Meine Bestellung ist seit drei Wochen unterwegs.»',
      '+0:00:00  bot           public  «Hallo Erika, danke für Ihre Nachricht! Bitte nennen Sie uns Ihre Bestellnummer, damit wir sie sofort prüfen können.»  (greet)',
      '+2:00:00  customer              «Bestellnummer 4711.»',
      '+2:00:00  system                ■ sector=After-sales queue=After-sales',
      '+3:00:00  agent:li              ■ took the conversation',
      '+3:00:00  system                ■ status=in-attendance queue=∅',
      '+3:00:00  agent:li      public  «Ihre Bestellung wird morgen zugestellt: Sendungsnummer DE4711.»',
      '+3d 3:00:00   system                ■ status=closed solution=buyer-silent',
    ],
  },
  'web-chat': {
    at: '$closed',
    rejections: [],
    conversation: {
      status: 'closed',
      sector: 'Atendimento',
      occurrenceType: null,
      occurrence: null,
      solution: 'atendido',
      assignee: 'dani',
      queue: null,
      answerDueAt: null,
    },
    variables: {
      rating: 'good',
      offHoursMessage: 'Quero saber se entregam em Recife. Meu e-mail é bruno@example.com',
    },
    transcript: [
      '+0:00:00  customer              «Oi, vocês entregam em Recife?»',
      '+0:00:00  bot           public  «Nosso horário é de segunda a sexta, das 9h às 18h. Deixe sua mensagem e responderemos no próximo dia útil.»  (offHours)',
      '+0:02:00  customer              «Quero saber se entregam em Recife. Meu e-mail é bruno@example.com»',
      '+0:02:00  bot           public  «Recebemos sua mensagem. Até breve!»  (thanks)',
      '+0:02:00  system                ■ sector=Atendimento queue=Atendimento',
      '+1d 16:02:00  agent:dani            ■ took the conversation',
      '+1d 16:02:00  system                ■ status=in-attendance queue=∅',
      '+1d 16:02:00  agent:dani    public  «Olá Bruno, entregamos sim em Recife!»',
      '+1d 16:12:00  bot                   ⚑ evaluation.request  (rating)',
      '+1d 16:12:00  system                ■ status=awaiting-evaluation',
      '+1d 16:12:00  customer              ★ evaluated: good',
      '+1d 16:12:00  system                ■ status=in-attendance',
      '+1d 16:12:00  bot           public  «Obrigado pelo contato, Bruno!»  (bye)',
      '+1d 16:12:00  system                ■ status=closed solution=atendido',
    ],
  },
  telegram: {
    at: '$closed',
    rejections: [],
    conversation: {
      status: 'closed',
      sector: 'Atendimento',
      occurrenceType: null,
      occurrence: null,
      solution: 'atendido',
      assignee: 'dani',
      queue: null,
      answerDueAt: null,
    },
    variables: {
      rating: 'good',
    },
    transcript: [
      '+0:00:00  customer              «Oi! Meu pedido 5521 veio com a tampa quebrada.»',
      '+0:00:00  bot           public  «Olá Marina! Aqui é o atendimento da Loja Exemplo. Recebemos sua mensagem e uma pessoa da equipe já vai responder por aqui.»  (welcome)',
      '+0:00:00  system                ■ sector=Atendimento queue=Atendimento',
      '+0:03:00  agent:dani            ■ took the conversation',
      '+0:03:00  system                ■ status=in-attendance queue=∅',
      '+0:03:00  agent:dani    public  «Olá Marina, sinto muito! Vamos enviar uma tampa nova ainda hoje.»',
      '+0:08:00  customer              «Perfeito, obrigada!»',
      '+0:38:00  bot                   ⚑ evaluation.request  (rating)',
      '+0:38:00  system                ■ status=awaiting-evaluation',
      '+0:38:00  customer              ★ evaluated: good',
      '+0:38:00  system                ■ status=in-attendance',
      '+0:38:00  bot           public  «Obrigado pelo contato, Marina! Até a próxima.»  (bye)',
      '+0:38:00  system                ■ status=closed solution=atendido',
    ],
  },
};

describe.each(examples)('example flow $id', (example) => {
  it('validates on its channel without errors or warnings', () => {
    const result = validateFlow(loadExample(example), registry, example.channel);
    expect(result.issues.map((issue) => `${issue.severity} ${issue.code} ${issue.nodeId}`)).toEqual(
      [],
    );
    expect(result.ok).toBe(true);
  });

  it('runs its script to the expected transcript', () => {
    const run = playScript(example, registry);
    const want = expected[example.id];
    expect(run.transcript.lines()).toEqual(want?.transcript);
    expect(run.at).toBe(want?.at);
    expect(run.rejections.map((rejection) => rejection.code)).toEqual(want?.rejections);
    expect(run.conversation).toEqual(want?.conversation);
    expect(run.snapshot.context.variables).toEqual(want?.variables);
    expect(run.pendingTimers).toEqual({});
  });
});
