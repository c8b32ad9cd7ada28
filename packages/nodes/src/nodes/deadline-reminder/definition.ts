import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { durationField, durationSchema, formatDuration } from '../../shared/duration.js';
import { isPortuguese } from '../../shared/locale.js';
import { portsPtBr } from '../../shared/pt-br.js';

/**
 * Queues the conversation for agents and keeps the channel's answer deadline (Wish: 48 h) as
 * durable timers: a reminder some time before it, and the `late` exit when it passes unanswered.
 */
export const deadlineReminder = defineNode({
  type: 'deadline-reminder',
  version: 1,
  label: 'Answer before the deadline',
  description:
    'Hands the conversation to agents, reminds them before the channel’s answer deadline, and leaves through “late” if it passes.',
  category: 'attendance',
  icon: 'alarm-clock',
  waits: true,
  ports: ['answered', 'late'],
  settings: z.object({
    sector: ui(z.string().trim().max(200).default(''), {
      label: 'Sector',
      help: 'Whose agents receive the conversation; empty keeps the conversation’s current sector.',
    }),
    remindBefore: durationField(
      'Remind before the deadline',
      { amount: 8, unit: 'hours' },
      'How long before the deadline agents are reminded.',
    ),
    reminderAlert: ui(
      z
        .string()
        .trim()
        .min(1, 'write the reminder')
        .max(1000)
        .default('«{{subject}}»: the answer is due soon'),
      { label: 'Reminder', widget: 'template' },
    ),
    lateAlert: ui(
      z
        .string()
        .trim()
        .min(1, 'write the alert')
        .max(1000)
        .default('«{{subject}}» missed its answer deadline'),
      { label: 'Alert when late', widget: 'template' },
    ),
    fallbackDeadline: ui(durationSchema.nullable().default(null), {
      label: 'Deadline where the channel has none',
      widget: 'duration',
      help: 'Counted from entering the node; empty waits without a deadline on such channels.',
    }),
  }),
  summary: (settings, { locale }) => {
    const before = formatDuration(settings.remindBefore, locale);
    return isPortuguese(locale)
      ? `${settings.sector || 'Setor atual'}, lembrete ${before} antes do prazo`
      : `${settings.sector || 'Current sector'}, reminder ${before} before the deadline`;
  },
  traits: () => ({ publicAnswerPort: 'answered' }),
  i18n: {
    'pt-BR': {
      label: 'Responder dentro do prazo',
      description:
        'Entrega a conversa aos atendentes, lembra-os antes do prazo de resposta do canal e sai por “prazo vencido” se ele passar.',
      ports: { answered: portsPtBr.answered, late: 'prazo vencido' },
      fields: {
        sector: {
          label: 'Setor',
          help: 'Setor cujos atendentes recebem a conversa; vazio mantém o setor atual da conversa.',
        },
        remindBefore: {
          label: 'Lembrar antes do prazo',
          help: 'Quanto tempo antes do prazo os atendentes são lembrados.',
        },
        reminderAlert: { label: 'Lembrete' },
        lateAlert: { label: 'Alerta de atraso' },
        fallbackDeadline: {
          label: 'Prazo onde o canal não tem um',
          help: 'Contado a partir da entrada no nó; vazio aguarda sem prazo nesses canais.',
        },
      },
    },
  },
});
