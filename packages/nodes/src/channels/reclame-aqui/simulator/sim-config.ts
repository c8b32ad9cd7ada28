import { z } from 'zod';
import { seededDirectory } from './company-directory.js';

const company = z.strictObject({ companyId: z.int(), name: z.string() });

/**
 * The HugMe simulator's switches (channel-apis.md §8.2); every one is an [A] decision that can be
 * aligned with real traffic. `POST /__sim/ra/config` merges a partial config.
 */
export const raSimConfigSchema = z.strictObject({
  clients: z
    .array(
      z.strictObject({
        clientId: z.string().min(1),
        clientSecret: z.string().min(1),
        companyIds: z.array(z.int()).min(1),
      }),
    )
    .default([{ clientId: 'client-id', clientSecret: 'client-secret', companyIds: [1234] }]),
  /** The clients' company pages (the organization list); also found by the moderation search. */
  companies: z.array(company).default([
    { companyId: 1234, name: 'Empresa Exemplo' },
    { companyId: 5678, name: 'Empresa Vizinha' },
  ]),
  /** Other companies of RA, searched for moderation reason 1 ("another company"). */
  companyDirectory: z.array(company).default([...seededDirectory]),
  tokenTtlSec: z.int().positive().default(3600),
  /** Issuing a token revokes the client's older ones. */
  revokeOnNewToken: z.boolean().default(false),
  /** Calls per minute per client; 0 turns the limiter off. */
  rateLimitPerMin: z.int().nonnegative().default(10),
  retryAfterSec: z.int().positive().optional(),
  pageSizeDefault: z.int().positive().default(25),
  pageSizeMax: z.int().positive().default(50),
  /** What a `page[size]` above the max gets: clamped, or a 400. */
  pageSizeOverMax: z.enum(['clamp', 'reject']).default('clamp'),
  acceptedModerationReasons: z.array(z.int()).default([1, 4, 5, 7, 15, 16, 17, 19]),
  /** RA's published rules on reasons 1 and 16 (status and the 15-day age). */
  moderationRules: z.boolean().default(true),
  /** Only journaled as a warning when shorter: RA is not known to refuse. */
  minSecondsBetweenMessages: z.int().nonnegative().default(0),
  privateMessageRequiresEmail: z.boolean().default(true),
  /** The availability probes answer 503 when false. */
  available: z.boolean().default(true),
  /** Who HugMe records as the responsible of company interactions. */
  responsible: z
    .strictObject({ id: z.int(), name: z.string() })
    .default({ id: 90001, name: 'Integração API' }),
  /** Push a callback on every ticket change (to `/__sim/outbound/config`'s URL). */
  callbacks: z.boolean().default(true),
});

/** {@link raSimConfigSchema}'s type. */
export type RaSimConfig = z.infer<typeof raSimConfigSchema>;
