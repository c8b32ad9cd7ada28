import { EngineError } from '../errors.js';
import type { Json } from '../json.js';
import { channelPoliciesSchema, type ChannelPolicies } from '../plugin/channel-policies.js';
import type { ChannelDefinition } from '../plugin/define-channel.js';

const permissive: ChannelPolicies = channelPoliciesSchema.parse({
  visibilities: ['public', 'private'],
});
const merged = new WeakMap<ChannelDefinition, Map<string, ChannelPolicies>>();

/**
 * The policies in force for a conversation: the channel's, with the connection's overrides on top.
 * A channel unknown to the registry gets permissive policies (the host chose to run it).
 */
export function resolvePolicies(
  channel: ChannelDefinition | undefined,
  overrides: Record<string, Json> | null,
): ChannelPolicies {
  const base = channel?.policies ?? permissive;
  if (overrides === null || channel === undefined) return base;
  const key = JSON.stringify(overrides);
  let perChannel = merged.get(channel);
  if (!perChannel) merged.set(channel, (perChannel = new Map<string, ChannelPolicies>()));
  const cached = perChannel.get(key);
  if (cached) return cached;
  const parsed = channelPoliciesSchema.safeParse({ ...base, ...overrides });
  if (!parsed.success) {
    throw new EngineError(
      'EVENT_INVALID',
      `policies: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      {
        cause: parsed.error,
      },
    );
  }
  perChannel.set(key, parsed.data);
  return parsed.data;
}
