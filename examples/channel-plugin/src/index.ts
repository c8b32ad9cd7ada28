import type {
  ChannelAdapter,
  ChannelDefinition,
  NodeRuntime,
  RegistryInput,
} from '@attendflow/engine';
import { vibeAdapter } from './adapter.js';
import { vibe } from './definition.js';
import { sendKeyboardRuntime } from './nodes/send-keyboard/runtime.js';

/** Everything a host registers for Vibe: the channel (with its node), its runtimes and its adapter. */
export const vibePlugin: {
  channels: ChannelDefinition[];
  runtimes: NodeRuntime[];
  adapters: ChannelAdapter[];
} = {
  channels: [vibe],
  runtimes: [sendKeyboardRuntime],
  adapters: [vibeAdapter],
};

/**
 * A host's registry lists with Vibe added: the channel, and the runtime of its node when the host
 * runs flows (a definitions-only registry, as in the designer, stays without runtimes).
 *
 * @example
 * const registry = createRegistry(withVibe({ nodes: nodeDefinitions, channels: channelDefinitions, runtimes: nodeRuntimes }));
 */
export function withVibe(input: RegistryInput): RegistryInput {
  return {
    ...input,
    channels: [...(input.channels ?? []), ...vibePlugin.channels],
    ...(input.runtimes ? { runtimes: [...input.runtimes, ...vibePlugin.runtimes] } : {}),
  };
}

export { vibe, VIBE } from './definition.js';
export { vibeSettings, type VibeSettings } from './settings.js';
export { vibeAdapter } from './adapter.js';
export { sendKeyboard } from './nodes/send-keyboard/definition.js';
export { sendKeyboardRuntime } from './nodes/send-keyboard/runtime.js';
export { KEYBOARD_ACTION, MAX_TEXT_LENGTH, keyboardPayloadSchema } from './keyboard.js';
export { setVibeWebhook } from './set-webhook.js';
export { signBody, hasValidSignature } from './signature.js';
export { parseVibeCallback } from './inbound.js';
export { vibeStatus, AUTH_HEADER, SIGNATURE_HEADER } from './vibe-api.js';
