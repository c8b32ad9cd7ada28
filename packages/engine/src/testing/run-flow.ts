import type { ConversationSnapshot } from '../conversation/create-engine.js';
import type { ConversationFields, Effect, Rejection, TraceEntry } from '../conversation/effects.js';
import type { ScriptStep } from './script.js';
import { SimulatedConversation, type SimulationOptions } from './simulated-conversation.js';
import type { Transcript } from './transcript.js';

/** Options of {@link runFlow}. */
export type RunFlowOptions = SimulationOptions;

/** The outcome of {@link runFlow}. */
export interface FlowRun {
  transcript: Transcript;
  snapshot: ConversationSnapshot;
  /** The conversation's fields at the end. */
  conversation: ConversationFields;
  /** Where the flow is: a node id, `$ended` or `$closed`. */
  at: string;
  /** Every effect, with the virtual time (ms since start) of the step that produced it. */
  effects: Array<Effect & { time: number }>;
  trace: TraceEntry[];
  rejections: Array<Rejection & { at: number; event: string }>;
  /** Armed timers left at the end, by id, with due times relative to the start. */
  pendingTimers: Record<string, number>;
  /** Virtual time at the end, relative to the start. */
  elapsed: number;
}

/**
 * Runs a flow through a script on a fake clock that jumps to the next timer: the conversation
 * starts, then each step sends an event or moves time on, firing due timers as a host would.
 *
 * @example
 * const run = runFlow(flow, [script.customer('oi'), script.wait('10m'), script.reply('Olá')], {
 *   registry, channel: 'web-chat',
 * });
 * expect(run.transcript.lines()).toEqual(['+0:00:00  customer  «oi»', ...]);
 */
export function runFlow(
  flow: unknown,
  steps: readonly ScriptStep[],
  options: RunFlowOptions,
): FlowRun {
  const chat = new SimulatedConversation(flow, options);
  for (const step of steps) {
    if ('wait' in step) chat.wait(step.wait);
    else if ('nextTimer' in step) chat.nextTimer();
    else if ('drainTimers' in step) chat.drainTimers();
    else chat.send(step);
  }
  const pendingTimers: Record<string, number> = {};
  for (const [timerId, dueAt] of chat.pendingTimers) pendingTimers[timerId] = dueAt - chat.origin;
  return {
    transcript: chat.transcript,
    snapshot: chat.snapshot,
    conversation: chat.snapshot.context.fields,
    at: chat.snapshot.value,
    effects: chat.effects,
    trace: chat.trace,
    rejections: chat.rejections,
    pendingTimers,
    elapsed: chat.now - chat.origin,
  };
}
