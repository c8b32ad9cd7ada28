import type { SimTicket } from './simulator-store.js';
import { formatImageUrls, formatWishDate, wishSenders, wishStates } from './wish-v2-assumptions.js';

/** The v2 JSON of a ticket: `{ Ticket: {...} }` with the field names ERPs store (§2.2). */
export function renderTicket(ticket: SimTicket): { Ticket: Record<string, unknown> } {
  const state = wishStates[ticket.state];
  return {
    Ticket: {
      id: ticket.id,
      transaction_id: ticket.transactionId ?? '',
      merchant_id: ticket.merchantId,
      label: ticket.label,
      sublabel: ticket.sublabel,
      subject: ticket.subject,
      state: state.name,
      state_id: state.id,
      open_date: formatWishDate(ticket.openedAt),
      last_update_date: formatWishDate(ticket.updatedAt),
      close_date: ticket.closedAt === null ? null : formatWishDate(ticket.closedAt),
      photo_proof: ticket.replies.some((r) => r.images.length > 0) ? 'True' : 'False',
      UserInfo: {
        id: ticket.buyer.id,
        name: ticket.buyer.name,
        locale: ticket.buyer.locale,
        joined_date: formatWishDate(ticket.buyer.joinedAt),
      },
      items: ticket.orders.map((o) => ({
        Order: { order_id: o.orderId, product_id: o.productId, quantity: String(o.quantity) },
      })),
      replies: ticket.replies.map((r) => ({
        Reply: {
          sender: wishSenders[r.sender],
          message: r.message,
          translated_message: r.translated ?? r.message,
          translated_message_zh: r.translated ?? r.message,
          image_urls: formatImageUrls(r.images),
          date: formatWishDate(r.at),
        },
      })),
    },
  };
}
