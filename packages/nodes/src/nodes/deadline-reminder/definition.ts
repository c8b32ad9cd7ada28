import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { durationField, durationSchema, formatDuration } from '../../shared/duration.js';

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
  summary: (settings) =>
    `${settings.sector === '' ? 'Current sector' : settings.sector}, reminder ${formatDuration(settings.remindBefore)} before the deadline`,
  traits: () => ({ publicAnswerPort: 'answered' }),
});
