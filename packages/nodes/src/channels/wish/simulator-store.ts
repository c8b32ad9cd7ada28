import {
  wishCategoryLabels,
  wishMaxReplyLength,
  wishNotAwaitingMessage,
  wishResponseWindowMs,
  type WishCategory,
  type WishSender,
  type WishState,
} from './wish-v2-assumptions.js';

/** One reply as the simulator keeps it. */
export interface SimReplyRecord {
  sender: WishSender;
  message: string;
  translated: string | null;
  images: string[];
  at: number;
}

/** One ticket as the simulator keeps it (rendered to the v2 shape on the way out). */
export interface SimTicket {
  id: string;
  merchantId: string;
  category: WishCategory;
  label: string;
  sublabel: string;
  subject: string;
  state: WishState;
  openedAt: number;
  updatedAt: number;
  closedAt: number | null;
  /** When the merchant must have answered: 48 h after the ticket entered AWAITING_MERCHANT. */
  dueAt: number | null;
  buyer: { id: string; name: string; locale: string; joinedAt: number };
  transactionId: string | null;
  orders: Array<{ orderId: string; productId: string; quantity: number }>;
  replies: SimReplyRecord[];
  /** Merchant answers to an AWAITING_MERCHANT round, and how many came after `dueAt`. */
  responded: number;
  respondedLate: number;
  csat: number | null;
}

/** A token the simulator accepts. */
export interface SimToken {
  token: string;
  merchantId: string;
  expiresAt: number | null;
  revoked: boolean;
}

/** The whole store, as `/__sim/state` dumps and loads it. */
export interface WishSimState {
  tickets: SimTicket[];
  tokens: SimToken[];
  seq: number;
}

/** A refusal in the v2 vocabulary: code 1000 and a message. */
export class WishRefusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** What an actor gives to open a ticket. */
export interface NewTicket {
  category: WishCategory;
  subject: string;
  message: string;
  translatedMessage?: string;
  images?: string[];
  buyer: { name: string; locale: string };
  label?: string;
  sublabel?: string;
  orderIds?: string[];
  merchantId?: string;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * The Wish simulator's tickets and tokens, with the ticket state machine of channel-apis.md §2.5:
 * merchant transitions as the v3 OpenAPI confirms them, user and Wish-side ones as inferred.
 */
export class WishStore {
  private state: WishSimState = { tickets: [], tokens: [], seq: 0 };

  constructor(
    private readonly now: () => number,
    private readonly initialTokens: readonly SimToken[],
  ) {
    this.reset();
  }

  /** New tickets are numbered past `floor` (a restarted demo never repeats an id). */
  raiseSeq(floor: number): void {
    this.state.seq = Math.max(this.state.seq, floor);
  }

  reset(): void {
    this.state = { tickets: [], tokens: this.initialTokens.map((t) => ({ ...t })), seq: 0 };
  }

  dump(): WishSimState {
    return structuredClone(this.state);
  }

  load(state: WishSimState): void {
    this.state = structuredClone(state);
  }

  token(token: string): SimToken | undefined {
    return this.state.tokens.find((t) => t.token === token);
  }

  addToken(token: SimToken): void {
    this.state.tokens = [...this.state.tokens.filter((t) => t.token !== token.token), token];
  }

  ticket(id: string, merchantId?: string): SimTicket {
    const found = this.state.tickets.find(
      (t) => t.id === id && (merchantId === undefined || t.merchantId === merchantId),
    );
    if (!found) throw new WishRefusal(1000, `ticket ${id} not found`);
    return found;
  }

  tickets(): readonly SimTicket[] {
    return this.state.tickets;
  }

  /** Tickets awaiting the merchant, oldest update first (ties by id). [A] */
  actionRequired(merchantId: string): SimTicket[] {
    return this.state.tickets
      .filter((t) => t.merchantId === merchantId && t.state === 'AWAITING_MERCHANT')
      .sort((a, b) => a.updatedAt - b.updatedAt || a.id.localeCompare(b.id));
  }

  open(input: NewTicket): SimTicket {
    const at = this.now();
    const n = ++this.state.seq;
    const merchantId = input.merchantId ?? this.state.tokens[0]?.merchantId ?? 'm'.repeat(24);
    const isOrder = input.category === 'post-purchase' || (input.orderIds?.length ?? 0) > 0;
    const ticket: SimTicket = {
      id: `5f1e0c0ffee0${hex(n, 12)}`,
      merchantId,
      category: input.category,
      label: input.label ?? wishCategoryLabels[input.category],
      sublabel: input.sublabel ?? '',
      subject: input.subject,
      state: 'AWAITING_MERCHANT',
      openedAt: at,
      updatedAt: at,
      closedAt: null,
      dueAt: at + wishResponseWindowMs,
      buyer: {
        id: `5b0000000000${hex(n, 12)}`,
        name: input.buyer.name,
        locale: input.buyer.locale,
        joinedAt: at,
      },
      transactionId: isOrder ? `5d1d0c0ffee0${hex(n, 12)}` : null,
      orders: isOrder
        ? (input.orderIds?.length ? input.orderIds : [`5c0000000000${hex(n, 12)}`]).map(
            (orderId, i) => ({
              orderId,
              productId: `5d0000000000${hex(n * 10 + i, 12)}`,
              quantity: 1,
            }),
          )
        : [],
      replies: [],
      responded: 0,
      respondedLate: 0,
      csat: null,
    };
    this.append(ticket, 'user', input.message, input.translatedMessage, input.images);
    this.state.tickets.push(ticket);
    return ticket;
  }

  /** The buyer writes: the ticket awaits the merchant again (a new 48 h round if it did not). */
  userReply(id: string, message: string, images: string[] = []): SimTicket {
    const ticket = this.ticket(id);
    if (ticket.state === 'PERMANENTLY_CLOSED') {
      throw new WishRefusal(1000, 'ticket is permanently closed');
    }
    this.append(ticket, 'user', message, undefined, images);
    this.enter(ticket, 'AWAITING_MERCHANT');
    return ticket;
  }

  /** `POST /ticket/reply`: only while the ticket awaits the merchant. */
  merchantReply(ticket: SimTicket, message: string): void {
    if (ticket.state !== 'AWAITING_MERCHANT') throw new WishRefusal(1000, wishNotAwaitingMessage);
    this.checkText(message, 'reply');
    ticket.responded += 1;
    if (ticket.dueAt !== null && this.now() > ticket.dueAt) ticket.respondedLate += 1;
    this.append(ticket, 'merchant', message);
    this.enter(ticket, 'AWAITING_USER');
  }

  /** `POST /ticket/close`, and the buyer or Wish closing: from any AWAITING_* state. */
  close(ticket: SimTicket): void {
    if (ticket.state === 'CLOSED' || ticket.state === 'PERMANENTLY_CLOSED') {
      throw new WishRefusal(1000, 'ticket is already closed');
    }
    this.enter(ticket, 'CLOSED');
  }

  /** `POST /ticket/appeal-to-wish-support`: any open state goes to Wish. */
  appeal(ticket: SimTicket): void {
    if (ticket.state === 'CLOSED' || ticket.state === 'PERMANENTLY_CLOSED') {
      throw new WishRefusal(1000, 'a closed ticket cannot be appealed');
    }
    if (ticket.state === 'AWAITING_WISH')
      throw new WishRefusal(1000, 'ticket already awaits Wish support');
    this.enter(ticket, 'AWAITING_WISH');
  }

  /** `POST /ticket/re-open`: only CLOSED; the message goes to the buyer, who is awaited. [I] */
  reopen(ticket: SimTicket, message: string): void {
    if (ticket.state !== 'CLOSED') {
      throw new WishRefusal(
        1000,
        ticket.state === 'PERMANENTLY_CLOSED'
          ? 'ticket is permanently closed'
          : 'only a closed ticket can be re-opened',
      );
    }
    this.checkText(message, 'reply');
    this.append(ticket, 'merchant', message);
    ticket.closedAt = null;
    this.enter(ticket, 'AWAITING_USER');
  }

  /** Wish support acts on a ticket (actor route). */
  wishSupport(
    id: string,
    action: 'reply' | 'close' | 'returnToMerchant',
    message?: string,
  ): SimTicket {
    const ticket = this.ticket(id);
    if (action === 'close') this.close(ticket);
    else {
      if (message) this.append(ticket, 'wish', message);
      this.enter(ticket, action === 'reply' ? 'AWAITING_USER' : 'AWAITING_MERCHANT');
    }
    return ticket;
  }

  permanentlyClose(id: string): SimTicket {
    const ticket = this.ticket(id);
    this.enter(ticket, 'PERMANENTLY_CLOSED');
    return ticket;
  }

  /** Bumps `last_update_date` only (paging-shift tests). */
  touch(id: string): SimTicket {
    const ticket = this.ticket(id);
    ticket.updatedAt = this.now();
    return ticket;
  }

  /** The health figures Wish shows merchants, from the store. */
  metrics(merchantId?: string) {
    const now = this.now();
    const mine = this.state.tickets.filter(
      (t) => merchantId === undefined || t.merchantId === merchantId,
    );
    const responded = mine.reduce((sum, t) => sum + t.responded, 0);
    const late = mine.reduce((sum, t) => sum + t.respondedLate, 0);
    const rated = mine.flatMap((t) => (t.csat === null ? [] : [t.csat]));
    const awaiting = mine.filter((t) => t.state === 'AWAITING_MERCHANT');
    return {
      lateResponseRate: responded === 0 ? 0 : late / responded,
      csat: rated.length === 0 ? null : rated.reduce((a, b) => a + b, 0) / rated.length,
      openAwaitingMerchant: awaiting.length,
      overdue: awaiting.filter((t) => t.dueAt !== null && now > t.dueAt).map((t) => t.id),
    };
  }

  private checkText(message: string, field: string): void {
    if (message.trim() === '') throw new WishRefusal(1000, `${field} is required`);
    if (message.length > wishMaxReplyLength) {
      throw new WishRefusal(1000, `${field} is longer than ${wishMaxReplyLength} characters`);
    }
  }

  private append(
    ticket: SimTicket,
    sender: WishSender,
    message: string,
    translated?: string,
    images: string[] = [],
  ): void {
    const at = this.now();
    ticket.replies.push({ sender, message, translated: translated ?? null, images, at });
    ticket.updatedAt = at;
  }

  private enter(ticket: SimTicket, state: WishState): void {
    const at = this.now();
    if (state === 'AWAITING_MERCHANT' && ticket.state !== 'AWAITING_MERCHANT') {
      ticket.dueAt = at + wishResponseWindowMs;
    }
    if (state !== 'AWAITING_MERCHANT') ticket.dueAt = null;
    ticket.closedAt = state === 'CLOSED' || state === 'PERMANENTLY_CLOSED' ? at : null;
    ticket.state = state;
    ticket.updatedAt = at;
  }
}
