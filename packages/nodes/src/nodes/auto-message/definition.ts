import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { requestedVisibility, visibilityField } from '../../shared/visibility.js';
import { portsPtBr, visibilityPtBr } from '../../shared/pt-br.js';

/** Sends an automatic message (a template over the conversation's variables). */
export const autoMessage = defineNode({
  type: 'auto-message',
  version: 1,
  label: 'Auto message',
  description:
    'Sends an automatic message. On channels with private automatic messages it goes privately.',
  category: 'messaging',
  icon: 'message',
  waits: false,
  ports: ['next'],
  settings: z.object({
    text: ui(z.string().trim().min(1, 'write the message'), {
      label: 'Message',
      widget: 'template',
      help: 'Use {{customer.name}}, {{subject}} or a flow variable such as {{protocol}}.',
    }),
    visibility: visibilityField(),
    attachments: ui(
      z
        .array(
          z.object({
            name: ui(z.string().min(1), { label: 'File name' }),
            url: ui(z.string().url(), { label: 'Address (URL)' }),
          }),
        )
        .default([]),
      { label: 'Attachments', widget: 'list' },
    ),
  }),
  summary: (settings) => settings.text,
  traits: (settings) => ({
    messages: [
      {
        text: settings.text,
        visibility: requestedVisibility(settings.visibility),
        hasAttachments: settings.attachments.length > 0,
      },
    ],
  }),
  i18n: {
    'pt-BR': {
      label: 'Mensagem automática',
      description:
        'Envia uma mensagem automática. Nos canais em que as mensagens automáticas são privadas, ela vai como privada.',
      ports: { next: portsPtBr.next },
      fields: {
        text: {
          label: 'Mensagem',
          help: 'Use {{customer.name}}, {{subject}} ou uma variável do fluxo, como {{protocol}}.',
        },
        visibility: visibilityPtBr,
        attachments: { label: 'Anexos' },
        'attachments.name': { label: 'Nome do arquivo' },
        'attachments.url': { label: 'Endereço (URL)' },
      },
    },
  },
});
