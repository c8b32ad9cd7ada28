import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { isPortuguese } from '../../shared/locale.js';
import { portsPtBr } from '../../shared/pt-br.js';

/** Where every flow starts: a new conversation on the flow's channel connection. */
export const trigger = defineNode({
  type: 'trigger',
  version: 1,
  label: 'Start',
  description: 'Starts the flow for each new conversation.',
  category: 'trigger',
  icon: 'play',
  waits: false,
  isEntry: true,
  ports: ['next'],
  settings: z.object({
    description: ui(z.string().max(500).default(''), { label: 'Description', widget: 'textarea' }),
  }),
  summary: (settings, { locale }) =>
    settings.description || (isPortuguese(locale) ? 'Nova conversa' : 'New conversation'),
  i18n: {
    'pt-BR': {
      label: 'Início',
      description: 'Inicia o fluxo a cada nova conversa.',
      ports: { next: portsPtBr.next },
      fields: { description: { label: 'Descrição' } },
    },
  },
});
