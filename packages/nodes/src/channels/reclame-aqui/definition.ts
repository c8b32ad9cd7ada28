import { defineChannel } from '@attendflow/engine';
import { moderationRequestSchema } from './moderation-request.js';
import { raRequestEvaluation } from './nodes/ra-request-evaluation.js';
import { raRequestModeration } from './nodes/ra-request-moderation.js';
import { reclameAquiSettings } from './settings.js';

/**
 * Reclame Aqui complaints through the HugMe API: automatic messages go privately (e-mail to the
 * consumer), one public answer written by an agent, receptive only, 25–30 s between messages,
 * evaluation once the public answer is given, moderation requests by agents.
 */
export const reclameAqui = defineChannel({
  type: 'reclame-aqui',
  label: 'Reclame Aqui',
  icon: 'reclame-aqui',
  description:
    'Complaints on Reclame Aqui (HugMe API), answered privately or with one public answer.',
  settings: reclameAquiSettings,
  policies: {
    visibilities: ['public', 'private'],
    automaticVisibility: 'private',
    publicAnswer: { author: 'agent', max: 1 },
    receptiveOnly: true,
    minSpacingMs: 25_000,
    evaluation: { requires: 'public-answer', once: true },
    attachments: true,
  },
  actions: {
    'moderation.request': {
      label: 'Request moderation',
      payload: moderationRequestSchema,
      // Agents from the inbox, or the flow's own moderation node.
      by: 'any',
    },
  },
  nodes: [raRequestModeration, raRequestEvaluation],
  policiesFrom: (settings) => ({ minSpacingMs: settings.spacingSeconds * 1000 }),
  // The user who creates attendances is a record, not an assignee: agents take them in the inbox.
  defaultsFrom: (settings) =>
    pick({
      sector: settings.defaultSector,
      occurrenceType: settings.defaultOccurrenceType,
      occurrence: settings.defaultOccurrence,
      solution: settings.defaultSolution,
    }),
});

function pick(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}
