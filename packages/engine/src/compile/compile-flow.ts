import { assign, setup, type AnyStateMachine } from 'xstate';
import { prepareFlow } from '../flow/prepare-flow.js';
import type { Flow } from '../flow/flow-schema.js';
import type { Json } from '../json.js';
import { portsOf } from '../plugin/define-node.js';
import type { Registry } from '../plugin/registry.js';
import type { ConversationContext } from '../conversation/conversation-context.js';
import { blankContext } from '../conversation/conversation-context.js';
import type { MachineEvent } from '../conversation/machine-event.js';
import { enterNode, handleEvent, startConversation, endFlow } from '../conversation/handlers.js';
import { stateKeys, type CompiledFlow, type CompiledNode } from './compiled-flow.js';
import { inertScope } from './inert-scope.js';

/** Options of {@link compileFlow}. */
export interface CompileOptions {
  /** Nodes one event may enter before the flow is stopped as a loop. */
  maxStepsPerEvent?: number;
}

/**
 * Compiles a flow into an XState machine whose states are the flow's nodes. Implementations are
 * named in `setup` and looked up by node id, so the machine config is plain data. Throws
 * `FLOW_INVALID` when the flow does not validate against the registry.
 *
 * @example
 * const compiled = compileFlow(flow, registry);
 * compiled.machine.config.states; // one state per node + $start, $ended, $closed
 */
export function compileFlow(
  flow: unknown,
  registry: Registry,
  options: CompileOptions = {},
): CompiledFlow {
  const valid: Flow = prepareFlow(flow, registry);
  const maxSteps = options.maxStepsPerEvent ?? 500;
  const nodes = new Map<string, CompiledNode>();
  let triggerId = '';
  for (const node of valid.nodes) {
    const definition = registry.node(node.type);
    const runtime = registry.runtime(node.type);
    if (definition?.isEntry) triggerId = node.id;
    const edges = new Map<string, string>();
    for (const edge of valid.edges)
      if (edge.source === node.id) edges.set(edge.sourcePort, edge.target);
    nodes.set(node.id, {
      id: node.id,
      type: node.type,
      settings: node.settings,
      runtime,
      ports: new Set([...(definition ? portsOf(definition, node.settings) : []), 'error']),
      edges,
    });
  }
  const variables: Record<string, Json> = {};
  for (const variable of valid.variables) variables[variable.name] = variable.default;

  const compiled: CompiledFlow = {
    machine: undefined as never,
    scope: undefined as never,
    nodes,
    triggerId,
    registry,
    variables,
    channel: (type) => registry.channel(type),
  };
  const env = { compiled, maxSteps };
  // Event handling is pure, so the guards that pick the exit and the action that applies it can
  // share one computation: the event then leaves the node in the same microstep it arrives in.
  const handled = new WeakMap<object, { event: object; context: ConversationContext }>();
  const handle = (context: ConversationContext, event: MachineEvent, nodeId: string | null) => {
    const hit = handled.get(context);
    if (hit?.event === event) return hit.context;
    const next = handleEvent(env, context, event, nodeId);
    handled.set(context, { event, context: next });
    return next;
  };

  const machineSetup = setup({
    types: { context: {} as ConversationContext, events: {} as MachineEvent },
    actions: {
      start: assign(({ context, event }) => startConversation(env, context, event)),
      enterNode: assign(({ context }, params: { nodeId: string }) =>
        enterNode(env, context, params.nodeId),
      ),
      handleEvent: assign(({ context, event }, params: { nodeId: string | null }) =>
        handle(context, event, params.nodeId),
      ),
      endFlow: assign(({ context }) => endFlow(context)),
    },
    guards: {
      exitIs: ({ context }, params: { nodeId: string; port: string }) =>
        context.exit !== null &&
        context.exit.nodeId === params.nodeId &&
        context.exit.port === params.port,
      eventLeaves: ({ context, event }, params: { nodeId: string; port: string }) => {
        const next = handle(context, event, params.nodeId);
        return (
          next.scratch.rejection === null &&
          next.flow === 'running' &&
          next.exit !== null &&
          next.exit.nodeId === params.nodeId &&
          next.exit.port === params.port
        );
      },
      isClosed: ({ context }) => context.flow === 'closed',
      // Closed or failed: both pass through $ended, which goes on to $closed when closed.
      isHalted: ({ context }) => context.flow === 'closed' || context.flow === 'failed',
    },
  });

  const states: Record<string, object> = {
    [stateKeys.start]: {
      on: { 'conversation.started': { target: triggerId, actions: 'start' } },
    },
    [stateKeys.ended]: {
      entry: 'endFlow',
      on: { '*': { actions: { type: 'handleEvent', params: { nodeId: null } } } },
      always: [{ guard: 'isClosed', target: stateKeys.closed }],
    },
    [stateKeys.closed]: { type: 'final' },
  };
  for (const node of nodes.values()) {
    // Ports without an edge end the flow; `error` without an edge fails it (handled as halted).
    const exits = [...node.ports].filter((port) => port !== 'error' || node.edges.has('error'));
    states[node.id] = {
      entry: { type: 'enterNode', params: { nodeId: node.id } },
      on: {
        '*': [
          ...exits.map((port) => ({
            guard: { type: 'eventLeaves', params: { nodeId: node.id, port } },
            target: node.edges.get(port) ?? stateKeys.ended,
            reenter: true,
            actions: { type: 'handleEvent', params: { nodeId: node.id } },
          })),
          { actions: { type: 'handleEvent', params: { nodeId: node.id } } },
        ],
      },
      always: [
        ...exits.map((port) => ({
          guard: { type: 'exitIs', params: { nodeId: node.id, port } },
          target: node.edges.get(port) ?? stateKeys.ended,
          reenter: true,
        })),
        { guard: 'isHalted', target: stateKeys.ended },
      ],
    };
  }
  // The machine's own generic type is too precise to store; callers use it as a plain machine.
  compiled.machine = machineSetup.createMachine({
    id: 'flow',
    initial: stateKeys.start,
    context: () => blankContext(variables),
    states: states as never,
  }) as unknown as AnyStateMachine;
  compiled.scope = inertScope(compiled.machine);
  return compiled;
}
