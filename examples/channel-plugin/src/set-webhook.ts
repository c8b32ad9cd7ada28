import type { VibeSettings } from './settings.js';
import { vibeEventTypes, vibeStatus, vibeStatusMessages } from './vibe-api.js';
import { callVibe } from './vibe-client.js';

/**
 * Points the bot's callbacks at `url` (`POST /pa/set_webhook`); Vibe checks the URL at once with a
 * signed `webhook` callback, so the host must already answer there. A host calls this when a
 * connection is saved: the engine's adapter contract has no such hook yet.
 *
 * @example
 * await setVibeWebhook(settings, `https://attendflow.example/api/channels/${id}/inbound`, signal);
 */
export async function setVibeWebhook(
  settings: VibeSettings,
  url: string,
  signal: AbortSignal,
): Promise<{ ok: boolean; detail: string }> {
  const call = await callVibe(
    settings,
    '/pa/set_webhook',
    { url, event_types: [...vibeEventTypes] },
    signal,
  );
  if (call.kind === 'failed') return { ok: false, detail: call.error };
  const { status, status_message: message } = call.response;
  return status === vibeStatus.ok
    ? { ok: true, detail: `webhook set to ${url}` }
    : { ok: false, detail: `Vibe status ${status} (${vibeStatusMessages[status] ?? message})` };
}
