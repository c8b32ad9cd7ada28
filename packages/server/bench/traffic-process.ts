/**
 * The bench's other side, in its own process as a load generator and a vendor would be: the sink
 * the api channel delivers to, and the webhook sender, both over `lean-http.ts`. The server under
 * test then spends its CPU on its own work only, and the cores it shares lose little to them.
 * Driven over IPC by `traffic.ts`.
 */
import type { PlannedMessage } from '../src/testing/traffic.js';
import { startLeanSink } from './lean-http.js';
import { sendPaced, sendWebhooks } from './send-webhooks.js';

export type TrafficRequest =
  | {
      type: 'round';
      url: string;
      connectionId: string;
      plan: PlannedMessage[][];
      /** Webhooks a second on a fixed schedule (open loop); absent: each sent when the last is answered. */
      rate?: number;
    }
  | { type: 'close' };

export type TrafficAnswer =
  | { type: 'ready'; sinkUrl: string }
  | { type: 'round'; count: number; seconds: number; latencies: number[] }
  | { type: 'failed'; error: string };

const sink = await startLeanSink();
const send = (answer: TrafficAnswer) => process.send?.(answer);
// The bench that forked this process is gone (it failed, or was killed): nothing is left to serve.
process.on('disconnect', () => process.exit(0));

process.on('message', (request: TrafficRequest) => {
  if (request.type === 'close') {
    void sink.close().then(() => process.exit(0));
    return;
  }
  void (async () => {
    const count = request.plan.flat().length;
    const before = sink.deliveredCount();
    const began = performance.now();
    const latencies =
      request.rate === undefined
        ? await sendWebhooks(request.url, request.connectionId, request.plan)
        : await sendPaced(request.url, request.connectionId, request.plan, request.rate);
    // Polled every millisecond: a coarse poll would add its period to the measured time.
    const deadline = Date.now() + 120_000;
    while (sink.deliveredCount() - before < count) {
      if (Date.now() > deadline) throw new Error('not all messages were delivered in 120 s');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    send({ type: 'round', count, seconds: (performance.now() - began) / 1000, latencies });
  })().catch((error: unknown) => send({ type: 'failed', error: String(error) }));
});

send({ type: 'ready', sinkUrl: sink.url });
