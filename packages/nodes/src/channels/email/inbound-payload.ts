import { z } from 'zod';

// Providers send some structured fields as JSON inside a form field (SendGrid `envelope`, Mailgun
// `attachments` and `message-headers`); a value that is not JSON is left for the schema to refuse.
const jsonInText = (value: unknown) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

const attachmentItem = z.object({
  url: z.url('must be a URL the attachment can be fetched from'),
  name: z.string().min(1).optional(),
  filename: z.string().min(1).optional(),
  'content-type': z.string().optional(),
  size: z.number().int().nonnegative().optional(),
});

/**
 * The common "inbound parse" webhook fields (SendGrid Inbound Parse, Mailgun routes), after
 * {@link normalizeInboundFields}: addresses, subject, bodies, the raw header block and/or the
 * threading headers as fields, and attachments as a count or as fetchable links.
 */
export const emailInboundSchema = z.object({
  from: z.string().trim().min(1, 'the sender is missing'),
  to: z.string().max(10_000).default(''),
  subject: z.string().max(2_000).default(''),
  text: z.string().max(500_000).optional(),
  html: z.string().max(2_000_000).optional(),
  headers: z.string().max(500_000).default(''),
  'message-id': z.string().max(1_000).optional(),
  'in-reply-to': z.string().max(10_000).optional(),
  references: z.string().max(50_000).optional(),
  attachments: z
    .preprocess(
      jsonInText,
      // The array first: a number coerced from an empty array would pass as 0.
      z.union([z.array(attachmentItem).max(100), z.coerce.number().int().nonnegative()]),
    )
    .optional(),
});

/** {@link emailInboundSchema}'s type. */
export type EmailInbound = z.infer<typeof emailInboundSchema>;

/**
 * Lower-cases field names and maps the providers' aliases onto one shape: Mailgun's `body-plain`,
 * `body-html` and `message-headers` (pairs) become `text`, `html` and a raw `headers` block.
 */
export function normalizeInboundFields(body: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) fields[key.toLowerCase()] = value;
  fields['text'] ??= fields['body-plain'];
  fields['html'] ??= fields['body-html'];
  if (fields['headers'] === undefined && fields['message-headers'] !== undefined) {
    const pairs = jsonInText(fields['message-headers']);
    fields['headers'] = Array.isArray(pairs)
      ? pairs
          .filter((pair): pair is [string, string] => Array.isArray(pair) && pair.length === 2)
          .map(([name, value]) => `${name}: ${value}`)
          .join('\r\n')
      : pairs;
  }
  return fields;
}
