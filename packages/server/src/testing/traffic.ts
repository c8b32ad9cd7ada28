import type { FlowInput } from '@attendflow/engine';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { events } from '../db/schema/index.js';
import { flowNode } from './flow-node.js';

/** The inbound token of the API connections the process tests seed. */
export const inboundToken = 'inbound-token-0123456789';

/** Acknowledge, wait up to 3 s for the customer (answering each message), then say goodbye. */
export function crashFlow(): FlowInput {
  return {
    schemaVersion: 1,
    name: 'Crash test',
    nodes: [
      flowNode('start', 'trigger', {}),
      flowNode('ack', 'auto-message', { text: 'ack' }),
      flowNode('wait', 'wait-for-customer', { timeout: { amount: 4, unit: 'seconds' } }),
      flowNode('echo', 'auto-message', { text: 'got it' }),
      flowNode('bye', 'auto-message', { text: 'bye' }),
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'ack' },
      { id: 'e2', source: 'ack', sourcePort: 'next', target: 'wait' },
      { id: 'e3', source: 'wait', sourcePort: 'replied', target: 'echo' },
      { id: 'e4', source: 'echo', sourcePort: 'next', target: 'wait' },
      { id: 'e5', source: 'wait', sourcePort: 'timeout', target: 'bye' },
    ],
    variables: [],
  };
}

/** One customer message for the API channel's inbound webhook. */
export interface PlannedMessage {
  conversationId: string;
  messageId: string;
  text: string;
}

/** The API channel's inbound webhook body carrying one planned customer message. */
export function inboundBody(message: PlannedMessage): string {
  return JSON.stringify({ type: 'message', customer: { name: 'Ana', fields: {} }, ...message });
}

/** POSTs one customer message to a connection's inbound webhook, as the API channel takes it. */
export function postInbound(
  baseUrl: string,
  connectionId: string,
  message: PlannedMessage,
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${baseUrl}/api/channels/${connectionId}/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${inboundToken}` },
    body: inboundBody(message),
    ...(signal ? { signal } : {}),
  });
}

/**
 * Sends each conversation's messages in order, conversations in parallel, through the inbound
 * webhook. With `stopOnError: false` (a server about to be killed) failures are ignored.
 */
export async function sendAll(
  baseUrl: string,
  connectionId: string,
  plan: PlannedMessage[][],
  options: { stopOnError: boolean },
): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    plan.map(async (messages) => {
      for (const message of messages) {
        const began = performance.now();
        try {
          const response = await postInbound(baseUrl, connectionId, message);
          const text = await response.text();
          if (!response.ok && options.stopOnError)
            throw new Error(`inbound answered ${response.status}: ${text}`);
          latencies.push(performance.now() - began);
        } catch (error) {
          if (options.stopOnError) throw error;
        }
      }
    }),
  );
  return latencies;
}

/** Polls until `done` holds or the time is up (then throws). */
export async function waitUntil(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Each dedup key of the event log (those `where` keeps) with how many events carry it: the process
 * tests' "applied once".
 */
export function eventsPerKey(
  db: Db,
  where?: SQL,
): Promise<Array<{ key: string | null; n: number }>> {
  const query = db.select({ key: events.dedupKey, n: sql<number>`count(*)::int` }).from(events);
  return (where ? query.where(where) : query).groupBy(events.dedupKey);
}
