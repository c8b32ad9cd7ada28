import {
  channelRuleCodes,
  resolvePolicies,
  type ChannelDefinition,
  type ChannelPolicies,
  type Json,
  type Visibility,
} from '@attendflow/engine';
import type { AgentOption, AgentOptions, ConversationDetail } from '../api/conversations-api';

/** Why something is not allowed: one of the engine's rule codes (the catalogs explain each). */
export interface Blocked {
  code: string;
  params?: Record<string, number>;
}

/** What the agent's composer offers on a conversation. */
export interface ComposerState {
  /** Null when a message may be written; else the rule that forbids any. */
  blocked: Blocked | null;
  visibilities: Array<{ visibility: Visibility; blocked: Blocked | null }>;
  /** The visibility to select first: the first one allowed. */
  preferred: Visibility | null;
  hasAttachments: boolean;
  maxBodyLength: number | null;
  /** Null when the channel has no evaluation. */
  evaluation: { blocked: Blocked | null } | null;
}

/** The conversation's policies: its channel's, with the overrides its start event carried. */
export function policiesOf(
  channel: ChannelDefinition | undefined,
  detail: Pick<ConversationDetail, 'events'>,
): ChannelPolicies {
  const started = detail.events.find((e) => e.type === 'conversation.started');
  const overrides = started?.payload['policies'];
  return resolvePolicies(
    channel,
    typeof overrides === 'object' && overrides !== null
      ? (overrides as Record<string, Json>)
      : null,
  );
}

/**
 * What an agent may send now, from the server's options — the engine's verdict on the stored
 * conversation (`GET /conversations/:id/options`), so no channel rule is copied here. The
 * policies only say which visibilities and limits the channel has.
 */
export function composerState(policies: ChannelPolicies, options: AgentOptions): ComposerState {
  const blockedBy = (option: AgentOption): Blocked | null => {
    if (option.allowed) return null;
    const code = option.code ?? 'CHANNEL_RULE_VIOLATION';
    const max = policies.publicAnswer?.max;
    return code === channelRuleCodes.publicAnswerLimit && max !== undefined
      ? { code, params: { max } }
      : { code };
  };
  const visibilities = policies.visibilities.map((visibility) => ({
    visibility,
    blocked: blockedBy(options.reply[visibility]),
  }));
  // Nothing may be written when every visibility is refused for one reason (closed, not awaiting).
  const reasons = new Set(visibilities.map((v) => v.blocked?.code ?? null));
  const [only] = [...reasons];
  const blocked = reasons.size === 1 && only ? (visibilities[0]?.blocked ?? null) : null;
  return {
    blocked: blocked && blocked.code !== channelRuleCodes.publicAnswerLimit ? blocked : null,
    visibilities,
    preferred: visibilities.find((v) => v.blocked === null)?.visibility ?? null,
    hasAttachments: policies.attachments,
    maxBodyLength: policies.maxBodyLength ?? null,
    evaluation: policies.evaluation ? { blocked: blockedBy(options.requestEvaluation) } : null,
  };
}

/** A draft's own problem before it is sent: too long for the channel. */
export function draftBlock(state: ComposerState, text: string): Blocked | null {
  if (state.maxBodyLength !== null && text.length > state.maxBodyLength)
    return {
      code: channelRuleCodes.bodyTooLong,
      params: { length: text.length, max: state.maxBodyLength },
    };
  return null;
}
