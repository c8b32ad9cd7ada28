import { defineNode } from '@attendflow/engine';
import { z } from 'zod';
import { durationField, formatDuration } from '../../../shared/duration.js';
import { saveToField } from '../../../shared/save-to.js';

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
  summary: (s) => `Wait up to ${formatDuration(s.timeout)} for the evaluation`,
  traits: () => ({ requestsEvaluation: true }),
});
