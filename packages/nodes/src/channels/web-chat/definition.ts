import { defineChannel } from '@attendflow/engine';
import { webChatSettings } from './settings.js';

/**
 * Our own web-chat widget: one public thread, attachments, a good/bad rating that may be asked for
 * at any time (once), and the site-chat options of the seed as connection settings.
 */
export const webChat = defineChannel({
  type: 'web-chat',
  label: 'Web chat',
  icon: 'chat',
  description: 'The chat widget on your site.',
  settings: webChatSettings,
  policies: {
    visibilities: ['public'],
    evaluation: { requires: 'none', once: true },
    attachments: true,
  },
  i18n: {
    'pt-BR': {
      label: 'Chat do site',
      description: 'O widget de chat no seu site.',
      fields: {
        distributeTo: {
          label: 'Distribuir para',
          help: 'Setor cujos atendentes recebem os chats; atendentes de fora dele não os veem.',
        },
        offHoursEmail: {
          label: 'E-mail fora do horário',
          help: 'Fora do horário de atendimento, cada mensagem é enviada a este endereço num e-mail próprio.',
        },
        showOperatorName: { label: 'Mostrar o nome do atendente' },
        showOperatorPhoto: { label: 'Mostrar a foto do atendente' },
        offerRating: {
          label: 'Oferecer avaliação',
          help: 'Ao final, o visitante pode avaliar o atendimento como bom ou ruim.',
        },
        preChatFields: {
          label: 'Perguntar antes de iniciar o chat',
          help: 'Peça só o que for necessário.',
        },
        'preChatFields.field': {
          label: 'Campo',
          options: { name: 'Nome', email: 'E-mail', phone: 'Telefone', custom: 'Personalizado' },
        },
        'preChatFields.label': {
          label: 'Rótulo',
          help: 'Mostrado ao visitante; obrigatório num campo personalizado.',
        },
        'preChatFields.required': { label: 'Obrigatório' },
        showPreChatFieldsOffHours: { label: 'Perguntar estes campos também fora do horário' },
        autoCloseAfter: {
          label: 'Encerrar após silêncio de',
          help: 'Horas ou dias sem mensagens após os quais o chat é encerrado; vazio: nunca.',
        },
      },
    },
  },
});
