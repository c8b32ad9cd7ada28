import { localizeNode, settingsJsonSchema } from '@attendflow/engine';
import { autoMessage, businessHours, humanHandoff, route } from '@attendflow/nodes/definitions';
import { describe, expect, it } from 'vitest';
import {
  discriminatorOf,
  emptyValueOf,
  fieldKindOf,
  nullableInner,
  optionLabel,
  resolveRef,
  variantLabel,
  type FieldSchema,
} from './field-schema';
import { settingsErrors } from './settings-errors';
import { insertPlaceholder, templateVariables } from './template-variables';
import { getIn, removeIn, setIn } from './value-path';

const schemaOf = (d: { settings: Parameters<typeof settingsJsonSchema>[0] }) =>
  settingsJsonSchema(d.settings) as FieldSchema;

describe('field kinds from the settings JSON Schema', () => {
  it('maps ui widgets and JSON types to inputs', () => {
    const am = schemaOf(autoMessage).properties ?? {};
    expect(fieldKindOf(am.text ?? {})).toBe('template');
    expect(fieldKindOf(am.visibility ?? {})).toBe('select');
    expect(fieldKindOf(am.attachments ?? {})).toBe('list');
    const hh = schemaOf(humanHandoff).properties ?? {};
    const timeout = nullableInner(hh.timeout ?? {});
    expect(timeout && fieldKindOf(timeout)).toBe('duration');
    expect(timeout?.label).toBe('Timeout');
    expect(fieldKindOf(hh.requirePublicAnswer ?? {})).toBe('switch');
    const schedule = schemaOf(businessHours).properties?.schedule?.properties ?? {};
    expect(fieldKindOf(schedule.weekly ?? {})).toBe('weekly');
  });

  it('reads unions of rules by their discriminator', () => {
    const root = schemaOf(route);
    const ruleList = root.properties?.rules?.items?.properties?.when?.properties?.rules;
    const variants = ruleList?.items?.oneOf ?? [];
    expect(fieldKindOf(ruleList?.items ?? {})).toBe('union');
    expect(discriminatorOf(variants)?.key).toBe('kind');
    expect(discriminatorOf(variants)?.values).toContain('keywords');
    expect(emptyValueOf(ruleList?.items ?? {}, root)).toMatchObject({ kind: 'keywords' });
    expect(
      resolveRef({ $ref: '#/$defs/a', label: 'L' }, { $defs: { a: { type: 'string' } } }),
    ).toEqual({
      type: 'string',
      label: 'L',
    });
  });
});

describe('field texts in the UI language', () => {
  const ptBr = (d: Parameters<typeof localizeNode>[0]) =>
    localizeNode(d, 'pt-BR').settingsSchema() as FieldSchema;

  it('labels fields, help and select options in pt-BR, kinds and widgets unchanged', () => {
    const am = ptBr(autoMessage).properties ?? {};
    expect(am.text).toMatchObject({ label: 'Mensagem', widget: 'template' });
    expect(am.text?.help).toContain('variável do fluxo');
    expect(fieldKindOf(am.visibility ?? {})).toBe('select');
    expect(optionLabel(am.visibility ?? {}, 'private')).toBe('Privada');
    const timeout = nullableInner(ptBr(humanHandoff).properties?.timeout ?? {});
    expect(timeout && fieldKindOf(timeout)).toBe('duration');
    expect(timeout?.label).toBe('Tempo limite');
  });

  it('names the variants of a union and nested fields', () => {
    const ruleList =
      ptBr(route).properties?.rules?.items?.properties?.when?.properties?.rules?.items;
    const variants = ruleList?.oneOf ?? [];
    const kinds = discriminatorOf(variants);
    expect(
      kinds?.values.map((value, i) => variantLabel(variants[i] ?? {}, kinds.key, value)),
    ).toEqual([
      'Palavras-chave',
      'Canal',
      'Campo do cliente',
      'Variável',
      'Horário de atendimento',
    ]);
    expect(variants[0]?.properties?.searchIn?.options).toEqual({
      message: 'Mensagem',
      subject: 'Assunto',
    });
    // English has no labels for the variants: the value itself.
    const english = schemaOf(route).properties?.rules?.items?.properties?.when?.properties?.rules;
    expect(variantLabel(english?.items?.oneOf?.[2] ?? {}, 'kind', 'customer-field')).toBe(
      'customer-field',
    );
  });
});

describe('values', () => {
  it('sets, gets and removes by path without touching the input', () => {
    const value = { rules: [{ id: 'a' }, { id: 'b' }] };
    const next = setIn(value, ['rules', 1, 'id'], 'c');
    expect(getIn(next, ['rules', 1, 'id'])).toBe('c');
    expect(value.rules[1]?.id).toBe('b');
    expect(removeIn(next, ['rules', 0])).toEqual({ rules: [{ id: 'c' }] });
    expect(setIn({}, ['a', 0], 1)).toEqual({ a: [1] });
  });

  it('lists settings errors by field, from the node schema', () => {
    const errors = settingsErrors(autoMessage, { text: '' });
    expect(errors.get('text')).toEqual(['write the message']);
    expect(settingsErrors(autoMessage, { text: 'ok' }).size).toBe(0);
  });

  it('offers variables and inserts placeholders at the cursor', () => {
    const flow = {
      schemaVersion: 1 as const,
      name: 'f',
      nodes: [],
      edges: [],
      notes: [],
      variables: [{ name: 'protocol', default: null }],
    };
    expect(templateVariables(flow).slice(0, 2)).toEqual(['protocol', 'customer.name']);
    expect(insertPlaceholder('Hi !', 'customer.name', 3)).toEqual({
      text: 'Hi {{customer.name}}!',
      cursor: 20,
    });
  });
});
