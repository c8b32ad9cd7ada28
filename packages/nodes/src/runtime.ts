import { createRegistry, type ChannelAdapter, type Registry } from '@attendflow/engine';
import { apiAdapter } from './channels/api/adapter.js';
import { emailAdapter } from './channels/email/adapter.js';
import { reclameAquiAdapter } from './channels/reclame-aqui/adapter.js';
import { createTelegramAdapter } from './channels/telegram/adapter.js';
import { webChatAdapter } from './channels/web-chat/adapter.js';
import { createWishAdapter } from './channels/wish/adapter.js';
import { channelDefinitions, nodeDefinitions } from './definitions.js';
import { nodeRuntimes } from './node-runtimes.js';

/** Adapters of the channels whose I/O is implemented (the others' arrive with their plugins). */
export const channelAdapters: ChannelAdapter[] = [
  apiAdapter,
  webChatAdapter,
  emailAdapter,
  reclameAquiAdapter,
  createTelegramAdapter(),
  createWishAdapter(),
] as ChannelAdapter[];

/**
 * The registry of every built-in node and channel, with runtimes.
 *
 * @example
 * const engine = createEngine({ registry: createBuiltInRegistry() });
 */
export function createBuiltInRegistry(): Registry {
  return createRegistry({
    nodes: nodeDefinitions,
    channels: channelDefinitions,
    runtimes: nodeRuntimes,
  });
}

export { nodeDefinitions, channelDefinitions } from './definitions.js';
export { nodeRuntimes } from './node-runtimes.js';
export { createReclameAquiAdapter } from './channels/reclame-aqui/adapter.js';
