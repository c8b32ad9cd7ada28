import { defineChannel } from '@attendflow/engine';
import { KEYBOARD_ACTION, MAX_TEXT_LENGTH, keyboardPayloadSchema } from './keyboard.js';
import { sendKeyboard } from './nodes/send-keyboard/definition.js';
import { vibeSettings } from './settings.js';

/** The channel type id, stable forever. */
export const VIBE = 'vibe';

/**
 * Vibe, a Viber-like bot API: one public thread per subscriber, text up to 7000 characters, no
 * attachments from the bot, no rating. A user who unsubscribed cannot be written to: the engine
 * has no policy for that yet, so the channel reports `channel.unsubscribed` to the flow, the
 * keyboard node leaves through `unsubscribed`, and delivery fails for good (Vibe status 6).
 */
export const vibe = defineChannel({
  type: VIBE,
  label: 'Vibe',
  icon: 'vibe',
  description: 'A Vibe bot: customers subscribe to it and chat with it in the Vibe app.',
  settings: vibeSettings,
  policies: {
    visibilities: ['public'],
    maxBodyLength: MAX_TEXT_LENGTH,
    attachments: false,
  },
  actions: {
    [KEYBOARD_ACTION]: { label: 'Send a keyboard', payload: keyboardPayloadSchema, by: 'any' },
  },
  nodes: [sendKeyboard],
  i18n: {
    'pt-BR': {
      label: 'Vibe',
      description: 'Um bot do Vibe: os clientes se inscrevem nele e conversam com ele no app Vibe.',
      fields: {
        authToken: {
          label: 'Token do bot',
          help: 'Na página do bot no painel de administração do Vibe; ele também assina cada callback.',
        },
        botName: {
          label: 'Nome do bot',
          help: 'Mostrado ao cliente como remetente de cada mensagem.',
        },
        apiUrl: { label: 'URL da API', help: 'Altere só para apontar para o simulador.' },
        timeoutMs: { label: 'Tempo limite de entrega (ms)' },
      },
      actions: {
        [KEYBOARD_ACTION]: {
          label: 'Enviar um teclado',
          fields: { text: { label: 'Pergunta' }, buttons: { label: 'Botões' } },
        },
      },
    },
  },
});
