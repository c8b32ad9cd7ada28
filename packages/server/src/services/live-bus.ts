/** What live subscribers receive. */
export interface LiveUpdate {
  /** `inbox`, `conversation:<id>` or `flow:<flowId>` (a flow's live trace). */
  topic: string;
  type: string;
  data: Record<string, unknown>;
}

/** Fans live updates out to subscribers (websockets), in this process and, when wired, others. */
export interface LiveBus {
  publish(update: LiveUpdate): void;
  subscribe(topic: string, listener: (update: LiveUpdate) => void): () => void;
}

/** An in-process bus. */
export function createLocalLiveBus(): LiveBus & { deliver(update: LiveUpdate): void } {
  const listeners = new Map<string, Set<(update: LiveUpdate) => void>>();
  const deliver = (update: LiveUpdate) => {
    for (const listener of listeners.get(update.topic) ?? []) listener(update);
  };
  return {
    deliver,
    publish: deliver,
    subscribe(topic, listener) {
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(topic);
      };
    },
  };
}
