import type { z } from 'zod';
import { EngineError } from '../errors.js';
import type { Visibility } from '../conversation/events.js';
import { checkNodeTranslations } from './check-translations.js';
import type { NodeTranslations } from './translations.js';

/** Palette categories of node types. */
export type NodeCategory = 'trigger' | 'messaging' | 'routing' | 'attendance' | 'logic' | 'channel';

/**
 * What a node does, as data, for design-time checks against channel policies: `validateFlow`
 * reads it on every path, so the engine (not each node) knows the channel rules.
 */
export interface NodeTraits {
  /** Automatic messages the node sends. */
  messages?: Array<{ text: string; visibility?: Visibility; hasAttachments?: boolean }>;
  /** `messages` are alternatives: one of them is sent per run (one per language, say), not all. */
  sendsOneOf?: boolean;
  /** Leaving through this port means an agent has answered publicly. */
  publicAnswerPort?: string;
  /** The node asks the customer to evaluate. */
  requestsEvaluation?: boolean;
  /** The node closes the attendance. */
  closes?: boolean;
  /** Channel actions the node requests (`moderation.request` …). */
  channelActions?: string[];
}

/** What a node's summary is written for. */
export interface SummaryContext {
  /** The language of the translation in use (`pt-BR`), or `en`: write the summary in it. */
  locale: string;
}

/** What a plugin author declares for a node type: the browser-safe half of a node. */
export interface NodeDefinitionInput<S extends z.ZodType, P extends string> {
  /** Stable id, kebab-case, never renamed (`auto-message`). */
  type: string;
  /** Settings version; bump it and add `migrate` when settings change shape. */
  version: number;
  /** Name in the palette and on the canvas, in English (translations go in `i18n`). */
  label: string;
  description?: string;
  category: NodeCategory;
  /** Icon key the designer maps to an icon. */
  icon: string;
  /** Settings schema; annotate fields with `ui()` for the generated form. */
  settings: S;
  /** Exit ports: a fixed list, or computed from the settings (one per rule …). */
  ports: readonly P[] | ((settings: z.infer<S>) => readonly P[]);
  /** Whether the node can stop and wait for an event (a cycle needs one such node). */
  waits: boolean;
  /** The flow's entry node type. Exactly one node of an entry type starts every flow. */
  isEntry?: boolean;
  /** One line shown on the canvas, in the context's language (English when it has none). */
  summary?: (settings: z.infer<S>, context: SummaryContext) => string;
  /** Design-time facts for channel-rule checks. */
  traits?: (settings: z.infer<S>) => NodeTraits;
  /** Brings settings of an older `typeVersion` up to `version`. */
  migrate?: (settings: Record<string, unknown>, fromVersion: number) => Record<string, unknown>;
  /** Channel types this node is limited to (channel nodes). */
  channels?: readonly string[];
  /**
   * Translations by locale: label, description, port labels and settings fields by dotted path
   * (`set.sector`). English, above, is the fallback of whatever a translation leaves out.
   */
  i18n?: NodeTranslations;
}

/** A node type definition. */
export interface NodeDefinition<
  S extends z.ZodType = z.ZodType,
  P extends string = string,
> extends NodeDefinitionInput<S, P> {
  readonly kind: 'node-definition';
}

/** Settings type of a node definition. */
export type SettingsOf<D> = D extends NodeDefinition<infer S, string> ? z.infer<S> : never;
/** Port names of a node definition. */
export type PortOf<D> = D extends NodeDefinition<z.ZodType, infer P> ? P : never;

/**
 * Declares a node type. The settings' TypeScript type is inferred from the zod schema.
 *
 * @example
 * export const autoMessage = defineNode({
 *   type: 'auto-message', version: 1, label: 'Auto message', category: 'messaging',
 *   icon: 'message', waits: false, ports: ['next'],
 *   settings: z.object({ text: ui(z.string().min(1), { label: 'Message', widget: 'template' }) }),
 *   summary: (s) => s.text,
 *   i18n: { 'pt-BR': { label: 'Mensagem automática', ports: { next: 'próximo' }, fields: { text: { label: 'Mensagem' } } } },
 * });
 */
export function defineNode<S extends z.ZodType, const P extends string>(
  input: NodeDefinitionInput<S, P>,
): NodeDefinition<S, P> {
  if (!/^[a-z][a-z0-9-]*$/.test(input.type)) {
    throw new EngineError(
      'PLUGIN_INVALID_DEFINITION',
      `node type "${input.type}" must be kebab-case`,
    );
  }
  if (!Number.isInteger(input.version) || input.version < 1) {
    throw new EngineError(
      'PLUGIN_INVALID_DEFINITION',
      `node type "${input.type}" needs an integer version ≥ 1`,
    );
  }
  if (input.version > 1 && !input.migrate) {
    throw new EngineError(
      'PLUGIN_INVALID_DEFINITION',
      `node type "${input.type}" is at version ${input.version} and needs migrate()`,
    );
  }
  checkNodeTranslations(input);
  return { ...input, kind: 'node-definition' };
}

/** The ports of a node for its settings. */
export function portsOf(definition: NodeDefinition, settings: unknown): readonly string[] {
  return typeof definition.ports === 'function' ? definition.ports(settings) : definition.ports;
}
