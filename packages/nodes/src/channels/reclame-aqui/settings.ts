import { secret, ui } from '@attendflow/engine';
import { z } from 'zod';
import { HUGME_BASE_URL } from './hugme-assumptions.js';

const optionalText = (label: string, help: string, group: string) =>
  ui(z.string().trim().max(200).optional(), { label, help, group });

/**
 * Settings of a Reclame Aqui (HugMe) connection, as the product documents list them: credentials,
 * synchronisation, the company page, defaults for new attendances and the spacing of messages.
 */
export const reclameAquiSettings = z.object({
  description: ui(z.string().trim().min(1, 'name the channel').max(200), {
    label: 'Description',
    help: 'How your team recognises this channel.',
    group: 'Connection',
  }),
  companyEmail: ui(z.email('enter the company e-mail registered at Reclame Aqui'), {
    label: 'Company e-mail',
    help: 'The contact e-mail of the company at Reclame Aqui.',
    group: 'Connection',
  }),
  // Ours, shown to the admin (the connection's inbound URL), who gives it to Reclame Aqui.
  callbackUrl: ui(z.url('the callback URL must be an http(s) URL').optional(), {
    label: 'Callback URL',
    help: 'Read only: give this address to Reclame Aqui so it notifies attendflow of every change.',
    group: 'Connection',
    readOnly: true,
    filledByHost: 'inboundUrl',
  }),
  baseUrl: ui(z.url('the API address must be an http(s) URL').default(HUGME_BASE_URL), {
    label: 'API address',
    help: 'The HugMe API; change it only to point at a simulator or a proxy.',
    group: 'Connection',
  }),
  user: ui(z.string().trim().min(1, 'enter the user supplied by Reclame Aqui'), {
    label: 'User',
    help: 'The API user Reclame Aqui supplied with the API contract (its OAuth client id).',
    group: 'Connection',
  }),
  password: secret(z.string().min(1, 'enter the password supplied by Reclame Aqui'), {
    label: 'Password',
    help: 'The API password Reclame Aqui supplied (its OAuth client secret).',
    group: 'Connection',
  }),
  syncIntervalMinutes: ui(
    z
      .number()
      .int('use whole minutes')
      .min(10, 'sync at most every 10 minutes')
      .max(1440, 'sync at least once a day (1440 minutes)')
      .default(30),
    {
      label: 'Sync interval (minutes)',
      help: 'From 10 to 1440. Answers are sent to Reclame Aqui at once either way.',
      group: 'Sync',
    },
  ),
  // The documents say "0 = today only" but give no upper bound: 12 months is our limit.
  retroactiveMonths: ui(
    z
      .number()
      .int('use whole months')
      .min(0, 'use 0 for today only')
      .max(12, 'go back at most 12 months')
      .default(0),
    {
      label: 'Retroactive (months)',
      help: 'How many months back complaints are synchronised, in any status; 0 = only today’s.',
      group: 'Sync',
    },
  ),
  syncGroup: ui(z.string().trim().max(200).default(''), {
    label: 'Sync group',
    help: 'Group given priority in the general synchronisation.',
    group: 'Sync',
  }),
  // The pages come from `GET /companies/v1/companies/organization` once the credentials work
  // (testConnection's `companies` fact); an empty value reads every page of the account.
  companyPageId: ui(
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'pick one of the company pages found with your user and password')
      .optional(),
    {
      label: 'Company page',
      help: 'The company page at Reclame Aqui used by this integration: search the pages after entering the user and password.',
      group: 'Company page',
      widget: 'select',
    },
  ),
  companyName: optionalText('Company name', 'Owner of that page at Reclame Aqui.', 'Company page'),
  raCompanyId: optionalText('RA company id', 'The company’s id at Reclame Aqui.', 'Company page'),
  defaultUser: optionalText(
    'User',
    'Agent recorded as the creator of new attendances.',
    'New attendances',
  ),
  defaultSector: optionalText(
    'Sector',
    'Sector in charge of this channel’s attendances.',
    'New attendances',
  ),
  defaultOccurrenceType: optionalText(
    'Occurrence type',
    'Main subject given to new attendances.',
    'New attendances',
  ),
  defaultOccurrence: optionalText(
    'Occurrence',
    'Occurrence (sub-subject) given to new attendances.',
    'New attendances',
  ),
  defaultSolution: optionalText(
    'Solution',
    'Solution recorded when an attendance is closed without one.',
    'New attendances',
  ),
  spacingSeconds: ui(
    z
      .number()
      .int('use whole seconds')
      .min(25, 'keep at least 25 seconds between messages')
      .max(30, 'Reclame Aqui asks for 25 to 30 seconds')
      .default(25),
    {
      label: 'Spacing between messages (seconds)',
      help: 'Reclame Aqui asks for 25 to 30 seconds between consecutive messages.',
      group: 'Delivery',
    },
  ),
});

/** {@link reclameAquiSettings}' type. */
export type ReclameAquiSettings = z.infer<typeof reclameAquiSettings>;
