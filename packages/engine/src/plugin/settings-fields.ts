import type { FieldTranslations } from './translations.js';

type JsonObject = Record<string, unknown>;
/** How a schema node was reached: as an object's property, a branch of a union, a list's items. */
type Role = 'root' | 'property' | 'branch' | 'items';

/** One field of a settings form, by dotted path, as its JSON Schema (with `ui()` metadata) shows it. */
export interface SettingsField {
  /** Dotted path from the top of the settings: list items and union variants add no segment. */
  path: string;
  label?: string;
  help?: string;
  placeholder?: string;
  group?: string;
  /** English labels of values, when the field's `ui()` gives them. */
  options?: Record<string, string>;
  /** The fixed values the field takes (an enum, a list of an enum, a union's discriminator). */
  values: string[];
  /** Whether {@link values} name the variants of a union (`kind` of a rule). */
  isDiscriminator: boolean;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPrimitive = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/**
 * Rebuilds a JSON Schema tree, letting `visit` replace each node (shallowly) before its children
 * are visited with their dotted field paths. `$defs` are kept as they are: a shared definition has
 * no single path.
 */
function mapSchema(
  node: JsonObject,
  visit: (node: JsonObject, path: readonly string[], role: Role) => JsonObject,
  path: readonly string[] = [],
  role: Role = 'root',
): JsonObject {
  const self = visit(node, path, role);
  const out: JsonObject = { ...self };
  if (isObject(self['properties'])) {
    out['properties'] = Object.fromEntries(
      Object.entries(self['properties']).map(([key, child]) => [
        key,
        isObject(child) ? mapSchema(child, visit, [...path, key], 'property') : child,
      ]),
    );
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    const child = self[key];
    if (isObject(child)) out[key] = mapSchema(child, visit, path, 'items');
  }
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    const branches = self[key];
    if (Array.isArray(branches)) {
      out[key] = branches.map((branch: unknown) =>
        isObject(branch) ? mapSchema(branch, visit, path, 'branch') : branch,
      );
    }
  }
  return out;
}

/**
 * The fields of a settings JSON Schema (from `settingsJsonSchema`), in declaration order, with
 * their English texts and fixed values: what a translation may name and must cover.
 *
 * @example
 * settingsFieldsOf(settingsJsonSchema(autoMessage.settings)).map((field) => field.path);
 * // ['text', 'visibility', 'attachments', 'attachments.name', 'attachments.url']
 */
export function settingsFieldsOf(jsonSchema: JsonObject): SettingsField[] {
  const fields = new Map<string, SettingsField & { consts: Set<string> }>();
  mapSchema(jsonSchema, (node, path, role) => {
    if (role === 'root') return node;
    const key = path.join('.');
    let field = fields.get(key);
    if (!field) {
      field = { path: key, values: [], isDiscriminator: false, consts: new Set() };
      fields.set(key, field);
    }
    // A `ui()` inside a nullable or a union sits on the branch: it still labels the field.
    if (role === 'property' || role === 'branch') {
      field.label ??= textOf(node['label']);
      field.help ??= textOf(node['help']);
      field.placeholder ??= textOf(node['placeholder']);
      field.group ??= textOf(node['group']);
      if (isObject(node['options']) && !field.options) {
        field.options = node['options'] as Record<string, string>;
      }
    }
    const values = Array.isArray(node['enum']) ? node['enum'].map(String) : [];
    const constant = node['const'];
    if (role === 'property' && isPrimitive(constant)) {
      field.consts.add(String(constant));
      values.push(String(constant));
    }
    for (const value of values) if (!field.values.includes(value)) field.values.push(value);
    return node;
  });
  return [...fields.values()].map(({ consts, ...field }) => ({
    ...field,
    // A constant met in several variants of a union tells the variants apart.
    isDiscriminator: consts.size > 1,
  }));
}

/**
 * A settings JSON Schema with labels, help, placeholders, option labels and group names replaced
 * by a translation's; what the translation leaves out stays in English. The input is not changed.
 *
 * @example
 * localizeJsonSchema(settingsJsonSchema(close.settings), { message: { label: 'Mensagem de encerramento' } });
 */
export function localizeJsonSchema(
  jsonSchema: JsonObject,
  fields: FieldTranslations = {},
  groups: Readonly<Record<string, string>> = {},
): JsonObject {
  return mapSchema(jsonSchema, (node, path, role) => {
    const isField = role === 'property' || (role === 'branch' && node['label'] !== undefined);
    const translation = isField ? fields[path.join('.')] : undefined;
    const group = textOf(node['group']);
    if (!translation && !(group && groups[group])) return node;
    const out: JsonObject = { ...node };
    if (translation?.label) out['label'] = translation.label;
    if (translation?.help) out['help'] = translation.help;
    if (translation?.placeholder) out['placeholder'] = translation.placeholder;
    if (translation?.options) {
      out['options'] = {
        ...(isObject(node['options']) ? node['options'] : {}),
        ...translation.options,
      };
    }
    if (group && groups[group]) out['group'] = groups[group];
    return out;
  });
}
