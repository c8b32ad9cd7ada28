import { z } from 'zod';
import {
  route,
  type SimReply,
  type SimRequest,
  type SimRoute,
} from '../../../simulator-kit/sim-server.js';
import {
  consumerPrivate,
  consumerReplica,
  decideModeration,
  evaluate,
  systemMove,
} from './consumer-events.js';
import { HugmeError, type RaStore } from './ra-store.js';
import { newTicket } from './ticket-model.js';
import { hugmeErrorReply } from './vendor-routes.js';

type Ids = { next(prefix: string, width?: number): string };

const complaintSchema = z.strictObject({
  title: z.string().min(1),
  content: z.string().min(1),
  customer: z
    .strictObject({
      name: z.string().default('Consumidora Exemplo'),
      email: z.email().default('consumidora@example.com'),
      city: z.string().default('Campinas'),
      state: z.string().default('São Paulo'),
      stateCode: z.string().default('SP'),
      phone: z.string().optional(),
    })
    .default({
      name: 'Consumidora Exemplo',
      email: 'consumidora@example.com',
      city: 'Campinas',
      state: 'São Paulo',
      stateCode: 'SP',
    }),
  companyId: z.int().optional(),
  subject: z.string().default('Outros'),
  attachments: z.array(z.string()).default([]),
  createdAt: z.iso.datetime().optional(),
  /** Days before now the complaint was filed and last changed (retroactive-import tests). */
  daysAgo: z.number().nonnegative().optional(),
});
const message = z.strictObject({ message: z.string().min(1) });
const evaluation = z.strictObject({
  resolved: z.boolean(),
  dealAgain: z.boolean().default(false),
  grade: z.int().min(0).max(10),
  comment: z.string().default(''),
});
const moves = [
  'route',
  'freeze',
  'unfreeze',
  'deactivate-by-consumer',
  'auto-moderate',
  'touch',
] as const;

const guarded =
  (handle: (r: SimRequest) => SimReply) =>
  (r: SimRequest): SimReply => {
    try {
      return handle(r);
    } catch (error) {
      if (error instanceof HugmeError) return hugmeErrorReply(error.status, error.message);
      throw error;
    }
  };

/** The `/__sim/ra/…` actors: the consumer, Reclame Aqui's staff, and test scenarios. */
export function actorRoutes(store: RaStore, ids: Ids): SimRoute[] {
  const ticketOf = (r: SimRequest) => store.ticket(r.params['id'] ?? '');
  const json = (body: unknown, status = 200): SimReply => ({ status, body });
  return [
    route('GET', '/__sim/ra/config', () => json(store.config)),
    route('POST', '/__sim/ra/config', (r) => json(store.configure(r.body.value ?? {}))),
    route(
      'POST',
      '/__sim/ra/complaints',
      guarded((r) => {
        const input = complaintSchema.parse(r.body.value ?? {});
        const company = store.config.companies.find(
          (c) => c.companyId === (input.companyId ?? store.config.clients[0]?.companyIds[0]),
        );
        if (!company) throw new HugmeError(400, 'unknown company');
        const at =
          input.createdAt ??
          new Date(store.clock.now() - (input.daysAgo ?? 0) * 86_400_000).toISOString();
        const ticket = newTicket(
          ids,
          { ...input, companyId: company.companyId, companyName: company.name, createdAt: at },
          input.daysAgo === undefined ? store.now() : at,
        );
        store.tickets.push(ticket);
        store.changed(ticket);
        return json(ticket.json, 201);
      }),
    ),
    route(
      'GET',
      '/__sim/ra/tickets/:id',
      guarded((r) => json(ticketOf(r).json)),
    ),
    route(
      'POST',
      '/__sim/ra/tickets/:id/consumer-replica',
      guarded((r) => {
        consumerReplica(store, ids, ticketOf(r), message.parse(r.body.value).message);
        return json(ticketOf(r).json);
      }),
    ),
    route(
      'POST',
      '/__sim/ra/tickets/:id/consumer-private',
      guarded((r) => {
        consumerPrivate(store, ids, ticketOf(r), message.parse(r.body.value).message);
        return json(ticketOf(r).json);
      }),
    ),
    route(
      'POST',
      '/__sim/ra/tickets/:id/evaluate',
      guarded((r) => {
        evaluate(store, ids, ticketOf(r), evaluation.parse(r.body.value));
        return json(ticketOf(r).json);
      }),
    ),
    route(
      'POST',
      '/__sim/ra/tickets/:id/moderation-decision',
      guarded((r) => {
        decideModeration(
          store,
          ids,
          ticketOf(r),
          z.strictObject({ accepted: z.boolean() }).parse(r.body.value).accepted,
        );
        return json(ticketOf(r).json);
      }),
    ),
    ...moves.map((move) =>
      route(
        'POST',
        `/__sim/ra/tickets/:id/${move}`,
        guarded((r) => {
          systemMove(store, ids, ticketOf(r), move);
          return json(ticketOf(r).json);
        }),
      ),
    ),
    route('POST', '/__sim/ra/tokens/revoke', () => json({ revoked: store.revokeTokens() })),
    route('POST', '/__sim/ra/scenarios/pagination-shift', (r) => {
      store.shift = z
        .strictObject({ beforeListCall: z.int().positive(), ticketIds: z.array(z.int()) })
        .parse(r.body.value);
      store.listCalls = 0;
      return json(store.shift);
    }),
    route('GET', '/__sim/ra/warnings', () => json(store.warnings)),
    route('GET', '/__sim/ra/files/:detailId', (r) => {
      const stored = store.files.get(r.params['detailId'] ?? '');
      if (!stored || stored.expiresAt < store.clock.now())
        return hugmeErrorReply(404, 'link expired');
      return { status: 200, text: Buffer.from(stored.file.bytes).toString('utf8') };
    }),
  ];
}
