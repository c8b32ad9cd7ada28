import type { Json } from '../json.js';
import type {
  Attachment,
  ChannelEvent,
  ConversationEvent,
  Customer,
  Visibility,
} from '../conversation/events.js';
import type { ConversationFields } from '../conversation/effects.js';
import type { ChannelPolicies } from './channel-policies.js';

/** What a node reads of its conversation. */
export interface ConversationView extends Readonly<ConversationFields> {
  readonly channel: string;
  readonly externalId: string | null;
  readonly subject: string | null;
  readonly customer: Readonly<Customer>;
  readonly metadata: Readonly<Record<string, Json>>;
  readonly startedAt: number;
  /** The customer's latest message, if any (the first one is the start event's text). */
  readonly lastCustomerMessage: { text: string; at: number } | null;
  /** Who is expected to write next. */
  readonly awaiting: 'company' | 'customer';
  readonly publicAnswers: number;
  readonly companyMessages: number;
  readonly evaluationRequested: boolean;
  readonly evaluation: Readonly<Record<string, Json>> | null;
}

/** An automatic message as a node asks for it. */
export interface OutboundDraft {
  text: string;
  /** Requested visibility; channel rules may change it (the outcome tells). */
  visibility?: Visibility;
  attachments?: Attachment[];
}

/** Whether a send or channel action went through, and how. */
export type Outcome =
  | { ok: true; visibility?: Visibility; adjustedBy: string[] }
  | { ok: false; code: string; reason: string; params?: Record<string, string | number> };

/** Fields a node may change. `status` changes go through `handoff` and `close`. */
export type ConversationChanges = Partial<
  Pick<ConversationFields, 'sector' | 'occurrenceType' | 'occurrence' | 'solution'>
>;

/** What a waiting node receives: conversation events, and its own timers by name. */
export type NodeEvent =
  | Exclude<ConversationEvent, ChannelEvent | { type: 'timer.fired' }>
  | ChannelEvent
  | { type: 'timer'; name: string };

/**
 * The only door between a node and the conversation. Every call is checked against the
 * channel's policies here, in the engine; node authors never see XState.
 */
export interface NodeContext<S> {
  readonly nodeId: string;
  readonly settings: S;
  /** Current time, epoch milliseconds. */
  readonly now: number;
  readonly conversation: ConversationView;
  readonly channel: { readonly type: string; readonly policies: ChannelPolicies };
  readonly variables: Readonly<Record<string, Json>>;
  /** This node's own state, kept while the node waits; cleared when it is left. */
  readonly state: Readonly<Record<string, Json>>;
  setState(patch: Record<string, Json>): void;
  /** Replaces `{{variable}}`, `{{customer.name}}`, `{{conversation.sector}}`, `{{subject}}`. */
  render(template: string): string;
  /** Sends an automatic message, subject to the channel's rules. */
  send(message: OutboundDraft): Outcome;
  update(changes: ConversationChanges): void;
  setVariable(name: string, value: Json): void;
  /** Puts the conversation in a sector's queue for an agent. */
  handoff(queue: string | null): void;
  /** Closes the attendance; the flow stops after this node. */
  close(solution?: string | null): Outcome;
  /** Asks the customer for an evaluation, subject to the channel's rules. */
  requestEvaluation(): Outcome;
  /** Requests a channel action the channel declares. */
  channelAction(action: string, payload: Record<string, Json>): Outcome;
  /** Arms (or re-arms) this node's timer `name`, due after `delayMs`. */
  startTimer(name: string, delayMs: number): void;
  cancelTimer(name: string): void;
  hasTimer(name: string): boolean;
  /** Tells agents something. */
  alert(text: string, level?: 'info' | 'warning' | 'error'): void;
}
