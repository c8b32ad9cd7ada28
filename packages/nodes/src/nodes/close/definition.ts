import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { requestedVisibility, visibilityField } from '../../shared/visibility.js';
import { isPortuguese } from '../../shared/locale.js';
import { visibilityPtBr } from '../../shared/pt-br.js';

/** Finishes the attendance with a solution code, after an optional closing message. */
export const close = defineNode({
  type: 'close',
  version: 1,
  label: 'Close',
  description: 'Closes the attendance. On a receptive-only channel nothing can be sent afterwards.',
  category: 'attendance',
  icon: 'check-circle',
  waits: false,
  ports: [],
  settings: z.object({
    message: ui(z.string().trim().max(5000).default(''), {
      label: 'Closing message',
      widget: 'template',
      help: 'Sent before closing; leave empty to close silently.',
    }),
    visibility: visibilityField(),
    solution: ui(z.string().trim().max(200).default(''), {
      label: 'Solution',
      help: 'Solution code recorded on the attendance; empty keeps the one already set.',
    }),
  }),
  summary: (settings, { locale }) => {
    const isPt = isPortuguese(locale);
    if (settings.solution === '') return isPt ? 'Encerrar' : 'Close';
    return isPt ? `Encerrar com ${settings.solution}` : `Close as ${settings.solution}`;
  },
  traits: (settings) => ({
    closes: true,
    ...(settings.message === ''
      ? {}
      : {
          messages: [
            { text: settings.message, visibility: requestedVisibility(settings.visibility) },
          ],
        }),
  }),
  i18n: {
    'pt-BR': {
      label: 'Encerrar atendimento',
      description:
        'Encerra o atendimento. Num canal apenas receptivo, nada mais pode ser enviado depois.',
      fields: {
        message: {
          label: 'Mensagem de encerramento',
          help: 'Enviada antes de encerrar; deixe vazia para encerrar sem mensagem.',
        },
        visibility: visibilityPtBr,
        solution: {
          label: 'Solução',
          help: 'Código de solução registrado no atendimento; vazio mantém o que já estiver definido.',
        },
      },
    },
  },
});
