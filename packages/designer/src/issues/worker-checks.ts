import type { Registry } from '@attendflow/engine';
import {
  localChecks,
  type CheckReply,
  type CheckRequest,
  type ConnectChecks,
} from './draft-checker';

/**
 * Checks in a worker (check-worker.ts), off the page's thread: validating a 1,000-node draft
 * takes tens of milliseconds. Where workers are missing or the worker fails, checks run here.
 */
export function workerChecks(registry: Registry): ConnectChecks {
  if (typeof Worker !== 'function') return localChecks(registry);
  return (onReply) => {
    let worker: Worker | null = new Worker(new URL('./check-worker.ts', import.meta.url), {
      type: 'module',
    });
    let local: ReturnType<ConnectChecks> | null = null;
    let pending: CheckRequest | null = null;
    worker.onmessage = (event: MessageEvent<CheckReply>) => onReply(event.data);
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      local = localChecks(registry)(onReply);
      if (pending) local.send(pending);
    };
    return {
      send(request) {
        pending = request;
        if (worker) worker.postMessage(request);
        else local?.send(request);
      },
      close() {
        worker?.terminate();
        worker = null;
      },
    };
  };
}
