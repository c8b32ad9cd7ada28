import type { Effect, FlowInput, Rejection } from '@attendflow/engine';
import {
  SimulatedConversation,
  type ScriptStep,
  type SimulationOptions,
} from '@attendflow/engine/testing';

/** What a host saw of a conversation, in order: the events it sent and the effects it got. */
export type Observation =
  | {
      kind: 'event';
      event: Exclude<ScriptStep, { wait: unknown } | { nextTimer: true } | { drainTimers: true }>;
      /** Virtual time of the step, epoch ms. */
      time: number;
      rejection: Rejection | null;
    }
  | { kind: 'effect'; effect: Effect; time: number };

/**
 * Runs a script on a {@link SimulatedConversation} and lists, in order, every event sent (with
 * its rejection) and every effect of every step, including the steps of timers falling due. One
 * wait fires at most 50 timers unless `options.maxTimers` says otherwise, so that a flow looping
 * through short timeouts stays cheap to run for days of virtual time.
 */
export function observeScript(
  flow: FlowInput,
  steps: readonly ScriptStep[],
  options: SimulationOptions,
): Observation[] {
  const chat = new SimulatedConversation(flow, { maxTimers: 50, ...options });
  const channel = typeof options.channel === 'string' ? options.channel : options.channel.type;
  const observed: Observation[] = [
    {
      kind: 'event',
      event: { type: 'conversation.started', channel, ...options.start },
      time: chat.origin,
      rejection: null,
    },
  ];
  let seen = 0;
  const collect = () => {
    for (const { time, ...effect } of chat.effects.slice(seen)) {
      observed.push({ kind: 'effect', effect, time: chat.origin + time });
    }
    seen = chat.effects.length;
  };
  collect();
  for (const step of steps) {
    if ('wait' in step) chat.wait(step.wait);
    else if ('nextTimer' in step) chat.nextTimer();
    else if ('drainTimers' in step) chat.drainTimers();
    else {
      const time = chat.now;
      const { rejection } = chat.send(step);
      observed.push({ kind: 'event', event: step, time, rejection });
    }
    collect();
  }
  return observed;
}
