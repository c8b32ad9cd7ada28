import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { requestedVisibility, visibilityField } from '../../shared/visibility.js';
import { durationField, formatDuration } from '../../shared/duration.js';

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
  summary: (settings) => {
    const times = settings.repeat === 'every-delay' ? ` (up to ${settings.maxRepeats + 1}×)` : '';
    return `After ${formatDuration(settings.delay)} without an answer${times}: ${settings.text}`;
  },
  traits: (settings) => ({
    messages: [{ text: settings.text, visibility: requestedVisibility(settings.visibility) }],
  }),
});
