import { defineNode, fieldsAt, ui } from '@attendflow/engine';
import { z } from 'zod';
import { describeRules } from '../../shared/describe-rule.js';
import { isPortuguese } from '../../shared/locale.js';
import { portsPtBr, routeValuesPtBr, ruleGroupPtBr } from '../../shared/pt-br.js';
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
  summary: (settings, { locale }) =>
    settings.mode === 'fixed'
      ? describeValues(settings.set, locale)
      : settings.rules
          .map((rule) => `${rule.label || rule.id}: ${describeRules(rule.when, locale)}`)
          .join(' · '),
  i18n: {
    'pt-BR': {
      label: 'Roteamento',
      description:
        'Define o setor e a ocorrência, com valores fixos ou por regras sobre a conversa (vale a primeira que combinar).',
      ports: { next: portsPtBr.next, otherwise: 'senão' },
      fields: {
        mode: {
          label: 'Rotear por',
          help: 'Valores fixos, ou regras testadas em ordem, com uma saída por regra.',
          options: { fixed: 'Valores fixos', rules: 'Regras' },
        },
        set: { label: 'Valores' },
        ...fieldsAt('set', routeValuesPtBr),
        rules: { label: 'Regras' },
        'rules.id': {
          label: 'Saída',
          placeholder: 'reembolso',
          help: 'Dá nome à saída a que esta regra leva.',
        },
        'rules.label': { label: 'Rótulo' },
        'rules.when': { label: 'Quando' },
        ...fieldsAt('rules.when', ruleGroupPtBr),
        'rules.set': { label: 'Definir' },
        ...fieldsAt('rules.set', routeValuesPtBr),
        otherwise: {
          label: 'Senão',
          help: 'Quando nenhuma regra combina: estes valores, e a saída “senão”.',
        },
        'otherwise.set': { label: 'Definir' },
        ...fieldsAt('otherwise.set', routeValuesPtBr),
      },
      groups: { fixed: 'Valores fixos', rules: 'Regras' },
    },
  },
});

const valueNamesPtBr: Record<(typeof valueKeys)[number], string> = {
  sector: 'setor',
  occurrenceType: 'tipo de ocorrência',
  occurrence: 'ocorrência',
  solution: 'solução',
};

/** `sector=Vendas occurrence=Atraso`; `setor=Vendas ocorrência=Atraso` in Portuguese. */
export function describeValues(values: RouteValues, locale = 'en'): string {
  const isPt = isPortuguese(locale);
  const set = valueKeys.flatMap((key) =>
    values[key] ? [`${isPt ? valueNamesPtBr[key] : key}=${values[key]}`] : [],
  );
  return set.join(' ') || (isPt ? 'nada definido' : 'nothing set');
}
