import { defineNode } from '@attendflow/engine';
import { z } from 'zod';
import { durationField, formatDuration } from '../../shared/duration.js';
import { saveToField } from '../../shared/save-to.js';
import { isPortuguese } from '../../shared/locale.js';
import { portsPtBr, saveToPtBr } from '../../shared/pt-br.js';

/** Asks the customer to evaluate the attendance (RA evaluation, web-chat rating …) and waits for it. */
export const requestEvaluation = defineNode({
  type: 'request-evaluation',
  version: 1,
  label: 'Request evaluation',
  description: 'Asks the customer to evaluate the attendance and waits for the evaluation.',
  category: 'attendance',
  icon: 'star',
  waits: true,
  ports: ['evaluated', 'timeout', 'refused'],
  settings: z.object({
    timeout: durationField(
      'Timeout',
      { amount: 3, unit: 'days' },
      'Leave through “timeout” when no evaluation came by then.',
    ),
    saveTo: saveToField(
      'Save the score to',
      'Flow variable that receives the score (0–10), or the good/bad rating where the channel has no score.',
    ),
  }),
  summary: (settings, { locale }) => {
    const timeout = formatDuration(settings.timeout, locale);
    const saved = settings.saveTo === '' ? '' : ` → ${settings.saveTo}`;
    return `${isPortuguese(locale) ? 'Aguarda até' : 'Wait up to'} ${timeout}${saved}`;
  },
  traits: () => ({ requestsEvaluation: true }),
  i18n: {
    'pt-BR': {
      label: 'Solicitar avaliação',
      description: 'Pede ao cliente que avalie o atendimento e aguarda a avaliação.',
      ports: { evaluated: 'avaliado', timeout: portsPtBr.timeout, refused: portsPtBr.refused },
      fields: {
        timeout: {
          label: 'Tempo limite',
          help: 'Sai por “tempo esgotado” quando nenhuma avaliação chegou até lá.',
        },
        saveTo: saveToPtBr(
          'Salvar a nota em',
          'Variável do fluxo que recebe a nota (0–10), ou a avaliação bom/ruim onde o canal não tem nota.',
        ),
      },
    },
  },
});
