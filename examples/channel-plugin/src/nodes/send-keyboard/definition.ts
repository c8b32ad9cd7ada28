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
    // A copy: `ui()` metadata belongs to one schema object, and the action payload keeps its own.
    text: ui(keyboardPayloadSchema.shape.text.clone(), {
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
  // One entry per language; anything left out stays in English. Fields are named by their path.
  i18n: {
    'pt-BR': {
      label: 'Enviar teclado',
      description:
        'Faz uma pergunta com botões de resposta no Vibe e aguarda a escolha do cliente.',
      ports: {
        picked: 'escolheu',
        other: 'outra resposta',
        timeout: 'tempo esgotado',
        unsubscribed: 'cancelou a inscrição',
      },
      fields: {
        text: { label: 'Pergunta', help: 'Use {{customer.name}} ou uma variável do fluxo.' },
        buttons: { label: 'Botões' },
        saveTo: { label: 'Salvar a resposta em', placeholder: 'variável' },
        timeoutMinutes: { label: 'Aguardar no máximo (minutos)' },
      },
    },
  },
});
