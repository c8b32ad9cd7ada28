import { defineNode } from '@attendflow/engine';
import { z } from 'zod';
import { durationField, formatDuration } from '../../shared/duration.js';
import { saveToField } from '../../shared/save-to.js';

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
  summary: (settings) =>
    `Wait up to ${formatDuration(settings.timeout)}${settings.saveTo === '' ? '' : ` → ${settings.saveTo}`}`,
  traits: () => ({ requestsEvaluation: true }),
});
