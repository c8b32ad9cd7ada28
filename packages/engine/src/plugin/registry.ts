import { EngineError } from '../errors.js';
import type { ChannelDefinition } from './define-channel.js';
import type { NodeDefinition } from './define-node.js';
import type { NodeRuntime } from './define-node-runtime.js';

/** What {@link createRegistry} takes: explicit lists, nothing discovered. */
export interface RegistryInput {
  nodes: readonly NodeDefinition[];
  channels?: readonly ChannelDefinition[];
  /** Runtimes of every node (built-in and channel nodes). Omit for a definitions-only registry. */
  runtimes?: readonly NodeRuntime[];
}

/** Node types and channels known to an engine. */
export interface Registry {
  /** The lists it was built from (to build a variant, e.g. with a test channel added). */
  readonly input: RegistryInput;
  readonly nodes: ReadonlyMap<string, NodeDefinition>;
  readonly channels: ReadonlyMap<string, ChannelDefinition>;
  /** Whether runtimes were given (needed to compile and run flows). */
  readonly hasRuntimes: boolean;
  node(type: string): NodeDefinition | undefined;
  channel(type: string): ChannelDefinition | undefined;
  /** The runtime of a node type; throws when the registry has none. */
  runtime(type: string): NodeRuntime;
  /** The entry (trigger) node types. */
  entryTypes(): string[];
}

/**
 * Builds a registry from explicit lists. Duplicate types, runtimes without a definition and (when
 * runtimes are given) definitions without a runtime are rejected.
 *
 * @example
 * const registry = createRegistry({ nodes: nodeDefinitions, channels, runtimes: nodeRuntimes });
 */
export function createRegistry(input: RegistryInput): Registry {
  const channels = new Map<string, ChannelDefinition>();
  for (const channel of input.channels ?? []) {
    if (channels.has(channel.type)) {
      throw new EngineError(
        'REGISTRY_DUPLICATE_CHANNEL_TYPE',
        `channel type "${channel.type}" is listed twice`,
      );
    }
    channels.set(channel.type, channel);
  }
  const nodes = new Map<string, NodeDefinition>();
  const allNodes = [...input.nodes, ...[...channels.values()].flatMap((channel) => channel.nodes)];
  for (const node of allNodes) {
    if (nodes.has(node.type)) {
      throw new EngineError(
        'REGISTRY_DUPLICATE_NODE_TYPE',
        `node type "${node.type}" is listed twice`,
      );
    }
    nodes.set(node.type, node);
  }
  const runtimes = new Map<string, NodeRuntime>();
  for (const runtime of input.runtimes ?? []) {
    const type = runtime.definition.type;
    if (runtimes.has(type)) {
      throw new EngineError('REGISTRY_DUPLICATE_NODE_TYPE', `runtime of "${type}" is listed twice`);
    }
    if (nodes.get(type) !== runtime.definition) {
      throw new EngineError(
        'REGISTRY_UNKNOWN_RUNTIME',
        `runtime of "${type}" has no matching definition in the registry`,
      );
    }
    runtimes.set(type, runtime);
  }
  const hasRuntimes = input.runtimes !== undefined;
  if (hasRuntimes) {
    const missing = [...nodes.keys()].filter((type) => !runtimes.has(type));
    if (missing.length > 0) {
      throw new EngineError(
        'REGISTRY_MISSING_RUNTIME',
        `no runtime for node type(s): ${missing.join(', ')}`,
      );
    }
  }
  return {
    input,
    nodes,
    channels,
    hasRuntimes,
    node: (type) => nodes.get(type),
    channel: (type) => channels.get(type),
    runtime(type) {
      const runtime = runtimes.get(type);
      if (!runtime) {
        throw new EngineError(
          hasRuntimes ? 'REGISTRY_MISSING_RUNTIME' : 'REGISTRY_NO_RUNTIMES',
          hasRuntimes
            ? `no runtime for node type "${type}"`
            : 'this registry holds definitions only',
        );
      }
      return runtime;
    },
    entryTypes: () => [...nodes.values()].filter((node) => node.isEntry).map((node) => node.type),
  };
}
