import type { Json } from '../json.js';
import type { Customer } from './events.js';
import type { ConversationFields, Effect, Rejection, TraceEntry } from './effects.js';

/** A durable timer a node armed and still waits for. */
export interface ArmedTimer {
  nodeId: string;
  name: string;
  dueAt: number;
}

/** Where the flow itself is (the conversation may go on with agents after the flow ends). */
export type FlowRunState = 'running' | 'ended' | 'failed' | 'closed';

/** The work of the event being stepped; emptied before a snapshot is returned. */
export interface StepScratch {
  effects: Effect[];
  trace: TraceEntry[];
  rejection: Rejection | null;
  /** Nodes entered during this event (the step limit counts them). */
  entered: number;
}

/** What the channel said of the conversation when it started; fixed afterwards. */
export interface ConversationInfo {
  channel: string;
  policyOverrides: Record<string, Json> | null;
  externalId: string | null;
  subject: string | null;
  customer: Customer;
  metadata: Record<string, Json>;
  startedAt: number;
}

/** The back and forth between company and customer, as the channel rules need it. */
export interface Exchange {
  lastCustomerMessage: { text: string; at: number } | null;
  awaiting: 'company' | 'customer';
  publicAnswers: number;
  companyMessages: number;
  /** When the last outbound interaction goes out (spacing counts from it). */
  lastOutboundAt: number | null;
  evaluationRequested: boolean;
  evaluation: Record<string, Json> | null;
}

/**
 * Everything the engine keeps of a conversation between events (the XState context). Grouped in a
 * few objects: each step copies the top level several times, so it stays small.
 */
export interface ConversationContext {
  fields: ConversationFields;
  info: ConversationInfo;
  exchange: Exchange;
  variables: Record<string, Json>;
  nodeState: Record<string, Record<string, Json>>;
  timers: Record<string, ArmedTimer>;
  /** Counter for ids of messages, actions and timers. */
  seq: number;
  flow: FlowRunState;
  now: number;
  exit: { nodeId: string; port: string } | null;
  scratch: StepScratch;
}

/** The part of the context stored in a snapshot: without the step's working fields. */
export type PersistedContext = Omit<ConversationContext, 'scratch' | 'exit' | 'now'>;

/** An empty scratch. */
export function emptyScratch(): StepScratch {
  return { effects: [], trace: [], rejection: null, entered: 0 };
}

/** The context before `conversation.started`: filled in by the start handler. */
export function blankContext(variables: Record<string, Json>): ConversationContext {
  return {
    fields: {
      status: 'waiting',
      sector: null,
      occurrenceType: null,
      occurrence: null,
      solution: null,
      assignee: null,
      queue: null,
      answerDueAt: null,
    },
    info: {
      channel: '',
      policyOverrides: null,
      externalId: null,
      subject: null,
      customer: { fields: {} },
      metadata: {},
      startedAt: 0,
    },
    exchange: {
      lastCustomerMessage: null,
      awaiting: 'company',
      publicAnswers: 0,
      companyMessages: 0,
      lastOutboundAt: null,
      evaluationRequested: false,
      evaluation: null,
    },
    variables,
    nodeState: {},
    timers: {},
    seq: 0,
    flow: 'running',
    now: 0,
    exit: null,
    scratch: emptyScratch(),
  };
}
