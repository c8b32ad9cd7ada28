import type { Attachment, InboundItem, Json } from '@attendflow/engine';
import {
  telegramUpdateSchema,
  type TelegramMessage,
  type TelegramUpdate,
} from './update-schema.js';

/** What an Update gives the host: its conversation items (none when it is not for us), or issues. */
export type ParsedUpdate = { ok: true; items: InboundItem[] } | { ok: false; issues: string[] };

/**
 * Turns one Telegram Update into at most one inbound item. Only messages in private chats from
 * people open or continue a conversation; edits, group traffic, callbacks and membership changes
 * are acknowledged and ignored.
 */
export function parseUpdate(body: unknown): ParsedUpdate {
  const parsed = telegramUpdateSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'update'}: ${i.message}`),
    };
  }
  const item = itemOf(parsed.data);
  return { ok: true, items: item ? [item] : [] };
}

/** The item of an already validated update, or undefined when it is not for a conversation. */
export function itemOf(update: TelegramUpdate): InboundItem | undefined {
  const message = update.message;
  if (!message || message.chat.type !== 'private' || message.from?.is_bot !== false) return;
  const text = message.text ?? message.caption ?? '';
  const attachments = attachmentsOf(message);
  if (text === '' && attachments.length === 0) return;
  // message_id is unique per chat for ever; update_id restarts at random after a quiet week.
  const messageId = `${message.chat.id}:${message.message_id}`;
  const from = message.from;
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ');
  const fields: Record<string, Json> = { telegramUserId: from.id };
  if (from.username) fields['username'] = from.username;
  if (from.language_code) fields['languageCode'] = from.language_code;
  return {
    externalId: String(message.chat.id),
    dedupKey: messageId,
    start: {
      customer: { id: String(from.id), name, fields },
      metadata: { chatType: message.chat.type, ...commandOf(message) },
      text,
    },
    event: { type: 'customer.message', messageId, text, attachments },
  };
}

/** `/start ref42` → `{command: 'start', commandArgument: 'ref42'}` (deep links carry a payload). */
function commandOf(message: TelegramMessage): Record<string, string> {
  const entity = message.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity || message.text === undefined) return {};
  const command = message.text.slice(1, entity.length).split('@')[0] ?? '';
  const argument = message.text.slice(entity.length).trim();
  return { command, ...(argument ? { commandArgument: argument } : {}) };
}

// A file's bytes need the bot token in their URL: we keep a token-free reference instead.
function attachmentsOf(message: TelegramMessage): Attachment[] {
  const list: Attachment[] = [];
  const photo = message.photo?.at(-1);
  if (photo) {
    list.push({
      name: `photo-${photo.file_unique_id}.jpg`,
      url: `telegram-file:${photo.file_id}`,
      contentType: 'image/jpeg',
      ...(photo.file_size === undefined ? {} : { size: photo.file_size }),
    });
  }
  const document = message.document;
  if (document) {
    list.push({
      name: document.file_name ?? `document-${document.file_unique_id}`,
      url: `telegram-file:${document.file_id}`,
      ...(document.mime_type ? { contentType: document.mime_type } : {}),
      ...(document.file_size === undefined ? {} : { size: document.file_size }),
    });
  }
  return list;
}
