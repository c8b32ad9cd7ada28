import { attachmentSchema, customerSchema, jsonSchema } from '@attendflow/engine';
import { z } from 'zod';

const base = {
  conversationId: z.string().min(1).max(200),
  /** Your id of this delivery: sending it twice is applied once. */
  messageId: z.string().min(1).max(200),
  customer: customerSchema.optional(),
  subject: z.string().max(500).optional(),
  metadata: z.record(z.string(), jsonSchema).optional(),
};

/** What the API channel's inbound webhook takes (one item or a batch). */
export const apiInboundItemSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message'),
    text: z.string().min(1).max(20_000),
    attachments: z.array(attachmentSchema).default([]),
    ...base,
  }),
  z.object({
    type: z.literal('evaluation'),
    score: z.number().min(0).max(10).optional(),
    rating: z.enum(['good', 'bad']).optional(),
    comment: z.string().max(5000).optional(),
    ...base,
  }),
]);

/** A single item or `{ items: [...] }`. */
export const apiInboundSchema = z.union([
  apiInboundItemSchema,
  z.object({ items: z.array(apiInboundItemSchema).min(1).max(100) }),
]);
