// Every behaviour of the Reclame Aqui plugin that rests on an assumption ([A] in channel-apis.md)
// or an inference ([I]) lives here, so it can be changed in one place once real traffic is seen.

/** The production API base (§1.2) [C]. */
export const HUGME_BASE_URL = 'https://app.hugme.com.br/api';

/** Calls per minute per client (§1.6) [C×2]; the token's `rate_limit` overrides it when present. */
export const RATE_LIMIT_PER_MINUTE = 10;

/** Calls of each minute a sync leaves to deliveries, so answers are not starved by an import [A]. */
export const SYNC_RESERVED_CALLS = 3;

/** Largest page (§1.5) [C]. */
export const PAGE_SIZE_MAX = 50;

/** Refresh the token this long before `expires_in` runs out (one client uses 60 s) [I]. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** Lifetime assumed when the token response has no `expires_in` (one client uses 300 s) [I]. */
export const TOKEN_DEFAULT_TTL_S = 300;

/** Each incremental window starts this long before the previous run's newest change (§7.2) [A]. */
export const SYNC_SKEW_MS = 5 * 60_000;

/** `moderation.status` strings: the real ones are unknown (§1.7.3) [A]. */
export const moderationStatus = {
  pending: 'PENDING',
  accepted: 'ACCEPTED',
  denied: 'DENIED',
} as const;

/** `favorable_assessment` once an evaluation was requested [A]; 0 "Não Solicitado" is [C]. */
export const evaluationRequested = { id: 1, description: 'Solicitado' } as const;

/**
 * A consumer réplica on the site arrives as another type-1 interaction after the complaint (§8.2
 * "type 1-like consumer message") [A]: the first type-1 interaction is the complaint, later ones
 * are réplicas.
 */
export const REPLICA_INTERACTION_TYPE = 1;

/** `message/public` is sent as multipart (two clients) rather than JSON (one client) (§1.4) [C]. */
export const PUBLIC_ANSWER_ENCODING: 'multipart' | 'json' = 'multipart';

/** "Today only" (retroactive 0) starts at 00:00 in this offset: Brasília time [A]. */
export const DAY_START_UTC_OFFSET_HOURS = -3;

/** Link to the complaint on the site from its "ID Site RA" hash (detail 25); the real slug is unknown [A]. */
export const complaintLink = (siteId: string | null, complaintId: string) =>
  siteId
    ? `https://www.reclameaqui.com.br/reclamacao/${siteId}/`
    : `https://www.reclameaqui.com.br/reclamacao/${complaintId}/`;

/** The callback carries at least a ticket id; the body is not public (§1.10), so it is only a hint [A]. */
export const callbackTicketIdOf = (body: unknown): number | null => {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const id = record['ticket_id'] ?? record['ticketId'] ?? record['id'];
  const number = typeof id === 'string' ? Number(id) : id;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
};

/** Calls of each minute a person's query (company search, reputation) leaves to deliveries [A]. */
export const QUERY_RESERVED_CALLS = 2;

/**
 * The companies of a moderation search (endpoint 13): its answer is not captured, so an array or
 * a `{data}` envelope of `{companyId | id, name | companyName}` is taken, with `meta.total` or
 * `total` when present [A].
 */
export const moderationCompaniesOf = (
  body: unknown,
): { items: Array<{ companyId: string; name: string }>; total: number | null } | null => {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as {
    data?: unknown;
    total?: unknown;
    meta?: { total?: unknown };
  };
  const list = Array.isArray(body) ? body : envelope.data;
  if (!Array.isArray(list)) return null;
  const items = list.flatMap((item: unknown) => {
    const c = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const id = c['companyId'] ?? c['id'];
    const name = c['name'] ?? c['companyName'];
    return (typeof id === 'number' || typeof id === 'string') && typeof name === 'string'
      ? [{ companyId: String(id), name }]
      : [];
  });
  const total = envelope.meta?.total ?? envelope.total;
  return { items, total: typeof total === 'number' ? total : null };
};
