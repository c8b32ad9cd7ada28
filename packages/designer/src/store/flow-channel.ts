/** Where a choice is kept (localStorage in the browser). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const prefix = 'attendflow.flowChannel.';

/**
 * The channel a flow is designed for (palette and validation follow it). The flow document has no
 * channel field yet, so the choice is kept per flow in the browser.
 */
export function readFlowChannel(storage: KeyValueStorage, flowId: string): string | null {
  return storage.getItem(prefix + flowId) || null;
}

/** Remembers the channel a flow is designed for; null for "any channel". */
export function writeFlowChannel(
  storage: KeyValueStorage,
  flowId: string,
  channel: string | null,
): void {
  storage.setItem(prefix + flowId, channel ?? '');
}
