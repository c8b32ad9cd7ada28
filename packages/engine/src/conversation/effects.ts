import type { Json } from '../json.js';
import type { Attachment, Visibility } from './events.js';

/** Who wrote an outbound message. */
export type Author = 'bot' | 'agent';

/** Where a conversation can be in its attendance, in its order. */
export const conversationStatuses = [
  'waiting',
  'in-attendance',
  'awaiting-evaluation',
  'closed',
] as const;

/** Where a conversation is in its attendance. */
export type ConversationStatus = (typeof conversationStatuses)[number];

/** Fields of a conversation that flows and agents change. */
export interface ConversationFields {
  status: ConversationStatus;
  sector: string | null;
  occurrenceType: string | null;
  occurrence: string | null;
  solution: string | null;
  assignee: string | null;
  /** The handoff queue (sector) the conversation waits in for an agent, if any. */
  queue: string | null;
  /** When an answer is due (channels with an answer deadline). */
  answerDueAt: number | null;
}

/** A message to send, with channel rules already applied. */
export interface MessageEffect {
  kind: 'message';
  /** Unique within the conversation; hosts derive the delivery idempotency key from it. */
  id: string;
  text: string;
  visibility: Visibility;
  author: Author;
  agentId?: string;
  attachments: Attachment[];
  /** Earliest delivery time (epoch ms): spacing rules may push it past `now`. */
  notBefore: number;
  /** The node that sent it (automatic messages). */
  nodeId?: string;
  /** Rule codes that changed the message (e.g. `CHANNEL_AUTOMATIC_PRIVATE`). */
  adjustedBy: string[];
}

/** An automatic message that a channel rule stopped; kept so agents can see why. */
export interface MessageBlockedEffect {
  kind: 'message.blocked';
  nodeId: string;
  text: string;
  code: string;
  reason: string;
}

/** Arm a durable timer: the host feeds `event` back at `dueAt`. */
export interface TimerArmEffect {
  kind: 'timer.arm';
  timerId: string;
  dueAt: number;
  event: { type: 'timer.fired'; timerId: string };
}

/** Cancel a durable timer (a late firing is ignored anyway). */
export interface TimerCancelEffect {
  kind: 'timer.cancel';
  timerId: string;
}

/** Conversation fields changed. */
export interface ConversationUpdateEffect {
  kind: 'conversation.update';
  changes: Partial<ConversationFields>;
}

/** A channel operation other than a message (evaluation request, moderation request …). */
export interface ChannelActionEffect {
  kind: 'channel.action';
  id: string;
  action: string;
  payload: Record<string, Json>;
  /** Earliest delivery time: channel actions queue behind messages and keep the same spacing. */
  notBefore: number;
  author: Author;
  agentId?: string;
  nodeId?: string;
}

/** Something agents must see (a deadline approaching, a failed flow). */
export interface AlertEffect {
  kind: 'alert';
  level: 'info' | 'warning' | 'error';
  text: string;
  nodeId?: string;
  code?: string;
}

/** The flow stopped running (failed node, step limit); agents carry on. */
export interface FlowStoppedEffect {
  kind: 'flow.stopped';
  reason: 'failed' | 'ended';
  code?: string;
  nodeId?: string;
}

/** Everything one step asks its host to do, as data. */
export type Effect =
  | MessageEffect
  | MessageBlockedEffect
  | TimerArmEffect
  | TimerCancelEffect
  | ConversationUpdateEffect
  | ChannelActionEffect
  | AlertEffect
  | FlowStoppedEffect;

/** One node entered or left during a step, for live traces and analytics. */
export interface TraceEntry {
  nodeId: string;
  /** `enter` when the node was entered; `exit` with the port it left through. */
  kind: 'enter' | 'exit';
  port?: string;
  at: number;
}

/** Why an agent action was refused: nothing of it was applied. */
export interface Rejection {
  code: string;
  message: string;
  /** The values the message states (see the channel rule's refusal), when it has any. */
  params?: Record<string, string | number>;
}
