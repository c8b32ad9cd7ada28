import type { PredefinedMessage, PredefinedMessageInput } from '../api/predefined-messages-api';

/** The editor's fields, as typed: an empty sector or channel means any. */
export interface PredefinedDraft {
  title: string;
  text: string;
  sector: string;
  channel: string;
}

/** A field of the editor. */
export type PredefinedField = keyof PredefinedDraft;

/** A new message's empty fields. */
export const emptyDraft: PredefinedDraft = { title: '', text: '', sector: '', channel: '' };

/** The editor's fields of a stored message. */
export function draftOf(message: PredefinedMessage): PredefinedDraft {
  return {
    title: message.title,
    text: message.text,
    sector: message.sector ?? '',
    channel: message.channel ?? '',
  };
}

/** What the server is sent: trimmed, an empty scope as null (any). */
export function inputOf(draft: PredefinedDraft): PredefinedMessageInput {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    title: draft.title.trim(),
    text: draft.text.trim(),
    sector: orNull(draft.sector),
    channel: orNull(draft.channel),
  };
}

/** Whether the draft has what every message needs (the server checks the rest). */
export function isComplete(draft: PredefinedDraft): boolean {
  return draft.title.trim() !== '' && draft.text.trim() !== '';
}

/** The server's refusal by field (`body.title: …`), from an error's `details.issues`. */
export function fieldIssuesOf(details: unknown): Partial<Record<PredefinedField, string>> {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return {};
  const fields: Partial<Record<PredefinedField, string>> = {};
  for (const issue of issues as Array<{ path?: unknown; message?: unknown }>) {
    const field = typeof issue.path === 'string' ? issue.path.replace(/^body\./, '') : '';
    if (
      field in emptyDraft &&
      typeof issue.message === 'string' &&
      !fields[field as PredefinedField]
    )
      fields[field as PredefinedField] = issue.message;
  }
  return fields;
}

/** The sectors named by the messages, sorted, for the sector field's suggestions. */
export function sectorsOf(messages: readonly PredefinedMessage[]): string[] {
  const sectors = new Set(messages.flatMap((m) => (m.sector ? [m.sector] : [])));
  return [...sectors].sort((a, b) => a.localeCompare(b));
}
