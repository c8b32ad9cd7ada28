import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PlannedMessage } from '../src/testing/traffic.js';
import type { TrafficAnswer, TrafficRequest } from './traffic-process.js';

/** A round as the traffic process measured it: sent, committed and delivered to the sink. */
export interface Round {
  count: number;
  seconds: number;
  latencies: number[];
}

/** Starts the traffic process (sink + webhook sender); `round` runs one planned round through it. */
export async function startTraffic(): Promise<{
  sinkUrl: string;
  pid: number | undefined;
  /** One round; with `rate`, open loop at that many webhooks a second (see `sendPaced`). */
  round: (
    url: string,
    connectionId: string,
    plan: PlannedMessage[][],
    rate?: number,
  ) => Promise<Round>;
  close: () => Promise<void>;
}> {
  const child = fork(fileURLToPath(new URL('./traffic-process.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<TrafficAnswer>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`traffic process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (answer: TrafficAnswer) => {
        child.off('exit', onExit);
        resolve(answer);
      });
    });
  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`traffic process: ${JSON.stringify(ready)}`);
  const request = (message: TrafficRequest) => child.send(message);
  return {
    sinkUrl: ready.sinkUrl,
    pid: child.pid,
    async round(url, connectionId, plan, rate) {
      const answer = next();
      request({ type: 'round', url, connectionId, plan, ...(rate !== undefined && { rate }) });
      const result = await answer;
      if (result.type !== 'round') throw new Error(`traffic process: ${JSON.stringify(result)}`);
      return result;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      request({ type: 'close' });
      await exited;
    },
  };
}
