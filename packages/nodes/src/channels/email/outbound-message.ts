import { createHash } from 'node:crypto';
import type { OutboundDelivery } from '@attendflow/engine';
import type { SendMailOptions } from 'nodemailer';
import { parseMessageIds, threadSubject } from './headers.js';
import type { EmailSettings } from './settings.js';

/** The reply's own Message-ID: the same for every try of one delivery, so clients drop repeats. */
export function replyMessageId(idempotencyKey: string, fromAddress: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
  return `<${hash}.attendflow@${domain}>`;
}

/** `Re: <subject>` once, whatever reply markers the subject already had. */
export function replySubject(subject: string | null): string {
  const thread = threadSubject(subject ?? '');
  return thread === '' ? 'Re:' : `Re: ${thread}`;
}

/** The reply's text: the message, then the signature under the RFC 3676 `-- ` separator. */
export function replyText(text: string, signature: string): string {
  return signature.trim() === '' ? text : `${text}\n\n-- \n${signature.trimEnd()}`;
}

/**
 * The e-mail for one outbound message: to the customer, in the conversation's thread (the thread
 * root is the conversation's external id), with the connection's signature.
 */
export function buildReply(
  delivery: OutboundDelivery,
  settings: EmailSettings,
): { ok: true; mail: SendMailOptions & { messageId: string } } | { ok: false; error: string } {
  const { conversation, message } = delivery;
  if (!message)
    return { ok: false, error: `e-mail has no channel action "${delivery.action?.name ?? ''}"` };
  const to = conversation.customer.email;
  if (!to?.includes('@')) return { ok: false, error: 'the conversation has no customer e-mail' };
  const [root] = parseMessageIds(conversation.externalId);
  return {
    ok: true,
    mail: {
      from: { name: settings.fromName, address: settings.fromAddress },
      to: { name: conversation.customer.name ?? '', address: to },
      subject: replySubject(conversation.subject),
      messageId: replyMessageId(delivery.idempotencyKey, settings.fromAddress),
      ...(root ? { inReplyTo: root, references: [root] } : {}),
      text: replyText(message.text, settings.signature),
      // RFC 3834: the customer's auto-responder must not answer a message the flow sent by itself.
      ...(message.author === 'bot' ? { headers: { 'Auto-Submitted': 'auto-replied' } } : {}),
    },
  };
}
