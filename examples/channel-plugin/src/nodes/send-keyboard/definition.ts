import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { keyboardPayloadSchema } from '../../keyboard.js';

/** The Vibe-only node: asks a question with reply buttons and waits for the customer's pick. */
export const sendKeyboard = defineNode({
  type: 'vibe-send-keyboard',
  version: 1,
  label: 'Send keyboard',
  description: 'Asks a question with reply buttons on Vibe and waits for the customer’s choice.',
  category: 'channel',
  icon: 'keyboard',
  waits: true,
  channels: ['vibe'],
  ports: ['picked', 'other', 'timeout', 'unsubscribed'],
  settings: z.object({
    text: ui(keyboardPayloadSchema.shape.text, {
      label: 'Question',
      widget: 'template',
      help: 'Use {{customer.name}} or a flow variable.',
    }),
    buttons: keyboardPayloadSchema.shape.buttons,
    saveTo: ui(
      z
        .string()
        .trim()
        .regex(/^([A-Za-z_][A-Za-z0-9_]*)?$/, 'use a variable name: a letter or "_" first')
        .default(''),
      { label: 'Save the answer to', placeholder: 'variable' },
    ),
    timeoutMinutes: ui(z.number().int().positive('must be greater than zero').default(60), {
      label: 'Wait at most (minutes)',
      widget: 'number',
    }),
  }),
  summary: (settings) => `${settings.text} [${settings.buttons.join(' | ')}]`,
  traits: () => ({ channelActions: ['keyboard.send'] }),
});
