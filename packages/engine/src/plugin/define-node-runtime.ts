import type { NodeDefinition, PortOf, SettingsOf } from './define-node.js';
import type { NodeContext, NodeEvent } from './node-context.js';

/** A port name to leave through, or `undefined` to stay and wait. */
export type NodeOutcome<P extends string = string> = P | undefined;

/** The server-side half of a node: what it does when entered and when events reach it. */
export interface NodeRuntimeInput<D extends NodeDefinition> {
  /** Runs when the flow enters the node. Return a port to leave, or nothing to wait. */
  enter(ctx: NodeContext<SettingsOf<D>>): NodeOutcome<PortOf<D>>;
  /** Runs for each event while the node waits. Return a port to leave, or nothing to keep waiting. */
  onEvent?(ctx: NodeContext<SettingsOf<D>>, event: NodeEvent): NodeOutcome<PortOf<D>>;
}

/** A node runtime bound to its definition. */
export interface NodeRuntime<
  D extends NodeDefinition = NodeDefinition,
> extends NodeRuntimeInput<D> {
  readonly kind: 'node-runtime';
  readonly definition: D;
}

/**
 * Declares what a node type does at run time, apart from its browser-safe definition.
 *
 * @example
 * export const autoMessageRuntime = defineNodeRuntime(autoMessage, {
 *   enter(ctx) {
 *     ctx.send({ text: ctx.render(ctx.settings.text), visibility: ctx.settings.visibility });
 *     return 'next';
 *   },
 * });
 */
export function defineNodeRuntime<D extends NodeDefinition>(
  definition: D,
  input: NodeRuntimeInput<D>,
): NodeRuntime<D> {
  return { ...input, kind: 'node-runtime', definition };
}
