import { z } from 'zod';

const text = z.string().catch('');

/** A v2 `Reply` (field names confirmed by ERP code, channel-apis.md §2.2). */
export const wishReplySchema = z.object({
  sender: text,
  message: text,
  translated_message: z.string().nullish(),
  image_urls: z.string().nullish(),
  date: z.string(),
});

/** A v2 `Ticket`, lenient where Wish's shape is only inferred; unknown fields are ignored. */
export const wishTicketSchema = z.object({
  id: z.string().min(1),
  transaction_id: z.string().nullish(),
  label: text,
  sublabel: text,
  subject: text,
  state: text,
  state_id: z.coerce.string(),
  open_date: z.string().nullish(),
  last_update_date: z.string(),
  UserInfo: z
    .object({ id: z.string().nullish(), name: z.string().nullish(), locale: z.string().nullish() })
    .nullish(),
  items: z
    .array(z.object({ Order: z.object({ order_id: z.string().nullish() }).nullish() }))
    .nullish(),
  replies: z.array(z.object({ Reply: wishReplySchema })).catch([]),
});

/** {@link wishTicketSchema}'s type. */
export type WishTicket = z.infer<typeof wishTicketSchema>;

/** `{ Ticket: {...} }`, as `GET /ticket` and each list item wrap it. */
export const wrappedTicketSchema = z.object({ Ticket: wishTicketSchema });
