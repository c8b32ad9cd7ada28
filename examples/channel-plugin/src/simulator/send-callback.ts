import { signBody } from '../signature.js';
import { SIGNATURE_HEADER } from '../vibe-api.js';
import { toVibeJson } from './sim-json.js';
import type { SimState } from './sim-state.js';

/** What became of a callback to the bot's webhook. */
export type CallbackResult =
  { sent: true; status: number; body: string } | { sent: false; reason: string };

// Vibe always sends these; the others only when `set_webhook` asked for them.
const MANDATORY = new Set(['webhook', 'message', 'subscribed', 'unsubscribed']);

/**
 * Signs a callback with the bot's token and POSTs it to the webhook, keeping its exact bytes by
 * message token so that the control plane can deliver it again (a duplicate, as Vibe sometimes does).
 */
export async function sendCallback(
  state: SimState,
  authToken: string,
  body: Record<string, unknown> & { event: string; message_token?: bigint },
  webhookUrl = state.webhook?.url,
): Promise<CallbackResult> {
  if (webhookUrl === undefined) return { sent: false, reason: 'no webhook is set' };
  const wanted = state.webhook?.eventTypes ?? [];
  if (!MANDATORY.has(body.event) && !wanted.includes(body.event)) {
    return { sent: false, reason: `the webhook did not ask for "${body.event}" events` };
  }
  const raw = toVibeJson(body);
  if (body.message_token !== undefined) state.callbacks.set(String(body.message_token), raw);
  return postSigned(webhookUrl, raw, authToken);
}

/** Delivers a callback sent before once more, byte for byte. */
export async function redeliver(
  state: SimState,
  authToken: string,
  token: string,
): Promise<CallbackResult> {
  const raw = state.callbacks.get(token);
  if (raw === undefined) return { sent: false, reason: `no callback with message_token ${token}` };
  if (!state.webhook) return { sent: false, reason: 'no webhook is set' };
  return postSigned(state.webhook.url, raw, authToken);
}

async function postSigned(url: string, raw: string, authToken: string): Promise<CallbackResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(raw, authToken) },
      body: raw,
      signal: AbortSignal.timeout(5000),
    });
    return { sent: true, status: response.status, body: await response.text() };
  } catch (error) {
    return { sent: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
