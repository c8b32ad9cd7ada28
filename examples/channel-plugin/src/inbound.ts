import type { Customer, InboundItem, InboundRequest } from '@attendflow/engine';
import type { z } from 'zod';
import {
  callbackEnvelopeSchema,
  messageCallbackSchema,
  subscribedCallbackSchema,
  unsubscribedCallbackSchema,
  type MessageCallback,
  type VibeUser,
} from './callbacks.js';

/** What the adapter's `parseInbound` returns. */
export type ParsedInbound = { ok: true; items: InboundItem[] } | { ok: false; issues: string[] };

/**
 * Maps one Vibe callback to engine events: a message and a subscription open (or continue) the
 * customer's conversation, an unsubscribe becomes `channel.unsubscribed`, and the rest (`webhook`,
 * `conversation_started`, `delivered`, `seen`, `failed`, anything new) is ignored.
 *
 * @example
 * const parsed = parseVibeCallback({ headers, rawBody, body: JSON.parse(rawBody) });
 */
export function parseVibeCallback(request: InboundRequest): ParsedInbound {
  const envelope = callbackEnvelopeSchema.safeParse(request.body);
  if (!envelope.success) return { ok: false, issues: issuesOf(envelope.error) };
  switch (envelope.data.event) {
    case 'message': {
      const parsed = messageCallbackSchema.safeParse(request.body);
      if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
      return messageItem(parsed.data, tokenOf(request.rawBody, parsed.data.message_token));
    }
    case 'subscribed': {
      const parsed = subscribedCallbackSchema.safeParse(request.body);
      if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
      const { user } = parsed.data;
      const item: InboundItem = {
        externalId: user.id,
        dedupKey: tokenOf(request.rawBody, parsed.data.message_token),
        start: { customer: customerOf(user), metadata: metadataOf(user) },
        event: { type: 'channel.subscribed', payload: {} },
      };
      return { ok: true, items: [item] };
    }
    case 'unsubscribed': {
      const parsed = unsubscribedCallbackSchema.safeParse(request.body);
      if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
      // No `start`: someone who just left is no reason to open a conversation.
      const item: InboundItem = {
        externalId: parsed.data.user_id,
        dedupKey: tokenOf(request.rawBody, parsed.data.message_token),
        event: { type: 'channel.unsubscribed', payload: {} },
      };
      return { ok: true, items: [item] };
    }
    default:
      // `conversation_started` comes from users who have not subscribed (the bot may not write to
      // them); receipts and the webhook check change nothing in a conversation.
      return { ok: true, items: [] };
  }
}

function messageItem(callback: MessageCallback, token: string): ParsedInbound {
  const { message, sender } = callback;
  if (message.type === 'text' && message.text === undefined) {
    return { ok: false, issues: ['message.text: a text message needs its text'] };
  }
  const attachments =
    message.media === undefined || message.type === 'url'
      ? []
      : [{ name: message.file_name ?? message.type, url: message.media }];
  const text = message.text ?? (message.type === 'url' ? (message.media ?? '') : '');
  const item: InboundItem = {
    externalId: sender.id,
    dedupKey: token,
    start: { customer: customerOf(sender), metadata: metadataOf(sender), text },
    event: { type: 'customer.message', messageId: token, text, attachments },
  };
  return { ok: true, items: [item] };
}

/**
 * The exact digits of the callback's `message_token`. Vibe tokens are 64-bit integers, beyond
 * what a JSON number keeps exactly, so they are read from the raw body; two tokens that differ
 * in their last digits must not collapse into one dedup key.
 */
export function tokenOf(rawBody: string, parsed: number | string): string {
  const raw = /"message_token"\s*:\s*"?(\d+)/.exec(rawBody)?.[1];
  return raw ?? String(parsed);
}

function customerOf(user: VibeUser): Customer {
  return { id: user.id, ...(user.name === '' ? {} : { name: user.name }), fields: {} };
}

function metadataOf(user: VibeUser): Record<string, string> {
  return {
    ...(user.country === undefined ? {} : { country: user.country }),
    ...(user.language === undefined ? {} : { language: user.language }),
  };
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
}
