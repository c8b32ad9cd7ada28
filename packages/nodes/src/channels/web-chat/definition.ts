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
});
