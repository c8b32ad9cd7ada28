import { Agent, request } from 'node:http';
import type { PlannedMessage } from '../src/testing/traffic.js';
import { inboundToken } from '../src/testing/traffic.js';

/** Keep-alive connections per server, kept across rounds as a vendor's client keeps them. */
const agents: Record<string, Agent> = {};

/**
 * The bench's load generator: each conversation's messages in order, conversations in parallel,
 * over keep-alive node:http (the cheapest client in Node, as autocannon would be: fetch costs the
 * process under test more CPU than the server's own work). Returns each webhook's latency, ms.
 */
/** One webhook poster over a server's kept keep-alive agent: resolves when the answer is read. */
function poster(baseUrl: string, connectionId: string): (message: PlannedMessage) => Promise<void> {
  const url = new URL(`${baseUrl}/api/channels/${connectionId}/inbound`);
  agents[baseUrl] ??= new Agent({ keepAlive: true });
  const agent = agents[baseUrl];
  return (message) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({
        type: 'message',
        customer: { name: 'Ana', fields: {} },
        ...message,
      });
      const outgoing = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${inboundToken}`,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            if ((response.statusCode ?? 500) >= 300)
              reject(new Error(`inbound answered ${response.statusCode}: ${text}`));
            else resolve();
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
}

/**
 * The bench's load generator, closed loop: each conversation's messages in order, each sent when
 * the previous one is answered, conversations in parallel, over keep-alive node:http (the cheapest
 * client in Node, as autocannon would be: fetch costs the process under test more CPU than the
 * server's own work). Returns each webhook's latency, ms.
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
