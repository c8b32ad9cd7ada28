import {
  createRegistry,
  type ChannelDefinition,
  type NodeRuntime,
  type Registry,
} from '@attendflow/engine';

/**
 * A registry for tests holding just the given node runtimes (their definitions come with them)
 * and channels, so a test does not depend on every built-in node existing.
 *
 * @example
 * const registry = registryOf([triggerRuntime, closeRuntime], [reclameAqui]);
 */
export function registryOf(
  runtimes: readonly NodeRuntime[],
  channels: readonly ChannelDefinition[] = [],
): Registry {
  // Channel nodes come with their channel: listing them again would be a duplicate.
  const carried = new Set(channels.flatMap((channel) => channel.nodes));
  return createRegistry({
    nodes: runtimes.map((runtime) => runtime.definition).filter((node) => !carried.has(node)),
    channels,
    runtimes,
  });
}
