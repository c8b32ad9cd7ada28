import type { AnyStateMachine } from 'xstate';
import type { Json } from '../json.js';
import type { InertScope } from './inert-scope.js';
import type { ChannelDefinition } from '../plugin/define-channel.js';
import type { NodeRuntime } from '../plugin/define-node-runtime.js';
import type { Registry } from '../plugin/registry.js';

/** A node ready to run: parsed settings, runtime and where each port leads. */
export interface CompiledNode {
  id: string;
  type: string;
  settings: unknown;
  runtime: NodeRuntime;
  ports: ReadonlySet<string>;
  /** Port → target node id; ports without an edge end the flow. */
  edges: ReadonlyMap<string, string>;
}

/** A flow compiled for one registry: the XState machine and the lookups its actions use. */
export interface CompiledFlow {
  machine: AnyStateMachine;
  /** The scope its transitions are computed in (see `inertScope`). */
  scope: InertScope<AnyStateMachine>;
  nodes: ReadonlyMap<string, CompiledNode>;
  triggerId: string;
  registry: Registry;
  variables: Record<string, Json>;
  channel(type: string): ChannelDefinition | undefined;
}

/** Reserved state keys; node ids cannot start with `$`. */
export const stateKeys = { start: '$start', ended: '$ended', closed: '$closed' } as const;
