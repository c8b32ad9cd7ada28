import type { Json } from '../json.js';
import type { ChannelDefinition } from '../plugin/define-channel.js';
import type { ChannelPolicies } from '../plugin/channel-policies.js';
import type { Outcome } from '../plugin/node-context.js';
import {
  channelRuleCodes,
  checkEvaluationRequest,
  checkMessage,
  checkOpen,
  nextSlot,
  type MessageRequest,
} from './channel-rules.js';
import type { Draft } from './draft.js';
import type { Author } from './effects.js';

/** Who asks for an operation: a node (bot) or an agent. */
export interface Actor {
  author: Author;
  nodeId?: string | undefined;
  agentId?: string | undefined;
}

/** Sends a message through the channel rules; on success emits it and updates the counters. */
export function sendMessage(
  draft: Draft,
  policies: ChannelPolicies,
  request: MessageRequest,
  actor: Actor,
): Outcome {
  const checked = checkMessage(draft.ctx, policies, request);
  if (!checked.ok) return checked;
  const ctx = draft.ctx;
  draft.emit({
    kind: 'message',
    id: draft.nextId('m'),
    text: request.text,
    visibility: checked.visibility,
    author: actor.author,
    ...(actor.agentId === undefined ? {} : { agentId: actor.agentId }),
    attachments: request.attachments,
    notBefore: checked.notBefore,
    ...(actor.nodeId === undefined ? {} : { nodeId: actor.nodeId }),
    adjustedBy: checked.adjustedBy,
  });
  const exchange = draft.writable('exchange');
  exchange.lastOutboundAt = checked.notBefore;
  exchange.companyMessages += 1;
  if (checked.visibility === 'public') exchange.publicAnswers += 1;
  exchange.awaiting = 'customer';
  if (ctx.fields.answerDueAt !== null) draft.updateFields({ answerDueAt: null });
  return { ok: true, visibility: checked.visibility, adjustedBy: checked.adjustedBy };
}

/** Asks the customer for an evaluation through the channel rules. */
export function requestEvaluation(draft: Draft, policies: ChannelPolicies, actor: Actor): Outcome {
  const refusal = checkEvaluationRequest(draft.ctx, policies);
  if (refusal) return refusal;
  draft.writable('exchange').evaluationRequested = true;
  emitAction(draft, policies, 'evaluation.request', {}, actor);
  draft.updateFields({ status: 'awaiting-evaluation' });
  return { ok: true, adjustedBy: [] };
}

/** Closes the attendance: status closed, every timer cancelled, the flow stops. */
export function closeConversation(
  draft: Draft,
  policies: ChannelPolicies,
  solution: string | null | undefined,
): Outcome {
  const refusal = checkOpen(draft.ctx, policies);
  if (refusal) return refusal;
  draft.cancelTimers();
  draft.updateFields({
    status: 'closed',
    queue: null,
    answerDueAt: null,
    ...(solution ? { solution } : {}),
  });
  draft.ctx.flow = 'closed';
  return { ok: true, adjustedBy: [] };
}

/** Requests a channel action the channel declares, checking who may and the payload. */
export function channelAction(
  draft: Draft,
  channel: ChannelDefinition | undefined,
  policies: ChannelPolicies,
  action: string,
  payload: Record<string, Json>,
  actor: Actor,
): Outcome {
  const refusal = checkOpen(draft.ctx, policies);
  if (refusal) return refusal;
  const definition = channel?.actions[action];
  if (!definition) {
    return {
      ok: false,
      code: channelRuleCodes.actionUnsupported,
      reason: `channel "${draft.ctx.info.channel}" has no action "${action}"`,
    };
  }
  if (definition.by !== 'any' && definition.by !== actor.author) {
    return {
      ok: false,
      code: channelRuleCodes.actionNotAllowed,
      reason: `"${action}" can be requested only by ${definition.by === 'agent' ? 'an agent' : 'the flow'}`,
    };
  }
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      code: channelRuleCodes.actionInvalid,
      reason: `${action}: ${first ? `${first.path.join('.') || 'payload'}: ${first.message}` : 'invalid payload'}`,
    };
  }
  let rest = parsed.data as Record<string, Json>;
  if (definition.message !== undefined) {
    const { [definition.message]: text, ...others } = rest;
    if (typeof text !== 'string') {
      return {
        ok: false,
        code: channelRuleCodes.actionInvalid,
        reason: `${action}: ${definition.message}: the message is missing`,
      };
    }
    const sent = sendMessage(
      draft,
      policies,
      { author: actor.author, text, attachments: [] },
      actor,
    );
    if (!sent.ok) return sent;
    rest = others;
  }
  emitAction(draft, policies, action, rest, actor);
  if (definition.closes) closeConversation(draft, policies, null);
  return { ok: true, adjustedBy: [] };
}

/** Queues a channel action behind the messages before it, keeping the channel's spacing. */
function emitAction(
  draft: Draft,
  policies: ChannelPolicies,
  action: string,
  payload: Record<string, Json>,
  actor: Actor,
): void {
  const notBefore = nextSlot(draft.ctx, policies);
  draft.writable('exchange').lastOutboundAt = notBefore;
  draft.emit({
    kind: 'channel.action',
    id: draft.nextId('a'),
    action,
    payload,
    notBefore,
    ...actorFields(actor),
  });
}

function actorFields(actor: Actor) {
  return {
    author: actor.author,
    ...(actor.agentId === undefined ? {} : { agentId: actor.agentId }),
    ...(actor.nodeId === undefined ? {} : { nodeId: actor.nodeId }),
  };
}
