/** A Vibe user the simulator knows. */
export interface SimUser {
  id: string;
  name: string;
  country: string;
  language: string;
  subscribed: boolean;
}

/** A message the bot sent through `send_message`. */
export interface SimSentMessage {
  token: string;
  receiver: string;
  text: string;
  buttons: string[];
  trackingData: string | null;
  at: number;
}

/** One request the simulator answered; the auth token is never recorded, only whether it matched. */
export interface SimJournalEntry {
  at: number;
  method: string;
  path: string;
  httpStatus: number;
  vibeStatus?: number;
  authorized?: boolean;
  body?: unknown;
}

/** A failure the next `send_message` calls meet, in order. */
export type SimFault = '429' | '500' | '503' | 'timeout' | 'status-12';

/** The simulator's in-memory world. */
export interface SimState {
  webhook: { url: string; eventTypes: string[] } | null;
  users: Map<string, SimUser>;
  sent: SimSentMessage[];
  journal: SimJournalEntry[];
  faults: SimFault[];
  /** Callback bodies by message token, exactly as sent, for redeliveries. */
  callbacks: Map<string, string>;
  nextToken: bigint;
}

// Real tokens are about this size: far past 2^53, so consecutive ones are equal as JS numbers.
const FIRST_TOKEN = 4_912_661_846_655_238_145n;

/** A fresh, empty simulator state. */
export function createSimState(): SimState {
  return {
    webhook: null,
    users: new Map(),
    sent: [],
    journal: [],
    faults: [],
    callbacks: new Map(),
    nextToken: FIRST_TOKEN,
  };
}

/** Empties a state in place (the control plane's reset). */
export function resetSimState(state: SimState): void {
  Object.assign(state, createSimState());
}

/** Hands out the next message token. */
export function takeToken(state: SimState): bigint {
  const token = state.nextToken;
  state.nextToken += 1n;
  return token;
}
