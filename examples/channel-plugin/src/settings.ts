import { secret, ui } from '@attendflow/engine';
import { z } from 'zod';

/** Settings of a Vibe bot connection: what an admin fills in when connecting the channel. */
export const vibeSettings = z.object({
  authToken: secret(z.string().trim().min(16, 'paste the bot’s token (at least 16 characters)'), {
    label: 'Bot token',
    help: 'From the bot’s page in the Vibe admin panel; it also signs every callback.',
  }),
  botName: ui(
    z
      .string()
      .trim()
      .min(1, 'give the bot a name')
      .max(28, 'Vibe shows at most 28 characters of the sender’s name'),
    { label: 'Bot name', help: 'Shown to the customer as the sender of every message.' },
  ),
  apiUrl: ui(z.url('must be an http(s) URL').default('https://chatapi.viber.com'), {
    label: 'API URL',
    help: 'Change it only to point at the simulator.',
  }),
  timeoutMs: ui(z.number().int().min(500).max(60_000).default(10_000), {
    label: 'Delivery timeout (ms)',
    widget: 'number',
  }),
});

/** {@link vibeSettings}' type. */
export type VibeSettings = z.infer<typeof vibeSettings>;
