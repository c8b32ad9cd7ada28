import { createRateLimiter, type RateLimiter } from '../../../simulator-kit/rate-limiter.js';
import type { SimClock } from '../../../simulator-kit/clock.js';
import type { SimFile } from '../../../simulator-kit/request-body.js';
import { moderationStatus } from '../hugme-assumptions.js';
import { raSimConfigSchema, type RaSimConfig } from './sim-config.js';
import type { SimTicket } from './ticket-model.js';

/** An issued access token. */
interface IssuedToken {
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

/** A vendor error in HugMe's shape (§1.11, body [A]). */
export class HugmeError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Everything the HugMe simulator holds: config, tickets, tokens, uploaded files. */
export class RaStore {
  config: RaSimConfig = raSimConfigSchema.parse({});
  tickets: SimTicket[] = [];
  tokens = new Map<string, IssuedToken>();
  files = new Map<string, { file: SimFile; expiresAt: number }>();
  /** A scheduled pagination shift: touch these tickets just before the n-th list call. */
  shift: { beforeListCall: number; ticketIds: number[] } | null = null;
  listCalls = 0;
  warnings: string[] = [];
  readonly limiter: RateLimiter;

  constructor(
    readonly clock: SimClock,
    /** Called on every ticket change (the callback push). */
    readonly changed: (ticket: SimTicket) => void,
  ) {
    this.limiter = createRateLimiter({
      clock,
      limit: () => this.config.rateLimitPerMin,
      windowMs: 60_000,
    });
  }

  now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  reset(): void {
    this.config = raSimConfigSchema.parse({});
    this.tickets = [];
    this.tokens.clear();
    this.files.clear();
    this.shift = null;
    this.listCalls = 0;
    this.warnings = [];
    this.limiter.reset();
  }

  configure(patch: unknown): RaSimConfig {
    this.config = raSimConfigSchema.parse({ ...this.config, ...(patch as object) });
    return this.config;
  }

  /** Takes one call from the client's budget or throws the 429. */
  spend(clientId: string): void {
    const taken = this.limiter.take(clientId);
    if (taken.ok) return;
    const seconds = this.config.retryAfterSec ?? Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
    throw new HugmeError(429, 'rate limit exceeded', { 'Retry-After': String(seconds) });
  }

  issueToken(clientId: string, token: string): IssuedToken {
    if (this.config.revokeOnNewToken) {
      for (const issued of this.tokens.values())
        if (issued.clientId === clientId) issued.revoked = true;
    }
    const issued = {
      clientId,
      expiresAt: this.clock.now() + this.config.tokenTtlSec * 1000,
      revoked: false,
    };
    this.tokens.set(token, issued);
    return issued;
  }

  /** The client of a live bearer token, or a 401. */
  clientOf(authorization: string | undefined): RaSimConfig['clients'][number] {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
    const issued = token === undefined ? undefined : this.tokens.get(token);
    if (!issued || issued.revoked) throw new HugmeError(401, 'invalid token');
    if (issued.expiresAt <= this.clock.now()) throw new HugmeError(401, 'token expired');
    const client = this.config.clients.find((c) => c.clientId === issued.clientId);
    if (!client) throw new HugmeError(401, 'unknown client');
    return client;
  }

  /** Revokes every token (the "401 before expiry" preset). */
  revokeTokens(): number {
    for (const issued of this.tokens.values()) issued.revoked = true;
    return this.tokens.size;
  }

  ticket(id: number | string, companyIds?: number[]): SimTicket {
    const found = this.tickets.find((t) => t.json.id === Number(id));
    if (!found || (companyIds && !companyIds.includes(found.json.company.id)))
      throw new HugmeError(404, `ticket ${String(id)} not found`);
    return found;
  }

  /** Every company a complaint can be moved to: the directory and the clients' pages, once each. */
  directory(): RaSimConfig['companies'] {
    const byId = new Map(this.config.companyDirectory.map((c) => [c.companyId, c]));
    for (const c of this.config.companies) byId.set(c.companyId, c);
    return [...byId.values()];
  }

  hasPendingModeration(ticket: SimTicket): boolean {
    return ticket.json.moderation.status === moderationStatus.pending;
  }

  dump(): unknown {
    return { config: this.config, tickets: this.tickets };
  }

  load(state: unknown): void {
    const { config, tickets } = state as { config?: unknown; tickets?: SimTicket[] };
    this.reset();
    if (config) this.configure(config);
    this.tickets = tickets ?? [];
  }
}
