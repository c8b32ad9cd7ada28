import type { ConversationEvent } from './events.js';

/** A conversation event as the machine receives it: stamped with the step's time. */
export type MachineEvent = ConversationEvent & { now: number };
