import type { DeliveryResult, OutboundDelivery } from '@attendflow/engine';
import { KEYBOARD_ACTION, keyboardPayloadSchema } from './keyboard.js';
import type { VibeSettings } from './settings.js';
import { vibeStatus, vibeStatusMessages, type VibeSendMessage } from './vibe-api.js';
import type { VibeCall } from './vibe-client.js';

/**
 * The `send_message` body of a delivery, or why it cannot be sent: a text, or a text with reply
 * buttons for the `keyboard.send` action.
 */
export function renderDelivery(
  delivery: OutboundDelivery,
  settings: VibeSettings,
): { ok: true; body: VibeSendMessage } | { ok: false; error: string } {
  const base = {
    receiver: delivery.conversation.externalId,
    type: 'text' as const,
    sender: { name: settings.botName },
    tracking_data: delivery.idempotencyKey,
  };
  if (delivery.kind === 'message') {
    if (!delivery.message) return { ok: false, error: 'a message delivery without its message' };
    return { ok: true, body: { ...base, text: delivery.message.text } };
  }
  if (delivery.action?.name !== KEYBOARD_ACTION) {
    return { ok: false, error: `Vibe has no action "${delivery.action?.name ?? '?'}"` };
  }
  const payload = keyboardPayloadSchema.safeParse(delivery.action.payload);
  if (!payload.success) return { ok: false, error: `${KEYBOARD_ACTION}: invalid payload` };
  const buttons = payload.data.buttons.map((label) => ({
    ActionType: 'reply' as const,
    ActionBody: label,
    Text: label,
    // Six columns is a full row: two buttons side by side, or one per row past six buttons.
    Columns: payload.data.buttons.length > 6 ? 6 : 3,
    Rows: 1,
  }));
  return {
    ok: true,
    body: {
      ...base,
      text: payload.data.text,
      keyboard: { Type: 'keyboard', DefaultHeight: false, Buttons: buttons },
    },
  };
}

/** How a `send_message` call went, as the host's outbox understands it. */
export function deliveryResultOf(call: VibeCall): DeliveryResult {
  if (call.kind === 'failed') return { ok: false, ...withoutKind(call) };
  const { status } = call.response;
  if (status === vibeStatus.ok) {
    return call.messageToken === undefined
      ? { ok: true }
      : { ok: true, externalId: call.messageToken };
  }
  const what = `Vibe status ${status} (${vibeStatusMessages[status] ?? call.response.status_message})`;
  switch (status) {
    case vibeStatus.tooManyRequests:
      return { ok: false, retryable: true, error: `${what}: rate limited`, retryAfterMs: 1000 };
    case vibeStatus.receiverNotSubscribed:
      return { ok: false, retryable: false, error: `${what}: the customer has unsubscribed` };
    case vibeStatus.invalidAuthToken:
      return { ok: false, retryable: false, error: `${what}: check the bot token` };
    default:
      return { ok: false, retryable: false, error: what };
  }
}

function withoutKind({ kind: _kind, ...rest }: Extract<VibeCall, { kind: 'failed' }>) {
  return rest;
}
