import type { Attachment, InboundItem } from '@attendflow/engine';
import addressparser from 'nodemailer/lib/addressparser';
import { parseHeaderBlock, parseMessageIds, threadSubject } from './headers.js';
import {
  emailInboundSchema,
  normalizeInboundFields,
  type EmailInbound,
} from './inbound-payload.js';
import { htmlToText, stripQuotedHistory } from './quoted-history.js';

type Parsed = { ok: true; items: InboundItem[] } | { ok: false; issues: string[] };

/**
 * Turns one inbound-parse delivery into an item of the thread it belongs to: the conversation is
 * the thread root (first of References, else In-Reply-To, else the message's own Message-ID) and
 * the message's Message-ID dedups redeliveries. Auto-replies and bounces give no item, so two
 * robots never answer each other.
 */
export function parseEmailInbound(body: unknown): Parsed {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: ['body: expected the inbound-parse fields as JSON or a form'] };
  }
  const parsed = emailInboundSchema.safeParse(
    normalizeInboundFields(body as Record<string, unknown>),
  );
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
    };
  }
  const mail = parsed.data;
  const headers = parseHeaderBlock(mail.headers);
  const header = (name: string) => headers.get(name)?.[0];
  const sender = addressparser(mail.from, { flatten: true }).find((a) => a.address.includes('@'));
  const [messageId] = parseMessageIds(mail['message-id'] ?? header('message-id'));
  const issues = [
    ...(sender ? [] : [`from: no e-mail address in "${mail.from.slice(0, 200)}"`]),
    ...(messageId ? [] : ['message-id: the message has no Message-ID (field or header)']),
  ];
  const text = bodyText(mail);
  const attachments = attachmentsOf(mail);
  const attachmentCount =
    typeof mail.attachments === 'number' ? mail.attachments : attachments.length;
  if (text === '' && attachmentCount === 0) issues.push('text: the message has no text');
  if (!sender || !messageId || issues.length > 0) return { ok: false, issues };
  if (isAutomatic(headers, sender.address)) return { ok: true, items: [] };

  const references = parseMessageIds(mail.references ?? header('references'));
  const [inReplyTo] = parseMessageIds(mail['in-reply-to'] ?? header('in-reply-to'));
  const root = references[0] ?? inReplyTo ?? messageId;
  const email = sender.address.toLowerCase();
  const subject = threadSubject(mail.subject);
  return {
    ok: true,
    items: [
      {
        externalId: root,
        dedupKey: messageId,
        start: {
          customer: { id: email, email, ...(sender.name ? { name: sender.name } : {}), fields: {} },
          ...(subject === '' ? {} : { subject }),
          text,
          metadata: {
            to: mail.to,
            ...(attachmentCount > 0 ? { attachmentCount } : {}),
          },
        },
        event: { type: 'customer.message', messageId, text, attachments },
      },
    ],
  };
}

function bodyText(mail: EmailInbound): string {
  const text = mail.text?.trim() ? mail.text : htmlToText(mail.html ?? '');
  return stripQuotedHistory(text);
}

function attachmentsOf(mail: EmailInbound): Attachment[] {
  if (!Array.isArray(mail.attachments)) return [];
  return mail.attachments.map((item, index) => ({
    name: item.name ?? item.filename ?? `attachment-${index + 1}`,
    url: item.url,
    ...(item['content-type'] ? { contentType: item['content-type'] } : {}),
    ...(item.size === undefined ? {} : { size: item.size }),
  }));
}

// RFC 3834 auto-responses, vacation replies and bounces (DSN) must not start or feed a flow.
function isAutomatic(headers: Map<string, string[]>, from: string): boolean {
  const value = (name: string) => headers.get(name)?.[0]?.toLowerCase().trim();
  const autoSubmitted = value('auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted !== 'no') return true;
  if (['bulk', 'junk', 'auto_reply'].includes(value('precedence') ?? '')) return true;
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return true;
  return /^(?:mailer-daemon|postmaster)@/i.test(from);
}
