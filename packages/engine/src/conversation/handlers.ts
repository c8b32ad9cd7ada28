import type { CompiledFlow, CompiledNode } from '../compile/compiled-flow.js';
import type { NodeEvent, NodeContext } from '../plugin/node-context.js';
import { applyEvent } from './apply-event.js';
import type { ConversationContext } from './conversation-context.js';
import { BoundNodeContext } from './bound-node-context.js';
import { Draft } from './draft.js';
import type { MachineEvent } from './machine-event.js';
import { resolvePolicies } from './resolve-policies.js';

/** What the machine's actions share: the compiled flow and the loop limit. */
export interface HandlerEnv {
  compiled: CompiledFlow;
  maxSteps: number;
}

/** `conversation.started`: fills the conversation from the channel's first event. */
export function startConversation(
  env: HandlerEnv,
  context: ConversationContext,
  event: MachineEvent,
): ConversationContext {
  const draft = new Draft(context);
  const ctx = draft.ctx;
  ctx.now = event.now;
  if (event.type !== 'conversation.started') return ctx;
  const policyOverrides = event.policies ?? null;
  // Resolving now refuses bad overrides before anything is written.
  const policies = resolvePolicies(env.compiled.channel(event.channel), policyOverrides);
  ctx.info = {
    channel: event.channel,
    policyOverrides,
    externalId: event.externalId ?? null,
    subject: event.subject ?? null,
    customer: event.customer,
    metadata: event.metadata,
    startedAt: event.now,
  };
  ctx.exchange = {
    ...ctx.exchange,
    lastCustomerMessage: event.text === undefined ? null : { text: event.text, at: event.now },
    awaiting: 'company',
  };
  if (policies.answerDeadlineMs !== undefined) {
    draft.updateFields({ answerDueAt: event.now + policies.answerDeadlineMs });
  }
  if (event.defaults && Object.keys(event.defaults).length > 0) draft.updateFields(event.defaults);
  return ctx;
}

/** Entry of a node state: counts the step, traces, and runs the node's `enter`. */
export function enterNode(
  env: HandlerEnv,
  context: ConversationContext,
  nodeId: string,
): ConversationContext {
  const draft = new Draft(context);
  const ctx = draft.ctx;
  ctx.exit = null;
  ctx.scratch.entered += 1;
  if (ctx.scratch.entered > env.maxSteps) {
    failFlow(
      draft,
      nodeId,
      'FLOW_STEP_LIMIT',
      `the flow entered ${env.maxSteps} nodes for one event: stopped as a loop`,
    );
    return ctx;
  }
  ctx.scratch.trace.push({ nodeId, kind: 'enter', at: ctx.now });
  const node = env.compiled.nodes.get(nodeId);
  if (!node) return ctx;
  return runNode(env, draft, node, null, channelScope(env, ctx));
}

/** An event while the flow is in `nodeId` (or has ended: `null`). */
export function handleEvent(
  env: HandlerEnv,
  context: ConversationContext,
  event: MachineEvent,
  nodeId: string | null,
): ConversationContext {
  const draft = new Draft(context);
  const ctx = draft.ctx;
  ctx.now = event.now;
  const scope = channelScope(env, ctx);
  const { nodeEvent } = applyEvent(draft, event, nodeId, scope.channel, scope.policies);
  if (ctx.scratch.rejection !== null || nodeEvent === null || nodeId === null) return ctx;
  if (ctx.flow !== 'running') return ctx;
  const node = env.compiled.nodes.get(nodeId);
  if (!node?.runtime.onEvent) return ctx;
  return runNode(env, draft, node, nodeEvent, scope);
}

type ChannelScope = {
  channel: ReturnType<HandlerEnv['compiled']['channel']>;
  policies: ReturnType<typeof resolvePolicies>;
};

/** The conversation's channel and the policies in force, resolved once per step phase. */
function channelScope(env: HandlerEnv, ctx: ConversationContext): ChannelScope {
  const channel = env.compiled.channel(ctx.info.channel);
  return { channel, policies: resolvePolicies(channel, ctx.info.policyOverrides) };
}

/** Entry of `$ended`: the flow ran out of edges (or failed); agents carry on. */
export function endFlow(context: ConversationContext): ConversationContext {
  if (context.flow !== 'running') return context;
  const draft = new Draft(context);
  draft.ctx.flow = 'ended';
  draft.emit({ kind: 'flow.stopped', reason: 'ended' });
  return draft.ctx;
}

/**
 * Runs a node's `enter` (event `null`) or `onEvent` on a trial copy: if the node throws, nothing it
 * did is kept, and the flow follows the node's `error` edge or stops as failed.
 */
function runNode(
  env: HandlerEnv,
  draft: Draft,
  node: CompiledNode,
  event: NodeEvent | null,
  scope: ChannelScope,
): ConversationContext {
  const mark = draft.checkpoint();
  const trial = new Draft(draft.ctx);
  const nodeContext: NodeContext<unknown> = new BoundNodeContext({
    draft: trial,
    nodeId: node.id,
    settings: node.settings,
    channel: scope.channel,
    policies: scope.policies,
  });
  let port: string | undefined;
  try {
    port =
      event === null ? node.runtime.enter(nodeContext) : node.runtime.onEvent?.(nodeContext, event);
    if (port !== undefined && !node.ports.has(port)) {
      throw new Error(`node returned port "${port}", which it does not have`);
    }
  } catch (error) {
    draft.rollback(mark);
    return nodeFailed(draft, node, error);
  }
  if (trial.ctx.flow !== 'running') return trial.ctx;
  if (port !== undefined) leaveNode(trial, node, port);
  return trial.ctx;
}

function leaveNode(draft: Draft, node: CompiledNode, port: string): void {
  draft.cancelTimers(node.id);
  draft.clearNodeState(node.id);
  draft.ctx.scratch.trace.push({ nodeId: node.id, kind: 'exit', port, at: draft.ctx.now });
  draft.ctx.exit = { nodeId: node.id, port };
}

function nodeFailed(draft: Draft, node: CompiledNode, error: unknown): ConversationContext {
  const message = error instanceof Error ? error.message : String(error);
  if (node.edges.has('error')) {
    draft.emit({
      kind: 'alert',
      level: 'warning',
      text: `${node.type} "${node.id}" failed: ${message}`,
      nodeId: node.id,
      code: 'FLOW_NODE_FAILED',
    });
    leaveNode(draft, node, 'error');
    return draft.ctx;
  }
  failFlow(draft, node.id, 'FLOW_NODE_FAILED', `${node.type} "${node.id}" failed: ${message}`);
  return draft.ctx;
}

function failFlow(draft: Draft, nodeId: string, code: string, text: string): void {
  draft.cancelTimers();
  draft.ctx.flow = 'failed';
  draft.emit({ kind: 'flow.stopped', reason: 'failed', code, nodeId });
  draft.emit({ kind: 'alert', level: 'error', text, nodeId, code });
}
