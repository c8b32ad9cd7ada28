import type { z } from 'zod';
import type { Json } from '../json.js';
import type {
  Attachment,
  ConversationEventInput,
  ConversationStarted,
  Customer,
  Visibility,
} from '../conversation/events.js';
import type { ChannelDefinition } from './define-channel.js';
import type { ChannelQuery } from './define-channel-query.js';

/** One thing a host must deliver to the channel: a message or a channel action. */
export interface OutboundDelivery {
  /** Stable across retries: the vendor (or the adapter) uses it to drop duplicates. */
  idempotencyKey: string;
  conversation: { id: string; externalId: string; customer: Customer; subject: string | null };
  kind: 'message' | 'action';
  message?: {
    text: string;
    visibility: Visibility;
    author: 'bot' | 'agent';
    agentId?: string;
    attachments: Attachment[];
  };
  action?: { name: string; payload: Record<string, Json> };
  /** 1 on the first try. */
  attempt: number;
}

/** How a delivery went: retryable failures come back later, others go dead at once. */
export type DeliveryResult =
  | { ok: true; externalId?: string }
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };

/** A conversation-level event parsed from a channel's inbound payload. */
export interface InboundItem {
  /** The conversation on the channel (ticket id, chat id …). */
  externalId: string;
  /** The channel's message or delivery id; the same id twice is applied once. */
  dedupKey?: string;
  /** Set when this item may open a new conversation: the start event's fields. */
  start?: Omit<ConversationStarted, 'type' | 'channel'>;
  /** The event for an existing (or just started) conversation. */
  event?: Exclude<ConversationEventInput, { type: 'conversation.started' }>;
}

/** What {@link ChannelAdapter.sync} gets: its settings, the state it returned last time, and time. */
export interface SyncContext<Settings> {
  settings: Settings;
  /** What the previous run returned as `state` (cursor, window end …); null on the first run. */
  state: Json | null;
  /** The host's clock (ms). */
  now: number;
  signal: AbortSignal;
}

/** How far a long sync (a first import over months) has gone, for the admin's progress bar. */
export interface SyncProgress {
  pagesDone: number;
  pagesKnown: number;
  itemsImported: number;
  done: boolean;
}

/** What one sync run found. The host ingests `items` in order, then stores `state`. */
export interface SyncResult {
  items: InboundItem[];
  state: Json;
  progress?: SyncProgress;
  /** When to run again; the host's default interval otherwise. */
  nextSyncInMs?: number;
}

/** An inbound request as an adapter sees it: no framework types. */
export interface InboundRequest {
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: string;
  body: unknown;
}

/** The I/O half of a channel plugin (server side); it never sees the host's web framework. */
export interface ChannelAdapter<S extends z.ZodType = z.ZodType> {
  readonly kind: 'channel-adapter';
  readonly channel: ChannelDefinition<S>;
  /** Whether an inbound request really comes from the channel (shared secret, signature …). */
  verifyInbound(request: InboundRequest, settings: z.infer<S>): boolean;
  /** Turns an inbound payload into events, or says what is wrong with it. */
  parseInbound(
    request: InboundRequest,
    settings: z.infer<S>,
  ):
    | {
        ok: true;
        items: InboundItem[];
        /** The payload is only a hint: re-read through `sync`. */ resync?: boolean;
      }
    | { ok: false; issues: string[] };
  /** Sends one message or action. Must honour `signal` (timeouts). */
  deliver(
    delivery: OutboundDelivery,
    settings: z.infer<S>,
    signal: AbortSignal,
  ): Promise<DeliveryResult>;
  /** Checks the settings against the channel (credentials, reachability). */
  testConnection?(settings: z.infer<S>, signal: AbortSignal): Promise<ConnectionCheck>;
  /**
   * Pulls what the channel has for us (polling is the source of truth where webhooks are only
   * hints). The host runs it on a schedule, one run per connection at a time across processes.
   */
  sync?(context: SyncContext<z.infer<S>>): Promise<SyncResult>;
  /**
   * Read-only questions people may ask the channel through the host, by name (a company search,
   * the reputation …); make each with `defineChannelQuery`.
   */
  queries?: Readonly<Record<string, ChannelQuery<z.infer<S>>>>;
}

/** The answer of {@link ChannelAdapter.testConnection}. */
export interface ConnectionCheck {
  ok: boolean;
  /** One line for the admin ("bot @acme_bot", "401 Unauthorized" …); never a secret. */
  detail: string;
  /** Facts read from the channel for the settings screen (bot name, company pages …). */
  facts?: Record<string, Json>;
}

/**
 * Declares a channel's adapter: how the host verifies and parses inbound payloads and delivers
 * outbound messages.
 *
 * @example
 * export const apiAdapter = defineChannelAdapter(apiChannel, {
 *   verifyInbound: (request, settings) => request.headers['authorization'] === `Bearer ${settings.inboundToken}`,
 *   parseInbound: (request) => ({ ok: true, items: [] }),
 *   deliver: async (delivery, settings, signal) => ({ ok: true }),
 * });
 */
export function defineChannelAdapter<S extends z.ZodType>(
  channel: ChannelDefinition<S>,
  adapter: Omit<ChannelAdapter<S>, 'kind' | 'channel'>,
): ChannelAdapter<S> {
  return { ...adapter, kind: 'channel-adapter', channel };
}
