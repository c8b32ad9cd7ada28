import type { InboundItem, Json } from '@attendflow/engine';
import type { WishTicket } from './ticket-schema.js';
import {
  parseImageUrls,
  parseWishDate,
  wishCategoryOf,
  wishSenders,
  type WishCategory,
} from './wish-v2-assumptions.js';

/** The product category of a v2 ticket (label text, or whether it has an order). */
export function categoryOfTicket(ticket: WishTicket): WishCategory {
  const hasOrder = Boolean(ticket.transaction_id) || (ticket.items?.length ?? 0) > 0;
  return wishCategoryOf(ticket.label, hasOrder);
}

/**
 * The engine events of a ticket awaiting the merchant: one `customer.message` per buyer reply,
 * keyed by ticket, reply index and date so that re-reading the ticket applies each once; the
 * first buyer reply also opens the conversation with the ticket's facts.
 */
export function ticketItems(ticket: WishTicket, defaultLanguage: string): InboundItem[] {
  const locale = ticket.UserInfo?.locale ?? defaultLanguage;
  const category = categoryOfTicket(ticket);
  const orderIds = (ticket.items ?? []).flatMap((item) =>
    item.Order?.order_id ? [item.Order.order_id] : [],
  );
  const metadata: Record<string, Json> = {
    category,
    label: ticket.label,
    sublabel: ticket.sublabel,
    locale,
    transactionId: ticket.transaction_id ?? null,
    orderIds,
    ...(ticket.open_date
      ? { openedAt: new Date(parseWishDate(ticket.open_date)).toISOString() }
      : {}),
  };
  const items: InboundItem[] = [];
  ticket.replies.forEach(({ Reply: reply }, index) => {
    if (reply.sender !== wishSenders.user) return;
    const dedupKey = `wish:${ticket.id}:reply:${index}:${reply.date}`;
    const attachments = parseImageUrls(reply.image_urls ?? '').map((url, i) => ({
      name: `image-${i + 1}`,
      url,
    }));
    items.push({
      externalId: ticket.id,
      dedupKey,
      ...(items.length === 0
        ? {
            start: {
              subject: ticket.subject,
              customer: {
                ...(ticket.UserInfo?.id ? { id: ticket.UserInfo.id } : {}),
                ...(ticket.UserInfo?.name ? { name: ticket.UserInfo.name } : {}),
                fields: { locale },
              },
              text: reply.message,
              metadata,
            },
          }
        : {}),
      event: { type: 'customer.message', messageId: dedupKey, text: reply.message, attachments },
    });
  });
  return items;
}
