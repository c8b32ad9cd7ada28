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
export async function sendWebhooks(
  baseUrl: string,
  connectionId: string,
  plan: PlannedMessage[][],
): Promise<number[]> {
  const url = new URL(`${baseUrl}/api/channels/${connectionId}/inbound`);
  agents[baseUrl] ??= new Agent({ keepAlive: true });
  const agent = agents[baseUrl];
  const latencies: number[] = [];
  const post = (message: PlannedMessage) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({
        type: 'message',
        customer: { name: 'Ana', fields: {} },
        ...message,
      });
      const began = performance.now();
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
            else {
              latencies.push(performance.now() - began);
              resolve();
            }
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  await Promise.all(
    plan.map(async (messages) => {
      for (const message of messages) await post(message);
    }),
  );
  return latencies;
}
