import type { ChannelPolicies } from '../plugin/channel-policies.js';
import type { ConversationContext } from './conversation-context.js';
import type { Author } from './effects.js';
import type { Attachment, Visibility } from './events.js';

/** Codes of the channel rules, as they reach agents (HTTP 409 bodies) and flow authors. */
export const channelRuleCodes = {
  closed: 'CHANNEL_CLOSED',
  receptiveOnly: 'CHANNEL_RECEPTIVE_ONLY',
  automaticVisibility: 'CHANNEL_AUTOMATIC_VISIBILITY',
  visibilityUnsupported: 'CHANNEL_VISIBILITY_UNSUPPORTED',
  publicAnswerByAgent: 'CHANNEL_PUBLIC_ANSWER_BY_AGENT',
  publicAnswerLimit: 'CHANNEL_PUBLIC_ANSWER_LIMIT',
  notAwaitingCompany: 'CHANNEL_NOT_AWAITING_COMPANY',
  bodyTooLong: 'CHANNEL_BODY_TOO_LONG',
  attachmentsUnsupported: 'CHANNEL_ATTACHMENTS_UNSUPPORTED',
  evaluationUnsupported: 'CHANNEL_EVALUATION_UNSUPPORTED',
  evaluationBeforeAnswer: 'CHANNEL_EVALUATION_BEFORE_ANSWER',
  evaluationAlreadyRequested: 'CHANNEL_EVALUATION_ALREADY_REQUESTED',
  actionUnsupported: 'CHANNEL_ACTION_UNSUPPORTED',
  actionNotAllowed: 'CHANNEL_ACTION_NOT_ALLOWED',
  actionInvalid: 'CHANNEL_ACTION_INVALID',
} as const;

/** A refusal by a channel rule. */
export interface RuleRefusal {
  ok: false;
  code: string;
  reason: string;
  /** The values `reason` states (a length, a limit), for a host to word it in its own language. */
  params?: Record<string, string | number>;
}

/** A message the rules let through, with what they changed. */
export interface CheckedMessage {
  ok: true;
  visibility: Visibility;
  notBefore: number;
  adjustedBy: string[];
}

/** A message as an author asks for it. */
export interface MessageRequest {
  author: Author;
  text: string;
  visibility?: Visibility | undefined;
  attachments: Attachment[];
}

function refuse(code: string, reason: string, params?: RuleRefusal['params']): RuleRefusal {
  return params ? { ok: false, code, reason, params } : { ok: false, code, reason };
}

/** Refusal when nothing may be written any more. */
export function checkOpen(
  ctx: Pick<ConversationContext, 'fields'>,
  policies: ChannelPolicies,
): RuleRefusal | null {
  if (ctx.fields.status !== 'closed') return null;
  return policies.receptiveOnly
    ? refuse(
        channelRuleCodes.receptiveOnly,
        'the attendance is closed and this channel is receptive only: nothing can be sent',
      )
    : refuse(channelRuleCodes.closed, 'the attendance is closed');
}

/**
 * Applies the channel's message rules: decides the visibility, refuses what is forbidden, and
 * computes the earliest delivery time from the spacing rule. Pure: the caller applies the result.
 */
export function checkMessage(
  ctx: ConversationContext,
  policies: ChannelPolicies,
  request: MessageRequest,
): CheckedMessage | RuleRefusal {
  const closed = checkOpen(ctx, policies);
  if (closed) return closed;
  if (policies.maxBodyLength !== undefined && request.text.length > policies.maxBodyLength) {
    return refuse(
      channelRuleCodes.bodyTooLong,
      `the message has ${request.text.length} characters; this channel takes at most ${policies.maxBodyLength}`,
      { length: request.text.length, max: policies.maxBodyLength },
    );
  }
  if (request.attachments.length > 0 && !policies.attachments) {
    return refuse(
      channelRuleCodes.attachmentsUnsupported,
      'this channel does not take attachments',
    );
  }
  if (policies.replyOnlyWhenAwaitingCompany && ctx.exchange.awaiting !== 'company') {
    return refuse(
      channelRuleCodes.notAwaitingCompany,
      'this channel takes a reply only while the conversation awaits the company',
    );
  }
  const adjustedBy: string[] = [];
  let visibility = request.visibility ?? defaultVisibility(policies, request.author);
  if (
    request.author === 'bot' &&
    policies.automaticVisibility &&
    visibility !== policies.automaticVisibility
  ) {
    visibility = policies.automaticVisibility;
    adjustedBy.push(channelRuleCodes.automaticVisibility);
  }
  if (!policies.visibilities.includes(visibility)) {
    if (request.author === 'agent') {
      return refuse(
        channelRuleCodes.visibilityUnsupported,
        `this channel has no ${visibility} messages`,
      );
    }
    visibility = policies.visibilities[0] ?? 'public';
    adjustedBy.push(channelRuleCodes.visibilityUnsupported);
  }
  if (visibility === 'public' && policies.publicAnswer) {
    if (policies.publicAnswer.author === 'agent' && request.author !== 'agent') {
      if (!policies.visibilities.includes('private')) {
        return refuse(channelRuleCodes.publicAnswerByAgent, 'only an agent may answer publicly');
      }
      visibility = 'private';
      adjustedBy.push(channelRuleCodes.publicAnswerByAgent);
    } else if (
      policies.publicAnswer.max !== undefined &&
      ctx.exchange.publicAnswers >= policies.publicAnswer.max
    ) {
      return refuse(
        channelRuleCodes.publicAnswerLimit,
        `this channel takes at most ${policies.publicAnswer.max} public answer(s) per conversation`,
        { max: policies.publicAnswer.max },
      );
    }
  }
  return { ok: true, visibility, notBefore: nextSlot(ctx, policies), adjustedBy };
}

/** The earliest time the next outbound interaction may go: now, or the spacing after the last. */
export function nextSlot(ctx: ConversationContext, policies: ChannelPolicies): number {
  const last = ctx.exchange.lastOutboundAt;
  const spaced = last === null ? ctx.now : last + policies.minSpacingMs;
  return Math.max(ctx.now, spaced);
}

function defaultVisibility(policies: ChannelPolicies, author: Author): Visibility {
  if (author === 'bot' && policies.automaticVisibility) return policies.automaticVisibility;
  return policies.visibilities.includes('public') ? 'public' : 'private';
}

/** Whether an evaluation may be requested now. */
export function checkEvaluationRequest(
  ctx: ConversationContext,
  policies: ChannelPolicies,
): RuleRefusal | null {
  const closed = checkOpen(ctx, policies);
  if (closed) return closed;
  const rule = policies.evaluation;
  if (!rule)
    return refuse(channelRuleCodes.evaluationUnsupported, 'this channel has no evaluation');
  if (rule.once && ctx.exchange.evaluationRequested) {
    return refuse(
      channelRuleCodes.evaluationAlreadyRequested,
      'an evaluation was already requested',
    );
  }
  if (rule.requires === 'public-answer' && ctx.exchange.publicAnswers === 0) {
    return refuse(
      channelRuleCodes.evaluationBeforeAnswer,
      'an evaluation can be requested only after the public answer',
    );
  }
  if (rule.requires === 'company-message' && ctx.exchange.companyMessages === 0) {
    return refuse(
      channelRuleCodes.evaluationBeforeAnswer,
      'an evaluation can be requested only after the company has answered',
    );
  }
  return null;
}
