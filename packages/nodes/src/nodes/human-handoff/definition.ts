import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { durationSchema, formatDuration } from '../../shared/duration.js';
import { isPortuguese } from '../../shared/locale.js';
import { portsPtBr } from '../../shared/pt-br.js';

/**
 * Queues the conversation for the agents of a sector and waits for their answer: on channels with
 * public and private messages, the public one (Reclame Aqui's single public answer).
 */
export const humanHandoff = defineNode({
  type: 'human-handoff',
  version: 1,
  label: 'Human handoff',
  description: 'Puts the conversation in a sector’s queue and waits for an agent’s answer.',
  category: 'attendance',
  icon: 'headset',
  waits: true,
  ports: (settings) => (settings.timeout === null ? ['answered'] : ['answered', 'timeout']),
  settings: z.object({
    sector: ui(z.string().trim().max(200).default(''), {
      label: 'Sector',
      help: 'Whose agents receive the conversation; empty keeps the conversation’s current sector.',
    }),
    timeout: ui(durationSchema.nullable().default(null), {
      label: 'Timeout',
      widget: 'duration',
      help: 'Leave through “timeout” when no agent has answered by then; empty waits for ever.',
    }),
    timeoutAlert: ui(z.string().trim().max(1000).default(''), {
      label: 'Alert agents on timeout',
      widget: 'template',
      help: 'Shown to agents when the timeout passes, e.g. “Complaint {{subject}} unanswered for 24 h”.',
    }),
    requirePublicAnswer: ui(z.boolean().default(true), {
      label: 'Wait for the public answer',
      widget: 'switch',
      help: 'Where the channel has private and public messages, only a public reply counts as the answer.',
    }),
  }),
  summary: (settings, { locale }) => {
    const timeout = settings.timeout === null ? null : formatDuration(settings.timeout, locale);
    if (isPortuguese(locale)) {
      const queue = settings.sector || 'setor atual';
      return timeout === null ? `Para ${queue}` : `Para ${queue}, até ${timeout}`;
    }
    const queue = settings.sector || 'current sector';
    return timeout === null ? `To ${queue}` : `To ${queue}, up to ${timeout}`;
  },
  traits: (settings) => (settings.requirePublicAnswer ? { publicAnswerPort: 'answered' } : {}),
  i18n: {
    'pt-BR': {
      label: 'Transferir para atendente',
      description: 'Coloca a conversa na fila de um setor e aguarda a resposta de um atendente.',
      ports: { answered: portsPtBr.answered, timeout: portsPtBr.timeout },
      fields: {
        sector: {
          label: 'Setor',
          help: 'Setor cujos atendentes recebem a conversa; vazio mantém o setor atual da conversa.',
        },
        timeout: {
          label: 'Tempo limite',
          help: 'Sai por “tempo esgotado” quando nenhum atendente respondeu até lá; vazio aguarda indefinidamente.',
        },
        timeoutAlert: {
          label: 'Alertar atendentes ao esgotar o tempo',
          help: 'Mostrado aos atendentes quando o tempo limite passa, ex.: “Reclamação {{subject}} sem resposta há 24 h”.',
        },
        requirePublicAnswer: {
          label: 'Aguardar a resposta pública',
          help: 'Nos canais com mensagens privadas e públicas, só uma resposta pública conta como resposta.',
        },
      },
    },
  },
});
