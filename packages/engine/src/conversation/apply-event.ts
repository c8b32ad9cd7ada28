import type { NodeEvent, Outcome } from '../plugin/node-context.js';
import type { ChannelPolicies } from '../plugin/channel-policies.js';
import type { ChannelDefinition } from '../plugin/define-channel.js';
import { checkOpen } from './channel-rules.js';
import type { Draft } from './draft.js';
import type { ConversationEvent } from './events.js';
import { channelAction, closeConversation, requestEvaluation, sendMessage } from './operations.js';

/** What the built-in handling of an event leaves for the current node. */
export type Applied = { nodeEvent: NodeEvent | null };

/**
 * The engine's own handling of an event, before any node sees it: agent actions go through the
 * channel rules (a refusal is recorded and the whole step is discarded), customer messages and
 * evaluations update the conversation, stale timers are dropped.
 */
export function applyEvent(
  draft: Draft,
  event: ConversationEvent,
  nodeId: string | null,
  channel: ChannelDefinition | undefined,
  policies: ChannelPolicies,
): Applied {
  const ctx = draft.ctx;
  switch (event.type) {
    case 'conversation.started':
      return { nodeEvent: null };
    case 'customer.message': {
      const exchange = draft.writable('exchange');
      const wasAwaitingCustomer = exchange.awaiting === 'customer';
      exchange.lastCustomerMessage = { text: event.text, at: ctx.now };
      exchange.awaiting = 'company';
      if (
        policies.answerDeadlineMs !== undefined &&
        (wasAwaitingCustomer || ctx.fields.answerDueAt === null)
      ) {
        draft.updateFields({ answerDueAt: ctx.now + policies.answerDeadlineMs });
      }
      return { nodeEvent: event };
    }
    case 'agent.took':
      if (reject(draft, closeCheck(draft, policies))) return { nodeEvent: null };
      draft.updateFields({ assignee: event.agentId, status: 'in-attendance', queue: null });
      return { nodeEvent: event };
    case 'agent.transferred':
      // The flow's node does not change: only who may pick the conversation up.
      if (reject(draft, closeCheck(draft, policies))) return { nodeEvent: null };
      draft.updateFields({
        sector: event.sector,
        queue: event.sector,
        assignee: null,
        status: 'waiting',
      });
      return { nodeEvent: null };
    case 'agent.reply': {
      const outcome = sendMessage(
        draft,
        policies,
        {
          author: 'agent',
          text: event.text,
          visibility: event.visibility,
          attachments: event.attachments,
        },
        { author: 'agent', agentId: event.agentId },
      );
      if (reject(draft, outcome)) return { nodeEvent: null };
      if (ctx.fields.assignee === null) {
        draft.updateFields({ assignee: event.agentId, status: 'in-attendance', queue: null });
      }
      return { nodeEvent: event };
    }
    case 'agent.requested-evaluation': {
      const outcome = requestEvaluation(draft, policies, {
        author: 'agent',
        agentId: event.agentId,
      });
      return reject(draft, outcome) ? { nodeEvent: null } : { nodeEvent: event };
    }
    case 'agent.action': {
      const outcome = channelAction(draft, channel, policies, event.action, event.payload, {
        author: 'agent',
        agentId: event.agentId,
      });
      return reject(draft, outcome) ? { nodeEvent: null } : { nodeEvent: event };
    }
    case 'agent.closed': {
      const outcome = closeConversation(draft, policies, event.solution);
      reject(draft, outcome);
      return { nodeEvent: null };
    }
    case 'customer.evaluated': {
      const { type: _type, ...evaluation } = event;
      draft.writable('exchange').evaluation = evaluation;
      if (ctx.fields.status === 'awaiting-evaluation') {
        draft.updateFields({ status: ctx.fields.assignee === null ? 'waiting' : 'in-attendance' });
      }
      return { nodeEvent: event };
    }
    case 'timer.fired': {
      const timer = ctx.timers[event.timerId];
      if (!timer) return { nodeEvent: null };
      draft.dropTimer(event.timerId, false);
      return { nodeEvent: timer.nodeId === nodeId ? { type: 'timer', name: timer.name } : null };
    }
    default:
      return { nodeEvent: event };
  }
}

function closeCheck(draft: Draft, policies: ChannelPolicies): Outcome {
  return checkOpen(draft.ctx, policies) ?? { ok: true, adjustedBy: [] };
}

function reject(draft: Draft, outcome: Outcome): boolean {
  if (outcome.ok) return false;
  draft.ctx.scratch.rejection = {
    code: outcome.code,
    message: outcome.reason,
    ...(outcome.params ? { params: outcome.params } : {}),
  };
  return true;
}
