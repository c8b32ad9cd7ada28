import { asc, sql } from 'drizzle-orm';
import { messages } from '../db/schema/index.js';

/**
 * The order of a transcript, for `orderBy`. One step writes the customer's message and the
 * replies with the same time: inbound first, then by the engine's counter (`m2` before `m10`).
 */
export const transcriptOrder = [
  asc(messages.createdAt),
  asc(messages.direction),
  asc(sql`length(${messages.localId})`),
  asc(messages.localId),
];
