/**
 * Every behaviour of Wish's API v2 that no public source confirms (channel-apis.md §2.2, §2.5,
 * §8.3, tagged [A]/[I]), in one place: the simulator imitates these values and the adapter relies
 * on them, so aligning both with real traffic is a change to this file only.
 */

/** Ticket states as the v2 API names them; the numbering of `state_id` is not confirmed. [A] */
export const wishStates = {
  AWAITING_MERCHANT: { id: '1', name: 'Awaiting your response' },
  AWAITING_USER: { id: '2', name: 'Awaiting buyer response' },
  CLOSED: { id: '3', name: 'Closed' },
  AWAITING_WISH: { id: '4', name: 'Awaiting Wish support' },
  PERMANENTLY_CLOSED: { id: '5', name: 'Permanently closed' },
} as const;

/** A ticket state, named as API v3 names it (v2 gives only the strings above). */
export type WishState = keyof typeof wishStates;

/** The state whose `state_id` is `id`, or null for an id we do not know. */
export function wishStateOf(id: string): WishState | null {
  const found = Object.entries(wishStates).find(([, state]) => state.id === id);
  return found ? (found[0] as WishState) : null;
}

/** `Reply.sender` strings (an ERP comment lists user / wish / seller). [A] */
export const wishSenders = { user: 'user', merchant: 'merchant', wish: 'wish' } as const;

/** Who wrote a reply. */
export type WishSender = keyof typeof wishSenders;

/** The product's ticket categories (channel-apis.md §2.1, [P]). */
export const wishCategories = ['pre-purchase', 'post-purchase', 'post-customer-support'] as const;

/** One of {@link wishCategories}. */
export type WishCategory = (typeof wishCategories)[number];

/**
 * v2 carries the category only in `label` text (§2.4, [I]): these are the labels the simulator
 * writes and the adapter recognises; a ticket with an order and another label is post-purchase.
 */
export const wishCategoryLabels: Record<WishCategory, string> = {
  'pre-purchase': 'Pre-purchase question',
  'post-purchase': 'Post-purchase ticket',
  'post-customer-support': 'Post-customer-support question',
};

/** The category of a v2 ticket from its label and whether it has an order. */
export function wishCategoryOf(label: string, hasOrder: boolean): WishCategory {
  const found = Object.entries(wishCategoryLabels).find(
    ([, text]) => text.toLowerCase() === label.trim().toLowerCase(),
  );
  if (found) return found[0] as WishCategory;
  return hasOrder ? 'post-purchase' : 'pre-purchase';
}

/** HTTP statuses that go with a non-zero `code` (the SDK reads only the code). [A] */
export const wishHttpStatus = { error: 400, auth: 401, rateLimited: 429 } as const;

/** The `code` of a rate-limited v2 answer: v2's limits are unknown (§2.6). [A] */
export const wishRateLimitedCode = 1017;

/** The text of the code-1000 refusal of a reply outside AWAITING_MERCHANT. [A] */
export const wishNotAwaitingMessage = 'ticket is not awaiting your response';

/** v2 dates: no offset, UTC, seconds (`2024-05-02T10:00:00`). [I] */
export function formatWishDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Epoch ms of a v2 date. */
export function parseWishDate(text: string): number {
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}

/** `image_urls` is a string that looks like a Python list (`"[u'https://…jpg']"`). [C] */
export function formatImageUrls(urls: readonly string[]): string {
  return `[${urls.map((url) => `u'${url}'`).join(', ')}]`;
}

/** The URLs in an `image_urls` string. */
export function parseImageUrls(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/'([^']+)'|"([^"]+)"/g)].flatMap((m) => {
    const url = m[1] ?? m[2];
    return url ? [url] : [];
  });
}

/** The buyer's answer window (§2.6, [P]); the simulator counts it from entering AWAITING_MERCHANT. */
export const wishResponseWindowMs = 48 * 3_600_000;

/** Longest reply (v3 [C]; v2 assumed the same). */
export const wishMaxReplyLength = 2000;
