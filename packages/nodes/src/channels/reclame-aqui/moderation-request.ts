import { attachmentSchema, ui } from '@attendflow/engine';
import { z } from 'zod';

/**
 * Reclame Aqui's moderation reasons (the HugMe `reason` codes) with what each means. Code 7
 * (unfounded) is missing from RA's newer lists, which may have replaced it by 17 and 19; it stays
 * accepted until real traffic says otherwise.
 */
export const moderationReasons = {
  1: 'Complaint meant for another company',
  4: 'Duplicate complaint',
  5: 'Improper or offensive content',
  7: 'Unfounded complaint',
  15: 'Complaint by a third party',
  16: 'Labour matter',
  17: 'The company did not violate the consumer’s rights',
  19: 'Fraud',
} as const;

/** {@link moderationReasons} in Brazilian Portuguese, as Reclame Aqui words them. */
export const moderationReasonsPtBr: Record<keyof typeof moderationReasons, string> = {
  1: 'Reclamação de outra empresa',
  4: 'Reclamação duplicada',
  5: 'Conteúdo impróprio ou ofensivo',
  7: 'Reclamação sem fundamento',
  15: 'Reclamação feita por terceiros',
  16: 'Caso trabalhista',
  17: 'A empresa não violou o direito do consumidor',
  19: 'Fraude',
};

/**
 * Select labels of the reasons, `code — meaning`.
 *
 * @example
 * reasonOptions(moderationReasons)['4']; // '4 — Duplicate complaint'
 */
export function reasonOptions(
  reasons: Readonly<Record<keyof typeof moderationReasons, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(reasons).map(([code, label]) => [code, `${code} — ${label}`]),
  );
}

/** A moderation reason code. */
export type ModerationReason = keyof typeof moderationReasons;

const reasonCodes = Object.keys(moderationReasons).map(Number) as ModerationReason[];
const reasonList = reasonCodes.map((code) => `${code} (${moderationReasons[code]})`).join(', ');

/** Code of the reason that moves the complaint to another company (needs `migrateTo`). */
export const ANOTHER_COMPANY_REASON = 1;

/**
 * Payload of the agent's `moderation.request` on a Reclame Aqui complaint.
 *
 * @example
 * moderationRequestSchema.parse({ reason: 1, message: 'Not our customer', migrateTo: '12345' });
 */
export const moderationRequestSchema = z
  .object({
    reason: ui(z.literal(reasonCodes, { error: `reason must be one of ${reasonList}` }), {
      label: 'Reason',
      widget: 'select',
    }),
    message: ui(z.string().trim().min(1, 'explain the request to Reclame Aqui').max(5000), {
      label: 'Message to Reclame Aqui',
      widget: 'textarea',
    }),
    migrateTo: ui(z.string().trim().min(1).optional(), {
      label: 'Move to company (RA id)',
      help: 'Required when the complaint is meant for another company.',
    }),
    attachments: ui(z.array(attachmentSchema).default([]), {
      label: 'Attachments',
      widget: 'list',
    }),
  })
  .superRefine((request, issues) => {
    if (request.reason === ANOTHER_COMPANY_REASON && request.migrateTo === undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['migrateTo'],
        message:
          'give the Reclame Aqui id of the company the complaint is meant for (required with reason 1)',
      });
    }
  });

/** {@link moderationRequestSchema}'s type. */
export type ModerationRequest = z.infer<typeof moderationRequestSchema>;
