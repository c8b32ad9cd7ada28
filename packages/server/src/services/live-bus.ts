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
  /**
   * The notification payloads that announce `updates` from inside the statement committing what
   * they announce (`pg_notify` there): they cost no statement of their own and go out exactly when,
   * and only if, the change commits. Null when this bus has no such channel: publish after the
   * commit instead ({@link publishUnlessSent}).
   */
  payloadsOf?(updates: readonly LiveUpdate[]): string[] | null;
}

/** Payloads for a statement to send (an empty list when the bus publishes after the commit). */
export function statementPayloads(bus: LiveBus, updates: readonly LiveUpdate[]): string[] | null {
  return bus.payloadsOf?.(updates) ?? null;
}

/** After the commit: publishes the updates whose statement did not carry them. */
export function publishUnlessSent(
  bus: LiveBus,
  updates: readonly LiveUpdate[],
  sent: string[] | null,
): void {
  if (sent !== null) return;
  for (const update of updates) bus.publish(update);
}

/** An in-process bus: `deliver` hands an update to this process's subscribers. */
export interface LocalLiveBus extends LiveBus {
  deliver(update: LiveUpdate): void;
  /** Whether anyone in this process subscribes to anything (else arriving updates can be dropped unread). */
  isListened(): boolean;
}

/** An in-process bus. */
export function createLocalLiveBus(): LocalLiveBus {
  const listeners = new Map<string, Set<(update: LiveUpdate) => void>>();
  const deliver = (update: LiveUpdate) => {
    for (const listener of listeners.get(update.topic) ?? []) listener(update);
  };
  return {
    deliver,
    publish: deliver,
    isListened: () => listeners.size > 0,
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
