import type { PlannedMessage } from '../src/testing/traffic.js';
import { inboundBody, inboundToken } from '../src/testing/traffic.js';
import { leanPoster } from './lean-http.js';

/** Keep-alive connections per webhook URL, kept across rounds as a vendor's client keeps them. */
const posters = new Map<string, ReturnType<typeof leanPoster>>();

/** One webhook poster (`lean-http.ts`): resolves when the answer is read, rejects on a non-2xx. */
function poster(baseUrl: string, connectionId: string): (message: PlannedMessage) => Promise<void> {
  const url = `${baseUrl}/api/channels/${connectionId}/inbound`;
  let lean = posters.get(url);
  if (!lean) {
    lean = leanPoster(new URL(url), {
      'content-type': 'application/json',
      authorization: `Bearer ${inboundToken}`,
    });
    posters.set(url, lean);
  }
  const { post } = lean;
  return async (message) => {
    const response = await post(inboundBody(message));
    if (response.status >= 300)
      throw new Error(`inbound answered ${response.status}: ${response.text}`);
  };
}

/**
 * The bench's load generator, closed loop: each conversation's messages in order, each sent when
 * the previous one is answered, conversations in parallel, over keep-alive sockets with no HTTP
 * library (`lean-http.ts`, as autocannon and wrk send: node:http's client cost the shared cores
 * twice as much, fetch more than the server's own work). Returns each webhook's latency, ms.
 */
export async function sendWebhooks(
  baseUrl: string,
  connectionId: string,
  plan: PlannedMessage[][],
): Promise<number[]> {
  const post = poster(baseUrl, connectionId);
  const latencies: number[] = [];
  await Promise.all(
    plan.map(async (messages) => {
      for (const message of messages) {
        const began = performance.now();
        await post(message);
        latencies.push(performance.now() - began);
      }
    }),
  );
  return latencies;
}

/**
 * Open loop, as a vendor's traffic comes: `rate` webhooks a second on a fixed schedule, whatever
 * the answers (message k at k / rate s, the conversations taking turns, each one's messages in its
 * order), so a slow answer does not slow the traffic down. Each latency is counted from the
 * message's scheduled time, not from when the sender got to it (no coordinated omission: a sender
 * that fell behind counts its lateness against the server). Returns each webhook's latency, ms.
 */
export async function sendPaced(
  baseUrl: string,
  connectionId: string,
  plan: PlannedMessage[][],
  rate: number,
): Promise<number[]> {
  const post = poster(baseUrl, connectionId);
  const schedule: PlannedMessage[] = [];
  const longest = Math.max(0, ...plan.map((messages) => messages.length));
  for (let m = 0; m < longest; m++)
    for (const messages of plan) {
      const message = messages[m];
      if (message) schedule.push(message);
    }
  const latencies: number[] = [];
  const sent: Promise<void>[] = [];
  const began = performance.now();
  let next = 0;
  while (next < schedule.length) {
    const now = performance.now();
    for (; next < schedule.length && began + (next * 1000) / rate <= now; next++) {
      const due = began + (next * 1000) / rate;
      sent.push(
        post(schedule[next] as PlannedMessage).then(() => {
          latencies.push(performance.now() - due);
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(sent);
  return latencies;
}
