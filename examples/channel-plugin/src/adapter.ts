import { defineChannelAdapter } from '@attendflow/engine';
import { vibe } from './definition.js';
import { parseVibeCallback } from './inbound.js';
import { deliveryResultOf, renderDelivery } from './outbound.js';
import { hasValidSignature } from './signature.js';
import { SIGNATURE_HEADER, vibeStatus, vibeStatusMessages } from './vibe-api.js';
import { callVibe } from './vibe-client.js';

/**
 * Vibe's I/O: callbacks are verified by their HMAC signature and mapped to engine events;
 * messages and keyboards go out through `send_message`.
 */
export const vibeAdapter = defineChannelAdapter(vibe, {
  verifyInbound: (request, settings) =>
    hasValidSignature(request.rawBody, request.headers[SIGNATURE_HEADER], settings.authToken),

  parseInbound: (request) => parseVibeCallback(request),

  async deliver(delivery, settings, signal) {
    const rendered = renderDelivery(delivery, settings);
    if (!rendered.ok) return { ok: false, retryable: false, error: rendered.error };
    return deliveryResultOf(await callVibe(settings, '/pa/send_message', rendered.body, signal));
  },

  async testConnection(settings, signal) {
    const call = await callVibe(settings, '/pa/get_account_info', {}, signal);
    if (call.kind === 'failed') return { ok: false, detail: call.error };
    const { status, status_message: message } = call.response;
    if (status !== vibeStatus.ok) {
      return {
        ok: false,
        detail: `Vibe status ${status} (${vibeStatusMessages[status] ?? message})`,
      };
    }
    const name = typeof call.response['name'] === 'string' ? call.response['name'] : '?';
    const webhook = typeof call.response['webhook'] === 'string' ? call.response['webhook'] : '';
    return {
      ok: true,
      detail: `connected to bot “${name}”${webhook === '' ? ', no webhook set yet' : `, webhook ${webhook}`}`,
    };
  },
});
