import {
  jsonSchema,
  ui,
  type ConversationView,
  type Json,
  type NodeContext,
} from '@attendflow/engine';
import { z } from 'zod';
import { businessHoursSchema, isOpenAt } from './business-hours.js';
import { compareValues, ruleOperators } from './compare-values.js';
import { containsPhrase, normalizeText } from './normalize-text.js';

const operatorField = () => ui(z.enum(ruleOperators), { label: 'Operator', widget: 'select' });
const valueField = () =>
  ui(jsonSchema.optional(), {
    label: 'Value',
    help: 'Text ignores case and accents; "10" equals 10.',
  });

// A value is needed by every operator but `exists`; ordering and `contains` need a plain one.
function checkValue(
  rule: { operator: string; value?: Json | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  if (rule.operator === 'exists') return;
  if (rule.value === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `give a value to compare with (operator "${rule.operator}")`,
    });
  } else if (
    rule.operator !== 'equals' &&
    rule.operator !== 'not-equals' &&
    (rule.value === null || typeof rule.value === 'object')
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `operator "${rule.operator}" needs text, a number or true/false`,
    });
  }
}

const customerPath =
  /^(?:customer\.)?(?:id|name|email|phone|fields(?:\.[\w-]+)+)$|^metadata(?:\.[\w-]+)+$/;
const variablePath = /^[A-Za-z_]\w*(?:\.[\w-]+)*$/;

/** The customer's latest message and/or the subject hold any of the words or phrases. */
export const keywordsRuleSchema = z.object({
  kind: z.literal('keywords'),
  keywords: ui(
    z
      .array(z.string().trim().min(1, 'a keyword cannot be empty'))
      .min(1, 'list at least one keyword'),
    {
      label: 'Keywords',
      widget: 'list',
      help: 'Any of them matches; case, accents and punctuation are ignored.',
    },
  ),
  searchIn: ui(
    z
      .array(z.enum(['message', 'subject']))
      .min(1, 'search the message, the subject or both')
      .default(() => ['message' as const, 'subject' as const]),
    {
      label: 'Look in',
      help: "The customer's latest message and/or the conversation's subject.",
    },
  ),
  wholeWords: ui(z.boolean().default(true), {
    label: 'Whole words only',
    widget: 'switch',
    help: 'Off: "reembols" also matches "reembolso".',
  }),
});

/** The conversation's channel type is one of a list. */
export const channelRuleSchema = z.object({
  kind: z.literal('channel'),
  channels: ui(
    z
      .array(z.string().trim().min(1, 'a channel type cannot be empty'))
      .min(1, 'list at least one channel type'),
    {
      label: 'Channels',
      widget: 'list',
    },
  ),
});

/** A customer field (`name`, `fields.plan`) or channel metadata (`metadata.state`) compared with a value. */
export const customerFieldRuleSchema = z
  .object({
    kind: z.literal('customer-field'),
    field: ui(
      z.string().regex(customerPath, 'use id, name, email, phone, fields.<key> or metadata.<key>'),
      {
        label: 'Field',
        placeholder: 'fields.plan',
      },
    ),
    operator: operatorField(),
    value: valueField(),
  })
  .superRefine(checkValue);

/** A flow variable (or a path inside one: `order.status`) compared with a value. */
export const variableRuleSchema = z
  .object({
    kind: z.literal('variable'),
    name: ui(
      z.string().regex(variablePath, 'use a variable name, optionally with a path: order.status'),
      { label: 'Variable' },
    ),
    operator: operatorField(),
    value: valueField(),
  })
  .superRefine(checkValue);

/** The current time is inside (or outside) a schedule's hours. */
export const businessHoursRuleSchema = z.object({
  kind: z.literal('business-hours'),
  is: ui(z.enum(['open', 'closed']).default('open'), { label: 'Matches when', widget: 'select' }),
  schedule: ui(businessHoursSchema.prefault({}), { label: 'Schedule', widget: 'schedule' }),
});

/** One rule over the conversation, discriminated by `kind`. */
export const ruleSchema = z.discriminatedUnion('kind', [
  keywordsRuleSchema,
  channelRuleSchema,
  customerFieldRuleSchema,
  variableRuleSchema,
  businessHoursRuleSchema,
]);

/** {@link ruleSchema}'s parsed type. */
export type Rule = z.infer<typeof ruleSchema>;

/** Rules joined by `all` (and) or `any` (or). */
export const ruleGroupSchema = z.object({
  match: ui(z.enum(['all', 'any']).default('all'), {
    label: 'Match',
    widget: 'select',
    help: 'All rules, or any one of them.',
  }),
  rules: ui(z.array(ruleSchema).min(1, 'add at least one rule'), {
    label: 'Rules',
    widget: 'rules',
  }),
});

/** {@link ruleGroupSchema}'s parsed type. */
export type RuleGroup = z.infer<typeof ruleGroupSchema>;

/** What rules read: the conversation, the flow variables and the time. */
export interface RuleView {
  readonly conversation: ConversationView;
  readonly variables: Readonly<Record<string, Json>>;
  readonly now: number;
}

/** The {@link RuleView} of a node's context (read once: the conversation is a fresh copy per read). */
export function ruleViewOf(
  ctx: Pick<NodeContext<unknown>, 'conversation' | 'variables' | 'now'>,
): RuleView {
  return { conversation: ctx.conversation, variables: ctx.variables, now: ctx.now };
}

/**
 * Whether one rule holds for a conversation.
 *
 * @example
 * matchesRule({ kind: 'keywords', keywords: ['reembolso'], searchIn: ['message'], wholeWords: true }, ruleViewOf(ctx));
 */
export function matchesRule(rule: Rule, view: RuleView): boolean {
  const { conversation } = view;
  switch (rule.kind) {
    case 'keywords': {
      const texts = rule.searchIn.map(
        (where) =>
          (where === 'message' ? conversation.lastCustomerMessage?.text : conversation.subject) ??
          '',
      );
      const holds = rule.wholeWords
        ? (text: string, keyword: string) => containsPhrase(text, keyword)
        : (text: string, keyword: string) => normalizeText(text).includes(normalizeText(keyword));
      return rule.keywords.some((keyword) => texts.some((text) => holds(text, keyword)));
    }
    case 'channel':
      return rule.channels.includes(conversation.channel);
    case 'customer-field':
      return compareValues(customerValue(conversation, rule.field), rule.operator, rule.value);
    case 'variable': {
      const [name = '', ...path] = rule.name.split('.');
      return compareValues(lookup(view.variables[name], path), rule.operator, rule.value);
    }
    case 'business-hours':
      return isOpenAt(rule.schedule, view.now) === (rule.is === 'open');
  }
}

/** Whether a rule group holds: every rule for `all`, at least one for `any`. */
export function matchesRules(group: RuleGroup, view: RuleView): boolean {
  const holds = (rule: Rule) => matchesRule(rule, view);
  return group.match === 'all' ? group.rules.every(holds) : group.rules.some(holds);
}

function customerValue(conversation: ConversationView, field: string): Json | undefined {
  const [head = '', ...rest] = field.replace(/^customer\./, '').split('.');
  if (head === 'metadata') return lookup(conversation.metadata, rest);
  return lookup(conversation.customer, [head, ...rest]);
}

function lookup(value: Json | undefined, path: readonly string[]): Json | undefined {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}
