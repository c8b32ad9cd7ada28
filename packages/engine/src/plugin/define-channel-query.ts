import type { z } from 'zod';
import type { ChannelDefinition } from './define-channel.js';

/** Who may ask a channel query: `agent` is any signed-in user, `admin` only admins. */
export const channelQueryAudiences = ['agent', 'admin'] as const;
export type ChannelQueryAudience = (typeof channelQueryAudiences)[number];

/** What a channel query answers: its value, or one line saying why not (never a secret). */
export type ChannelQueryResult<T> =
  { ok: true; value: T } | { ok: false; detail: string; retryAfterMs?: number };

/**
 * A read-only question the host may ask a channel on behalf of a person (search the companies a
 * complaint can be moved to, the company's reputation …). Nothing is written on either side.
 */
export interface ChannelQuery<
  Settings = unknown,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  label: string;
  audience: ChannelQueryAudience;
  /**
   * The question's parameters. Hosts read them from a URL's query string, so values arrive as
   * text: use `z.coerce` for numbers. A value that does not parse is the caller's error (4xx).
   */
  input: I;
  /** The answer's shape; the host checks it, so a vendor's surprise never reaches the caller. */
  output: O;
  /** Asks the channel. Must honour `signal`; vendor failures are an `ok: false` answer. */
  run(
    input: z.infer<I>,
    settings: Settings,
    signal: AbortSignal,
  ): Promise<ChannelQueryResult<z.input<O>>>;
}

/**
 * Declares a channel query for a channel's adapter, with its input and settings typed.
 *
 * @example
 * const companies = defineChannelQuery(reclameAqui, {
 *   label: 'Search companies', audience: 'agent',
 *   input: z.object({ q: z.string().min(2) }),
 *   output: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
 *   run: async (input, settings, signal) => ({ ok: true, value: { items: [] } }),
 * });
 */
export function defineChannelQuery<S extends z.ZodType, I extends z.ZodType, O extends z.ZodType>(
  _channel: ChannelDefinition<S>,
  query: ChannelQuery<z.infer<S>, I, O>,
): ChannelQuery<z.infer<S>, I, O> {
  return query;
}
