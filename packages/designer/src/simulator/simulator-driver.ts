import {
  EngineError,
  type ConversationEventInput,
  type ConversationFields,
  type Flow,
  type Registry,
  type Rejection,
  type Visibility,
} from '@attendflow/engine';
import { SimulatedConversation, type TranscriptEntry } from '@attendflow/engine/testing';
import type { PathStep } from '../canvas/canvas-overlay';

/** How a simulated conversation starts: the channel and the customer's first message. */
export interface SimulatorStart {
  channel: string;
  customerName: string;
  subject: string;
  text: string;
}

/** What a person does in the simulator panel, as the customer or as the agent. */
export type SimulatorAction =
  | { kind: 'customer'; text: string }
  | { kind: 'take' }
  | { kind: 'reply'; text: string; visibility: Visibility }
  | { kind: 'request-evaluation' }
  | { kind: 'evaluate'; score: number; resolved: boolean }
  | { kind: 'close' }
  | { kind: 'next-timer' };

/** What the panel shows after each action. */
export interface SimulatorView {
  /** The transcript: who wrote what, public or private, with refusals and status changes. */
  entries: readonly TranscriptEntry[];
  /** The node the flow waits in, or `$ended` / `$closed`. */
  at: string;
  fields: ConversationFields;
  /** Virtual time since the start, ms. */
  elapsed: number;
  /** Time to the next armed timer, ms; null when none is armed. */
  nextTimerIn: number | null;
  /** Why the last action was refused (a channel rule), if it was. */
  rejection: Rejection | null;
  /** An engine error of the last action (e.g. an event the flow cannot take). */
  error: string | null;
  /** Nodes entered and left so far, in order. */
  path: readonly PathStep[];
}

/** The agent the simulator acts as. */
export const simulatorAgent = 'simulator';

/** A draft flow run in memory on a fake clock, driven one action at a time. */
export interface Simulator {
  view(): SimulatorView;
  act(action: SimulatorAction): SimulatorView;
}

/**
 * Starts a simulated conversation of `flow` on a channel, with the engine and its test kit (pure,
 * browser-safe): the channel's real policies apply, so what the admin sees is what the server does.
 * Throws `EngineError('FLOW_INVALID')` when the draft cannot run.
 *
 * @example
 * const sim = startSimulator(flow, registry, { channel: 'reclame-aqui', customerName: 'Ana', subject: 'Entrega', text: 'Atrasou' });
 * sim.act({ kind: 'take' });
 */
export function startSimulator(flow: Flow, registry: Registry, start: SimulatorStart): Simulator {
  const chat = new SimulatedConversation(flow, {
    registry,
    channel: start.channel,
    start: {
      externalId: 'SIM-1',
      subject: start.subject,
      text: start.text,
      customer: { name: start.customerName, fields: {} },
    },
    startAt: Date.now(),
  });
  let rejection: Rejection | null = null;
  let error: string | null = null;
  const view = (): SimulatorView => {
    let next: number | null = null;
    for (const due of chat.pendingTimers.values()) next = next === null ? due : Math.min(next, due);
    return {
      entries: [...chat.transcript.entries],
      at: chat.snapshot.value,
      fields: chat.snapshot.context.fields,
      elapsed: chat.now - chat.origin,
      nextTimerIn: next === null ? null : Math.max(0, next - chat.now),
      rejection,
      error,
      path: chat.trace.map(({ nodeId, kind, port }) => ({
        nodeId,
        kind,
        ...(port === undefined ? {} : { port }),
      })),
    };
  };
  return {
    view,
    act(action) {
      rejection = null;
      error = null;
      try {
        if (action.kind === 'next-timer') chat.nextTimer();
        else rejection = chat.send(eventOf(action)).rejection;
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        error = e.message;
      }
      return view();
    },
  };
}

function eventOf(action: Exclude<SimulatorAction, { kind: 'next-timer' }>): ConversationEventInput {
  const agentId = simulatorAgent;
  switch (action.kind) {
    case 'customer':
      return { type: 'customer.message', text: action.text };
    case 'take':
      return { type: 'agent.took', agentId, agentName: 'Simulator' };
    case 'reply':
      return { type: 'agent.reply', agentId, text: action.text, visibility: action.visibility };
    case 'request-evaluation':
      return { type: 'agent.requested-evaluation', agentId };
    case 'evaluate':
      return { type: 'customer.evaluated', score: action.score, resolved: action.resolved };
    case 'close':
      return { type: 'agent.closed', agentId };
  }
}
