import { defineChannel } from '@attendflow/engine';
import { emailSettings } from './settings.js';

/**
 * E-mail: one conversation per thread (Message-ID / In-Reply-To / References), replies out through
 * SMTP with the connection's signature, customer mail in through an inbound-parse webhook.
 *
 * Every reply goes to the customer alone, so there is no public/private split: like the other
 * channels without one it has only `public` (the engine's word for "to the customer"). It has no
 * built-in evaluation (a survey link is a flow message) and sends no attachments yet.
 */
export const emailChannel = defineChannel({
  type: 'email',
  label: 'E-mail',
  icon: 'email',
  description: 'Customer e-mail: threads in through an inbound-parse webhook, replies out by SMTP.',
  settings: emailSettings,
  policies: {
    visibilities: ['public'],
    attachments: false,
  },
  i18n: {
    'pt-BR': {
      label: 'E-mail',
      description:
        'E-mail dos clientes: conversas chegam por um webhook de inbound parse e as respostas saem por SMTP.',
      fields: {
        fromAddress: {
          label: 'Endereço do remetente',
          help: 'As respostas saem deste endereço; os clientes respondem para ele.',
        },
        fromName: {
          label: 'Nome do remetente',
          help: 'Mostrado aos clientes como remetente (“Loja Exemplo Atendimento”).',
        },
        signature: {
          label: 'Assinatura',
          help: 'Texto simples acrescentado a cada resposta, depois do separador padrão “-- ”.',
        },
        smtpHost: { label: 'Servidor SMTP' },
        smtpPort: { label: 'Porta SMTP', help: 'Normalmente 587 (STARTTLS) ou 465 (TLS).' },
        smtpSecure: {
          label: 'TLS desde o início',
          help: 'Ligado para a porta 465; desligado para passar a STARTTLS quando o servidor oferecer (porta 587).',
        },
        smtpUser: {
          label: 'Usuário SMTP',
          help: 'Vazio quando o servidor aceita e-mails sem login.',
        },
        smtpPassword: { label: 'Senha SMTP' },
        connectionTimeoutMs: {
          label: 'Tempo limite da conexão (ms)',
          help: 'Quanto esperar o servidor SMTP conectar, cumprimentar e responder a cada comando.',
        },
        inboundToken: {
          label: 'Token de entrada',
          help: 'O seu provedor de inbound parse o envia como “Authorization: Bearer …”, ou como senha de autenticação básica na URL do webhook (https://mail:TOKEN@…).',
        },
      },
      groups: { Sender: 'Remetente', SMTP: 'SMTP', Inbound: 'Entrada' },
    },
  },
});
