import type { z } from 'zod';
import { EngineError } from '../errors.js';
import type { AttendanceDefaults } from '../conversation/events.js';
import type { NodeDefinition } from './define-node.js';
import { checkChannelTranslations } from './check-translations.js';
import type { ChannelTranslations } from './translations.js';
import {
  channelPoliciesSchema,
  type ChannelPolicies,
  type ChannelPoliciesInput,
} from './channel-policies.js';

/** A channel action the channel accepts (from nodes or agents) with its payload schema. */
export interface ChannelActionDefinition {
  label: string;
  payload: z.ZodType<Record<string, unknown>>;
  /** Who may ask for it. */
  by: 'agent' | 'bot' | 'any';
  /**
   * The payload field holding a message to the customer that goes out first, under the channel's
   * message rules, as its own message (Wish reply-and-resolve); the action keeps the other fields.
   */
  message?: string;
  /** The attendance closes once the action is queued (Wish close, reply-and-resolve). */
  closes?: boolean;
}

/** What a plugin author declares for a channel. */
export interface ChannelDefinitionInput<S extends z.ZodType = z.ZodType> {
  /** Stable id, kebab-case (`reclame-aqui`). */
  type: string;
  label: string;
  icon: string;
  description?: string;
  /** Connection settings; mark credentials with `secret()`. */
  settings: S;
  policies: ChannelPoliciesInput;
  /** Channel actions beyond messages (`moderation.request` …). `evaluation.request` is built in. */
  actions?: Record<string, ChannelActionDefinition>;
  /** Node types only this channel offers. */
  nodes?: NodeDefinition[];
  /**
   * Policy values a connection's settings change (e.g. the spacing it configured). The host passes
   * them as the start event's `policies`; the engine validates them against the policy schema.
   */
  policiesFrom?: (settings: z.infer<S>) => Partial<ChannelPoliciesInput>;
  /**
   * Where a connection's new attendances start (sector, occurrence type …, assignee as a user's
   * e-mail or id). The host passes them as the start event's `defaults`.
   */
  defaultsFrom?: (settings: z.infer<S>) => AttendanceDefaults;
  /**
   * Translations by locale: label, description, settings fields by dotted path, groups and
   * actions. English, above, is the fallback of whatever a translation leaves out.
   */
  i18n?: ChannelTranslations;
}

/** A channel definition as the engine uses it (policies parsed). */
export interface ChannelDefinition<S extends z.ZodType = z.ZodType> extends Omit<
  ChannelDefinitionInput<S>,
  'policies' | 'nodes' | 'actions'
> {
  readonly policies: ChannelPolicies;
  readonly actions: Record<string, ChannelActionDefinition>;
  readonly nodes: NodeDefinition[];
}

/**
 * Declares a channel: settings (secrets marked), policies as data, channel actions and nodes.
 *
 * @example
 * export const webChat = defineChannel({
 *   type: 'web-chat', label: 'Web chat', icon: 'chat',
 *   settings: z.object({ title: z.string() }),
 *   policies: { visibilities: ['public'], evaluation: { requires: 'none' } },
 *   i18n: { 'pt-BR': { label: 'Chat do site', fields: { title: { label: 'Título' } } } },
 * });
 */
export function defineChannel<S extends z.ZodType>(
  input: ChannelDefinitionInput<S>,
): ChannelDefinition<S> {
  if (!/^[a-z][a-z0-9-]*$/.test(input.type)) {
    throw new EngineError(
      'PLUGIN_INVALID_DEFINITION',
      `channel type "${input.type}" must be kebab-case`,
    );
  }
  const parsed = channelPoliciesSchema.safeParse(input.policies);
  if (!parsed.success) {
    throw new EngineError(
      'PLUGIN_INVALID_DEFINITION',
      `channel "${input.type}" has invalid policies: ${parsed.error.message}`,
      { cause: parsed.error },
    );
  }
  checkChannelTranslations(input);
  return {
    ...input,
    policies: parsed.data,
    actions: input.actions ?? {},
    nodes: input.nodes ?? [],
  };
}
