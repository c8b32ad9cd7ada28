import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { requestedVisibility, visibilityField } from '../../shared/visibility.js';
import { durationField, formatDuration } from '../../shared/duration.js';
import { isPortuguese } from '../../shared/locale.js';
import { portsPtBr, visibilityPtBr } from '../../shared/pt-br.js';

/**
 * Waits for an agent's answer after the customer's message; when none comes within the delay,
 * sends an auto-reply (again every delay, up to a limit, when set to repeat).
 */
export const autoReplyDelay = defineNode({
  type: 'auto-reply-delay',
  version: 1,
  label: 'Auto-reply delay',
  description: 'Reassures the customer with an automatic reply when no agent has answered in time.',
  category: 'attendance',
  icon: 'hourglass',
  waits: true,
  ports: (settings) =>
    settings.continueAfter === 'timeout' ? ['answered', 'timeout'] : ['answered'],
  settings: z.object({
    delay: durationField(
      'Delay',
      { amount: 2, unit: 'minutes' },
      'Time without an agent’s answer before the auto-reply.',
    ),
    text: ui(z.string().trim().min(1, 'write the auto-reply'), {
      label: 'Auto-reply',
      widget: 'template',
      help: 'E.g. “All our agents are busy; we will answer you shortly, {{customer.name}}.”',
    }),
    visibility: visibilityField(),
    repeat: ui(z.enum(['off', 'every-delay']).default('off'), {
      label: 'Repeat',
      widget: 'select',
      help: 'Send the auto-reply again after each further delay without an answer.',
    }),
    maxRepeats: ui(
      z
        .number()
        .int('use a whole number')
        .min(1, 'repeat at least once')
        .max(20, 'repeat at most 20 times')
        .default(3),
      {
        label: 'Repeats at most',
        help: 'Auto-replies after the first one, when repeating.',
      },
    ),
    continueAfter: ui(z.enum(['timeout', 'keep-waiting']).default('timeout'), {
      label: 'After the last auto-reply',
      widget: 'select',
      help: 'Leave through “timeout”, or keep waiting for an agent (a new customer message starts over).',
    }),
  }),
  summary: (settings, { locale }) => {
    const delay = formatDuration(settings.delay, locale);
    const times = settings.maxRepeats + 1;
    if (isPortuguese(locale)) {
      const upTo = settings.repeat === 'every-delay' ? ` (até ${times}×)` : '';
      return `Após ${delay} sem resposta${upTo}: ${settings.text}`;
    }
    const upTo = settings.repeat === 'every-delay' ? ` (up to ${times}×)` : '';
    return `After ${delay} without an answer${upTo}: ${settings.text}`;
  },
  traits: (settings) => ({
    messages: [{ text: settings.text, visibility: requestedVisibility(settings.visibility) }],
  }),
  i18n: {
    'pt-BR': {
      label: 'Resposta automática por espera',
      description:
        'Tranquiliza o cliente com uma resposta automática quando nenhum atendente respondeu a tempo.',
      ports: { answered: portsPtBr.answered, timeout: portsPtBr.timeout },
      fields: {
        delay: {
          label: 'Espera',
          help: 'Tempo sem resposta de um atendente antes da resposta automática.',
        },
        text: {
          label: 'Resposta automática',
          help: 'Ex.: “Todos os nossos atendentes estão ocupados; logo responderemos, {{customer.name}}.”',
        },
        visibility: visibilityPtBr,
        repeat: {
          label: 'Repetir',
          help: 'Envia a resposta automática de novo a cada nova espera sem resposta.',
          options: { off: 'Não repetir', 'every-delay': 'A cada espera' },
        },
        maxRepeats: {
          label: 'Repetir no máximo',
          help: 'Respostas automáticas depois da primeira, quando repete.',
        },
        continueAfter: {
          label: 'Depois da última resposta automática',
          help: 'Sai por “tempo esgotado”, ou continua aguardando um atendente (uma nova mensagem do cliente recomeça a contagem).',
          options: { timeout: 'Sair por “tempo esgotado”', 'keep-waiting': 'Continuar aguardando' },
        },
      },
    },
  },
});
