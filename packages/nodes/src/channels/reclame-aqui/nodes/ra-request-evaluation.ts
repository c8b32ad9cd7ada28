import { defineNode } from '@attendflow/engine';
import { z } from 'zod';
import { durationField, formatDuration } from '../../../shared/duration.js';
import { saveToField } from '../../../shared/save-to.js';
import { isPortuguese } from '../../../shared/locale.js';
import { portsPtBr, saveToPtBr } from '../../../shared/pt-br.js';

/**
 * Reclame Aqui's evaluation request: asks the consumer to evaluate (allowed once the public answer
 * is given) and routes on RA's own answers — `resolved` or `not-resolved` — saving the grade and
 * "would do business again".
 */
export const raRequestEvaluation = defineNode({
  type: 'ra-request-evaluation',
  version: 1,
  label: 'Request evaluation (Reclame Aqui)',
  description:
    'Asks the consumer to evaluate on Reclame Aqui and routes on whether it was resolved.',
  category: 'channel',
  icon: 'star',
  waits: true,
  channels: ['reclame-aqui'],
  ports: ['resolved', 'not-resolved', 'timeout', 'refused'],
  settings: z.object({
    timeout: durationField(
      'Timeout',
      { amount: 7, unit: 'days' },
      'Leave through “timeout” when the consumer has not evaluated by then.',
    ),
    saveGradeTo: saveToField('Save the grade to', 'Flow variable that receives the grade (0–10).'),
    saveDealAgainTo: saveToField(
      'Save “would do business again” to',
      'Flow variable that receives true or false.',
    ),
  }),
  summary: (s, { locale }) =>
    isPortuguese(locale)
      ? `Aguarda a avaliação até ${formatDuration(s.timeout, locale)}`
      : `Wait up to ${formatDuration(s.timeout, locale)} for the evaluation`,
  traits: () => ({ requestsEvaluation: true }),
  i18n: {
    'pt-BR': {
      label: 'Solicitar avaliação (Reclame Aqui)',
      description:
        'Pede ao consumidor que avalie no Reclame Aqui e segue conforme o problema foi resolvido ou não.',
      ports: {
        resolved: 'resolvido',
        'not-resolved': 'não resolvido',
        timeout: portsPtBr.timeout,
        refused: portsPtBr.refused,
      },
      fields: {
        timeout: {
          label: 'Tempo limite',
          help: 'Sai por “tempo esgotado” quando o consumidor não avaliou até lá.',
        },
        saveGradeTo: saveToPtBr('Salvar a nota em', 'Variável do fluxo que recebe a nota (0–10).'),
        saveDealAgainTo: saveToPtBr(
          'Salvar “voltaria a fazer negócio” em',
          'Variável do fluxo que recebe true ou false.',
        ),
      },
    },
  },
});
