import type { ConversationEventInput } from '../conversation/events.js';
import type { Attachment, Visibility } from '../conversation/events.js';
import type { Duration } from './duration.js';

/** One line of a {@link runFlow} script. */
export type ScriptStep =
  /** Moves the virtual clock forward, firing the timers that fall due on the way. */
  | { wait: Duration }
  /** Jumps the clock to the next armed timer and fires it. */
  | { nextTimer: true }
  /** Fires every armed timer in time order until none is left (bounded). */
  | { drainTimers: true }
  /** Sends an event at the current virtual time. */
  | ConversationEventInput;

/** Script helpers: readable scripts without event boilerplate. */
export const script = {
  /**
   * The customer writes.
   * @example script.customer('Meu pedido não chegou')
   */
  customer: (text: string, attachments: Attachment[] = []): ScriptStep => ({
    type: 'customer.message',
    text,
    attachments,
  }),
  /** An agent takes the conversation. */
  take: (agentId = 'agent-1'): ScriptStep => ({ type: 'agent.took', agentId }),
  /** An agent answers. */
  reply: (text: string, visibility: Visibility = 'public', agentId = 'agent-1'): ScriptStep => ({
    type: 'agent.reply',
    agentId,
    text,
    visibility,
  }),
  /** An agent requests the evaluation. */
  requestEvaluation: (agentId = 'agent-1'): ScriptStep => ({
    type: 'agent.requested-evaluation',
    agentId,
  }),
  /** The customer evaluates. */
  evaluate: (evaluation: {
    score?: number;
    rating?: 'good' | 'bad';
    resolved?: boolean;
    comment?: string;
  }): ScriptStep => ({
    type: 'customer.evaluated',
    ...evaluation,
  }),
  /** An agent closes with a solution. */
  close: (solution?: string, agentId = 'agent-1'): ScriptStep => ({
    type: 'agent.closed',
    agentId,
    ...(solution === undefined ? {} : { solution }),
  }),
  /** Time passes. */
  wait: (duration: Duration): ScriptStep => ({ wait: duration }),
  /** The next timer fires. */
  nextTimer: (): ScriptStep => ({ nextTimer: true }),
  /** Every pending timer fires. */
  drainTimers: (): ScriptStep => ({ drainTimers: true }),
};
