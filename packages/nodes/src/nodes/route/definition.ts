import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { describeRules } from '../../shared/describe-rule.js';
import { ruleGroupSchema } from '../../shared/rules.js';

const text = (label: string, help: string) =>
  ui(z.string().trim().max(200, 'keep it under 200 characters').optional(), {
    label,
    help,
    widget: 'template',
  });

/** Conversation fields a route sets; each may use `{{…}}` placeholders, and empty ones are left alone. */
export const routeValuesSchema = z.object({
  sector: text('Sector', 'The sector (team) that attends the conversation.'),
  occurrenceType: text('Occurrence type', 'E.g. "Complaint", "Question".'),
  occurrence: text('Occurrence', 'E.g. "Late delivery".'),
  solution: text('Solution', 'The solution code recorded when the attendance closes.'),
});

/** {@link routeValuesSchema}'s type. */
export type RouteValues = z.infer<typeof routeValuesSchema>;

const valueKeys = ['sector', 'occurrenceType', 'occurrence', 'solution'] as const;
const hasValue = (values: RouteValues): boolean => valueKeys.some((key) => Boolean(values[key]));
// The engine adds an `error` port to every node, and `otherwise` is the route's own.
const reservedPorts = new Set(['otherwise', 'error']);

const routeRuleSchema = z.object({
  id: ui(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1 to 64 letters, digits, "-" or "_": it names the port'),
    {
      label: 'Port',
      placeholder: 'refund',
      help: 'Names the exit this rule leads to.',
    },
  ),
  label: ui(z.string().trim().max(100).default(''), { label: 'Label' }),
  when: ui(z.object(ruleGroupSchema.shape), { label: 'When', widget: 'rules' }),
  set: ui(routeValuesSchema.prefault({}), { label: 'Set' }),
});

/** Sets sector, occurrence type, occurrence (and solution) by fixed values or by the first matching rule. */
export const route = defineNode({
  type: 'route',
  version: 1,
  label: 'Route',
  description:
    'Sets the sector and occurrence, fixed or by rules over the conversation (first match wins).',
  category: 'routing',
  icon: 'route',
  waits: false,
  settings: z
    .object({
      mode: ui(z.enum(['fixed', 'rules']).default('fixed'), {
        label: 'Route by',
        widget: 'select',
        help: 'Fixed values, or rules tried in order with one exit per rule.',
      }),
      set: ui(routeValuesSchema.prefault({}), { label: 'Values', group: 'fixed' }),
      rules: ui(
        z.array(routeRuleSchema).default(() => []),
        { label: 'Rules', widget: 'rules', group: 'rules' },
      ),
      otherwise: ui(
        z.object({ set: ui(routeValuesSchema.prefault({}), { label: 'Set' }) }).prefault({}),
        {
          label: 'Otherwise',
          help: 'When no rule matches: these values, and the "otherwise" exit.',
          group: 'rules',
        },
      ),
    })
    .superRefine((settings, ctx) => {
      if (settings.mode === 'fixed' && !hasValue(settings.set)) {
        ctx.addIssue({
          code: 'custom',
          path: ['set'],
          message: 'set at least one of sector, occurrence type, occurrence or solution',
        });
      }
      if (settings.mode === 'rules' && settings.rules.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules'],
          message: 'add at least one rule, or route by fixed values',
        });
      }
      const seen = new Set<string>();
      settings.rules.forEach(({ id }, index) => {
        const problem = reservedPorts.has(id)
          ? `"${id}" is a reserved port name`
          : seen.has(id)
            ? `rule id "${id}" is used twice`
            : null;
        if (problem)
          ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: problem });
        seen.add(id);
      });
    }),
  ports: (settings) =>
    settings.mode === 'fixed' ? ['next'] : [...settings.rules.map((rule) => rule.id), 'otherwise'],
  summary: (settings) =>
    settings.mode === 'fixed'
      ? describeValues(settings.set)
      : settings.rules
          .map((rule) => `${rule.label || rule.id}: ${describeRules(rule.when)}`)
          .join(' · '),
});

/** `sector=Vendas occurrence=Atraso`. */
export function describeValues(values: RouteValues): string {
  return (
    valueKeys.flatMap((key) => (values[key] ? [`${key}=${values[key]}`] : [])).join(' ') ||
    'nothing set'
  );
}
