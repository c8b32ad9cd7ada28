import type { Json } from '../json.js';
import type { ChannelDefinition } from '../plugin/define-channel.js';
import type { ChannelPolicies } from '../plugin/channel-policies.js';
import type {
  ConversationChanges,
  ConversationView,
  NodeContext,
  Outcome,
  OutboundDraft,
} from '../plugin/node-context.js';
import type { ConversationContext } from './conversation-context.js';
import type { Draft } from './draft.js';
import {
  channelAction,
  closeConversation,
  requestEvaluation,
  sendMessage,
  type Actor,
} from './operations.js';
import { mayHavePlaceholders, renderTemplate } from './render-template.js';
import { templateScope } from './template-scope.js';

/** What a node context needs besides the draft. */
export interface NodeContextDeps {
  draft: Draft;
  nodeId: string;
  settings: unknown;
  channel: ChannelDefinition | undefined;
  policies: ChannelPolicies;
}

/**
 * The {@link NodeContext} a node runtime sees, bound to one draft: every call goes through the
 * channel rules. A class, so that the per-step cost is one small object.
 */
export class BoundNodeContext<S> implements NodeContext<S> {
  readonly nodeId: string;
  readonly settings: S;
  readonly channel: { readonly type: string; readonly policies: ChannelPolicies };
  private readonly draft: Draft;
  private readonly definition: ChannelDefinition | undefined;
  private readonly actor: Actor;

  constructor(deps: NodeContextDeps) {
    this.draft = deps.draft;
    this.nodeId = deps.nodeId;
    this.settings = deps.settings as S;
    this.definition = deps.channel;
    this.channel = { type: deps.draft.ctx.info.channel, policies: deps.policies };
    this.actor = { author: 'bot', nodeId: deps.nodeId };
  }

  private get ctx(): ConversationContext {
    return this.draft.ctx;
  }
  get now(): number {
    return this.ctx.now;
  }
  get conversation(): ConversationView {
    return conversationView(this.ctx);
  }
  get variables(): Readonly<Record<string, Json>> {
    return this.ctx.variables;
  }
  get state(): Readonly<Record<string, Json>> {
    return this.ctx.nodeState[this.nodeId] ?? {};
  }
  setState(patch: Record<string, Json>): void {
    this.draft.setNodeState(this.nodeId, patch);
  }
  render(template: string): string {
    // Most automatic messages have no placeholder: their scope (two copies of the context's
    // variables and fields) would be built for nothing.
    if (!mayHavePlaceholders(template)) return template;
    return renderTemplate(template, templateScope(this.ctx));
  }
  send(message: OutboundDraft): Outcome {
    const request = {
      author: 'bot' as const,
      text: message.text,
      visibility: message.visibility,
      attachments: message.attachments ?? [],
    };
    const outcome = sendMessage(this.draft, this.channel.policies, request, this.actor);
    if (!outcome.ok) {
      this.draft.emit({
        kind: 'message.blocked',
        nodeId: this.nodeId,
        text: message.text,
        code: outcome.code,
        reason: outcome.reason,
      });
    }
    return outcome;
  }
  update(changes: ConversationChanges): void {
    this.draft.updateFields(changes);
  }
  setVariable(name: string, value: Json): void {
    this.draft.setVariable(name, value);
  }
  handoff(queue: string | null): void {
    this.draft.updateFields({ queue, ...(queue === null ? {} : { sector: queue }) });
  }
  close(solution?: string | null): Outcome {
    return closeConversation(this.draft, this.channel.policies, solution);
  }
  requestEvaluation(): Outcome {
    return requestEvaluation(this.draft, this.channel.policies, this.actor);
  }
  channelAction(action: string, payload: Record<string, Json>): Outcome {
    return channelAction(
      this.draft,
      this.definition,
      this.channel.policies,
      action,
      payload,
      this.actor,
    );
  }
  startTimer(name: string, delayMs: number): void {
    this.draft.armTimer(this.nodeId, name, delayMs);
  }
  cancelTimer(name: string): void {
    this.draft.cancelTimer(this.nodeId, name);
  }
  hasTimer(name: string): boolean {
    return this.draft.timerIdOf(this.nodeId, name) !== undefined;
  }
  alert(text: string, level: 'info' | 'warning' | 'error' = 'info'): void {
    this.draft.emit({ kind: 'alert', level, text, nodeId: this.nodeId });
  }
}

/** The read-only conversation a node sees. */
export function conversationView(c: ConversationContext): ConversationView {
  return {
    ...c.fields,
    channel: c.info.channel,
    externalId: c.info.externalId,
    subject: c.info.subject,
    customer: c.info.customer,
    metadata: c.info.metadata,
    startedAt: c.info.startedAt,
    lastCustomerMessage: c.exchange.lastCustomerMessage,
    awaiting: c.exchange.awaiting,
    publicAnswers: c.exchange.publicAnswers,
    companyMessages: c.exchange.companyMessages,
    evaluationRequested: c.exchange.evaluationRequested,
    evaluation: c.exchange.evaluation,
  };
}
