import { defineNode } from '@attendflow/engine';
import { z } from 'zod';
import { durationField, formatDuration } from '../../shared/duration.js';
import { saveToField } from '../../shared/save-to.js';
import { isPortuguese } from '../../shared/locale.js';
import { portsPtBr, saveToPtBr } from '../../shared/pt-br.js';

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
  summary: (settings, { locale }) => {
    const timeout = formatDuration(settings.timeout, locale);
    const saved = settings.saveTo === '' ? '' : ` → ${settings.saveTo}`;
    return `${isPortuguese(locale) ? 'Até' : 'Up to'} ${timeout}${saved}`;
  },
  i18n: {
    'pt-BR': {
      label: 'Aguardar cliente',
      description:
        'Aguarda o cliente escrever de novo e, se quiser, guarda a mensagem numa variável.',
      ports: { replied: 'respondeu', timeout: portsPtBr.timeout },
      fields: {
        timeout: {
          label: 'Tempo limite',
          help: 'Sai por “tempo esgotado” quando o cliente não escreveu até lá.',
        },
        saveTo: saveToPtBr(
          'Salvar a mensagem em',
          'Variável do fluxo que recebe o texto da mensagem do cliente.',
        ),
      },
    },
  },
});
