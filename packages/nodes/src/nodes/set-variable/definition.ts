import { defineNode, jsonSchema, ui } from '@attendflow/engine';
import { z } from 'zod';
import { portsPtBr } from '../../shared/pt-br.js';

const nameField = () =>
  ui(
    z
      .string()
      .regex(
        /^[A-Za-z_][A-Za-z0-9_]*$/,
        'use a variable name: a letter or "_" then letters, digits, "_"',
      ),
    {
      label: 'Variable',
      placeholder: 'protocol',
    },
  );

/** One variable to set: to a JSON value, or to a template rendered at run time. */
export const assignmentSchema = z.discriminatedUnion('source', [
  z.object({
    name: nameField(),
    source: z.literal('value'),
    value: ui(jsonSchema.default(null), {
      label: 'Value',
      widget: 'json',
      help: 'Any JSON: text, number, true/false, list, object.',
    }),
  }),
  z.object({
    name: nameField(),
    source: z.literal('template'),
    template: ui(z.string(), {
      label: 'Template',
      widget: 'template',
      help: 'E.g. "{{customer.name}} <{{customer.email}}>"; the result is text.',
    }),
  }),
]);

/** {@link assignmentSchema}'s type. */
export type Assignment = z.infer<typeof assignmentSchema>;

/** Sets flow variables, in order: a template sees the variables set before it. */
export const setVariable = defineNode({
  type: 'set-variable',
  version: 1,
  label: 'Set variable',
  description: 'Sets one or more flow variables to a value or to a rendered template.',
  category: 'logic',
  icon: 'variable',
  waits: false,
  ports: ['next'],
  settings: z
    .object({
      assignments: ui(z.array(assignmentSchema).min(1, 'set at least one variable'), {
        label: 'Variables',
        widget: 'list',
      }),
    })
    .superRefine((settings, ctx) => {
      const seen = new Set<string>();
      settings.assignments.forEach(({ name }, index) => {
        if (seen.has(name))
          ctx.addIssue({
            code: 'custom',
            path: ['assignments', index, 'name'],
            message: `variable "${name}" is set twice`,
          });
        seen.add(name);
      });
    }),
  summary: (settings) =>
    settings.assignments
      .map(
        (assignment) =>
          `${assignment.name} = ${assignment.source === 'value' ? JSON.stringify(assignment.value) : `«${assignment.template}»`}`,
      )
      .join(', '),
  i18n: {
    'pt-BR': {
      label: 'Definir variável',
      description:
        'Define uma ou mais variáveis do fluxo com um valor ou com um modelo preenchido.',
      ports: { next: portsPtBr.next },
      fields: {
        assignments: { label: 'Variáveis' },
        'assignments.name': { label: 'Variável', placeholder: 'protocolo' },
        'assignments.source': { options: { value: 'Valor', template: 'Modelo' } },
        'assignments.value': {
          label: 'Valor',
          help: 'Qualquer JSON: texto, número, true/false, lista, objeto.',
        },
        'assignments.template': {
          label: 'Modelo',
          help: 'Ex.: "{{customer.name}} <{{customer.email}}>"; o resultado é texto.',
        },
      },
    },
  },
});
