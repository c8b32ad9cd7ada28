import type { UiWidget } from '@attendflow/engine';

/** The part of a settings JSON Schema (from `settingsJsonSchema`, UI metadata merged) forms read. */
export interface FieldSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: FieldSchema[];
  oneOf?: FieldSchema[];
  properties?: Record<string, FieldSchema>;
  required?: string[];
  items?: FieldSchema;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, FieldSchema>;
  label?: string;
  help?: string;
  widget?: UiWidget;
  placeholder?: string;
  secret?: boolean;
  readOnly?: boolean;
  options?: Record<string, string>;
}

/** How a field is drawn, decided from its `ui` widget and, failing that, its JSON type. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'template'
  | 'secret'
  | 'number'
  | 'duration'
  | 'switch'
  | 'select'
  | 'multiselect'
  | 'weekly'
  | 'list'
  | 'union'
  | 'object'
  | 'json';

/** Follows a local `$ref` (`#/$defs/x`) against the root schema. */
export function resolveRef(schema: FieldSchema, root: FieldSchema): FieldSchema {
  if (!schema.$ref?.startsWith('#/$defs/')) return schema;
  const target = root.$defs?.[schema.$ref.slice('#/$defs/'.length)];
  return target ? { ...target, ...withoutRef(schema) } : schema;
}

function withoutRef(schema: FieldSchema): FieldSchema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

/** The non-null branch of a nullable field (`anyOf: [X, { type: 'null' }]`), with its metadata. */
export function nullableInner(schema: FieldSchema): FieldSchema | null {
  const branches = schema.anyOf;
  if (!branches || branches.length !== 2) return null;
  const inner = branches.find((branch) => branch.type !== 'null');
  if (!inner || !branches.some((branch) => branch.type === 'null')) return null;
  const { anyOf: _anyOf, default: _default, ...meta } = schema;
  return { ...inner, ...meta };
}

/** The kind of input drawn for a (non-nullable) field. */
export function fieldKindOf(schema: FieldSchema): FieldKind {
  switch (schema.widget) {
    case 'textarea':
    case 'template':
    case 'secret':
    case 'duration':
    case 'switch':
    case 'json':
      return schema.widget;
    case 'select':
      return schema.type === 'array' ? 'multiselect' : 'select';
    // These follow from the JSON type below (a list of rules is a list of unions).
    case 'text':
    case 'number':
    case 'list':
    case 'rules':
    case 'schedule':
    case undefined:
      break;
  }
  if (schema.secret) return 'secret';
  if (schema.enum) return 'select';
  if (schema.oneOf) return 'union';
  if (schema.type === 'string') return 'text';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.type === 'boolean') return 'switch';
  if (schema.type === 'array') {
    if (schema.items?.enum) return 'multiselect';
    if (schema.minItems === 7 && schema.maxItems === 7 && schema.items?.type === 'array') {
      return 'weekly';
    }
    return 'list';
  }
  if (schema.type === 'object' && schema.properties) {
    const keys = Object.keys(schema.properties);
    if (keys.length === 2 && keys.includes('amount') && keys.includes('unit')) return 'duration';
    return 'object';
  }
  return 'json';
}

/** A starting value for a new field or list item: its default, else an empty value of its type. */
export function emptyValueOf(schema: FieldSchema, root: FieldSchema): unknown {
  const resolved = resolveRef(schema, root);
  if (resolved.default !== undefined) return structuredClone(resolved.default);
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum) return resolved.enum[0];
  if (resolved.oneOf?.[0]) return emptyValueOf(resolved.oneOf[0], root);
  if (nullableInner(resolved)) return null;
  switch (fieldKindOf(resolved)) {
    case 'number':
      return 0;
    case 'switch':
      return false;
    case 'list':
    case 'multiselect':
      return [];
    case 'duration':
      return { amount: 10, unit: 'minutes' };
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(resolved.properties ?? {})) {
        value[key] = emptyValueOf(property, root);
      }
      return value;
    }
    case 'weekly':
      return [[], [], [], [], [], [], []];
    case 'json':
      return resolved.type === 'object' ? {} : null;
    case 'text':
    case 'textarea':
    case 'template':
    case 'secret':
    case 'select':
    case 'union':
      return '';
  }
}

/** The constant that tells variants of a union apart (`kind`), and each variant's value of it. */
export function discriminatorOf(variants: readonly FieldSchema[]): {
  key: string;
  values: unknown[];
} | null {
  const first = variants[0]?.properties;
  if (!first) return null;
  const key = Object.keys(first).find((name) =>
    variants.every((variant) => variant.properties?.[name]?.const !== undefined),
  );
  if (!key) return null;
  return { key, values: variants.map((variant) => variant.properties?.[key]?.const) };
}

/** Text of the label of an enum value: the field's `options`, else the value itself. */
export function optionLabel(schema: FieldSchema, value: unknown): string {
  return schema.options?.[String(value)] ?? String(value);
}

/** Text of the label of a union's variant: its discriminator's `options`, else the value itself. */
export function variantLabel(variant: FieldSchema, key: string, value: unknown): string {
  return optionLabel(variant.properties?.[key] ?? {}, value);
}
