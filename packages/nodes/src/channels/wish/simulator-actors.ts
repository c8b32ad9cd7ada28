import { z } from 'zod';
import { route, type SimRoute } from '../../simulator-kit/sim-server.js';
import { renderTicket } from './simulator-render.js';
import { WishRefusal, type WishStore } from './simulator-store.js';
import { wishCategories } from './wish-v2-assumptions.js';

const newTicket = z.strictObject({
  category: z.enum(wishCategories),
  subject: z.string().min(1),
  message: z.string().min(1),
  translatedMessage: z.string().optional(),
  images: z.array(z.url()).optional(),
  buyer: z.strictObject({ name: z.string().min(1), locale: z.string().min(2) }),
  label: z.string().optional(),
  sublabel: z.string().optional(),
  orderIds: z.array(z.string().min(1)).optional(),
  merchantId: z.string().optional(),
});
const userReply = z.strictObject({
  message: z.string().min(1),
  images: z.array(z.url()).optional(),
});
const wishSupport = z.strictObject({
  action: z.enum(['reply', 'close', 'returnToMerchant']),
  message: z.string().optional(),
});
const token = z.strictObject({
  token: z.string().min(1),
  merchantId: z.string().min(1),
  expiresAt: z.iso.datetime().nullable().default(null),
  revoked: z.boolean().default(false),
});

/**
 * The actors of the Wish simulator under `/__sim/wish/` (channel-apis.md §8.3): the buyer, Wish
 * support, time-driven closes, tokens, and the health metrics computed from the store.
 */
export function wishActorRoutes(store: WishStore): SimRoute[] {
  const base = '/__sim/wish';
  const guard = <T>(run: () => T) => {
    try {
      return { status: 200, body: run() };
    } catch (error) {
      if (error instanceof WishRefusal) return { status: 409, body: { error: error.message } };
      throw error;
    }
  };
  const id = (params: Record<string, string>) => params['id'] ?? '';
  return [
    route('POST', `${base}/tickets`, (r) => ({
      status: 201,
      body: renderTicket(store.open(newTicket.parse(r.body.value))),
    })),
    route('GET', `${base}/tickets/:id`, (r) =>
      guard(() => renderTicket(store.ticket(id(r.params)))),
    ),
    route('POST', `${base}/tickets/:id/user-reply`, (r) => {
      const input = userReply.parse(r.body.value);
      return guard(() => renderTicket(store.userReply(id(r.params), input.message, input.images)));
    }),
    route('POST', `${base}/tickets/:id/user-close`, (r) =>
      guard(() => {
        const ticket = store.ticket(id(r.params));
        store.close(ticket);
        return renderTicket(ticket);
      }),
    ),
    route('POST', `${base}/tickets/:id/wish-support`, (r) => {
      const input = wishSupport.parse(r.body.value);
      return guard(() =>
        renderTicket(store.wishSupport(id(r.params), input.action, input.message)),
      );
    }),
    route('POST', `${base}/tickets/:id/permanently-close`, (r) =>
      guard(() => renderTicket(store.permanentlyClose(id(r.params)))),
    ),
    route('POST', `${base}/tickets/:id/touch`, (r) =>
      guard(() => renderTicket(store.touch(id(r.params)))),
    ),
    route('POST', `${base}/tickets/:id/csat`, (r) => {
      const { score } = z.strictObject({ score: z.number().min(1).max(5) }).parse(r.body.value);
      return guard(() => {
        const ticket = store.ticket(id(r.params));
        ticket.csat = score;
        return renderTicket(ticket);
      });
    }),
    route('POST', `${base}/tokens`, (r) => {
      const input = token.parse(r.body.value);
      store.addToken({
        ...input,
        expiresAt: input.expiresAt === null ? null : Date.parse(input.expiresAt),
      });
      return { status: 201, body: { ok: true } };
    }),
    route('GET', `${base}/metrics`, (r) => ({
      status: 200,
      body: store.metrics(r.query.get('merchantId') ?? undefined),
    })),
  ];
}
