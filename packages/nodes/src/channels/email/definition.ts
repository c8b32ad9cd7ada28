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
});
