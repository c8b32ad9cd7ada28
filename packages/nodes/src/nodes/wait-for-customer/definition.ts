import { defineNode } from '@attendflow/engine';
import { z } from 'zod';
import { durationField, formatDuration } from '../../shared/duration.js';
import { saveToField } from '../../shared/save-to.js';

/** Waits for the customer's next message. */
export const waitForCustomer = defineNode({
  type: 'wait-for-customer',
  version: 1,
  label: 'Wait for customer',
  description:
    'Waits for the customer to write again, optionally keeping the message in a variable.',
  category: 'logic',
  icon: 'message-circle-question',
  waits: true,
  ports: ['replied', 'timeout'],
  settings: z.object({
    timeout: durationField(
      'Timeout',
      { amount: 1, unit: 'hours' },
      'Leave through “timeout” when the customer has not written by then.',
    ),
    saveTo: saveToField(
      'Save the message to',
      'Flow variable that receives the text of the customer’s message.',
    ),
  }),
  summary: (settings) =>
    `Up to ${formatDuration(settings.timeout)}${settings.saveTo === '' ? '' : ` → ${settings.saveTo}`}`,
});
