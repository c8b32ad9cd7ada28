import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { durationField, formatDuration } from '../../../shared/duration.js';
import { isPortuguese } from '../../../shared/locale.js';
import { portsPtBr } from '../../../shared/pt-br.js';
import {
  ANOTHER_COMPANY_REASON,
  moderationReasons,
  moderationReasonsPtBr,
  reasonOptions,
} from '../moderation-request.js';

/**
 * Reclame Aqui's moderation request as a flow step: asks RA to moderate the complaint with one of
 * its reason codes and waits for RA's decision (`accepted`, `denied`), or leaves through `refused`.
 */
export const raRequestModeration = defineNode({
  type: 'ra-request-moderation',
  version: 1,
  label: 'Request moderation (Reclame Aqui)',
  description: 'Asks Reclame Aqui to moderate the complaint and waits for the decision.',
  category: 'channel',
  icon: 'shield',
  waits: true,
  channels: ['reclame-aqui'],
  ports: ['accepted', 'denied', 'timeout', 'refused'],
  settings: z
    .object({
      reason: ui(z.enum(Object.keys(moderationReasons) as [string, ...string[]]), {
        label: 'Reason',
        widget: 'select',
        options: reasonOptions(moderationReasons),
      }),
      message: ui(z.string().trim().min(1, 'explain the request to Reclame Aqui').max(5000), {
        label: 'Message to Reclame Aqui',
        widget: 'template',
      }),
      migrateTo: ui(z.string().trim().max(200).default(''), {
        label: 'Move to company (RA id)',
        help: 'Required with reason 1 (complaint meant for another company).',
      }),
      timeout: durationField(
        'Timeout',
        { amount: 15, unit: 'days' },
        'Leave through “timeout” when Reclame Aqui has not decided by then.',
      ),
    })
    .superRefine((settings, issues) => {
      if (Number(settings.reason) === ANOTHER_COMPANY_REASON && settings.migrateTo === '')
        issues.addIssue({
          code: 'custom',
          path: ['migrateTo'],
          message: 'give the Reclame Aqui id of the company (required with reason 1)',
        });
    }),
  summary: (s, { locale }) =>
    isPortuguese(locale)
      ? `Moderação, motivo ${s.reason}; aguarda até ${formatDuration(s.timeout, locale)}`
      : `Moderation, reason ${s.reason}; wait up to ${formatDuration(s.timeout, locale)}`,
  traits: () => ({ channelActions: ['moderation.request'] }),
  i18n: {
    'pt-BR': {
      label: 'Solicitar moderação (Reclame Aqui)',
      description: 'Pede ao Reclame Aqui que modere a reclamação e aguarda a decisão.',
      ports: {
        accepted: 'aceita',
        denied: 'negada',
        timeout: portsPtBr.timeout,
        refused: portsPtBr.refused,
      },
      fields: {
        reason: { label: 'Motivo', options: reasonOptions(moderationReasonsPtBr) },
        message: { label: 'Mensagem ao Reclame Aqui' },
        migrateTo: {
          label: 'Transferir para a empresa (id no RA)',
          help: 'Obrigatório com o motivo 1 (reclamação de outra empresa).',
        },
        timeout: {
          label: 'Tempo limite',
          help: 'Sai por “tempo esgotado” quando o Reclame Aqui não decidiu até lá.',
        },
      },
    },
  },
});
