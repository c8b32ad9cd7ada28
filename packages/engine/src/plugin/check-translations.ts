import type { z } from 'zod';
import { EngineError } from '../errors.js';
import { settingsFieldsOf, type SettingsField } from './settings-fields.js';
import {
  channelTranslationsSchema,
  nodeTranslationsSchema,
  type ChannelTranslations,
  type FieldTranslations,
  type NodeTranslations,
} from './translations.js';
import { settingsJsonSchema } from './ui.js';

/** The parts of a node definition its translations are checked against. */
interface TranslatedNode {
  type: string;
  settings: z.ZodType;
  ports: readonly string[] | ((settings: never) => readonly string[]);
  i18n?: NodeTranslations;
}

/** The parts of a channel definition its translations are checked against. */
interface TranslatedChannel {
  type: string;
  settings: z.ZodType;
  actions?: Record<string, { payload: z.ZodType }>;
  i18n?: ChannelTranslations;
}

/**
 * Checks a node type's `i18n`: its shape, and that every field, option, group and (for a fixed
 * list) port it names exists. Throws `PLUGIN_INVALID_DEFINITION` naming the offending key.
 */
export function checkNodeTranslations(node: TranslatedNode): void {
  if (node.i18n === undefined) return;
  const owner = `node type "${node.type}"`;
  const i18n = parse(nodeTranslationsSchema, node.i18n, owner);
  const fields = fieldsOf(node.settings);
  for (const [locale, translation] of Object.entries(i18n)) {
    const at = `i18n["${locale}"]`;
    checkFields(owner, `${at}.fields`, translation.fields, fields, 'settings field');
    checkGroups(owner, `${at}.groups`, translation.groups, fields);
    if (typeof node.ports !== 'function') {
      const ports = node.ports;
      for (const port of Object.keys(translation.ports ?? {})) {
        if (!ports.includes(port)) {
          fail(owner, `${at}.ports["${port}"]`, `no port "${port}" (ports: ${list(ports)})`);
        }
      }
    }
  }
}

/**
 * Checks a channel's `i18n`: its shape, and that every settings field, option, group, action and
 * action payload field it names exists. Throws `PLUGIN_INVALID_DEFINITION` naming the offending key.
 */
export function checkChannelTranslations(channel: TranslatedChannel): void {
  if (channel.i18n === undefined) return;
  const owner = `channel "${channel.type}"`;
  const i18n = parse(channelTranslationsSchema, channel.i18n, owner);
  const fields = fieldsOf(channel.settings);
  const actions = channel.actions ?? {};
  for (const [locale, translation] of Object.entries(i18n)) {
    const at = `i18n["${locale}"]`;
    checkFields(owner, `${at}.fields`, translation.fields, fields, 'settings field');
    checkGroups(owner, `${at}.groups`, translation.groups, fields);
    for (const [name, action] of Object.entries(translation.actions ?? {})) {
      const definition = actions[name];
      if (!definition) {
        fail(
          owner,
          `${at}.actions["${name}"]`,
          `no action "${name}" (actions: ${list(Object.keys(actions))})`,
        );
      }
      const payload = fieldsOf(definition.payload);
      checkFields(
        owner,
        `${at}.actions["${name}"].fields`,
        action.fields,
        payload,
        'payload field',
      );
    }
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, owner: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    // A bad record key (a locale that is not a language tag) says why in its own issues.
    const why = issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message) : [];
    return `${formatPath(issue.path)}: ${[issue.message, ...why].join(': ')}`;
  });
  throw new EngineError(
    'PLUGIN_INVALID_DEFINITION',
    `${owner} has a malformed translation: ${problems.join('; ')}`,
    { cause: parsed.error },
  );
}

/** `i18n["pt-BR"].fields["set.sector"].label`: keys chosen by the author in brackets. */
function formatPath(path: readonly PropertyKey[]): string {
  const records = new Set(['fields', 'ports', 'groups', 'options', 'actions']);
  return path.reduce<string>((text, key, index) => {
    const previous = path[index - 1];
    const isRecordKey = index === 0 || (typeof previous === 'string' && records.has(previous));
    return isRecordKey ? `${text}["${String(key)}"]` : `${text}.${String(key)}`;
  }, 'i18n');
}

function fieldsOf(schema: z.ZodType): Map<string, SettingsField> {
  return new Map(settingsFieldsOf(settingsJsonSchema(schema)).map((field) => [field.path, field]));
}

function checkFields(
  owner: string,
  at: string,
  translations: FieldTranslations | undefined,
  fields: ReadonlyMap<string, SettingsField>,
  what: string,
): void {
  for (const [path, translation] of Object.entries(translations ?? {})) {
    const field = fields.get(path);
    if (!field) {
      fail(owner, `${at}["${path}"]`, `no ${what} "${path}" (fields: ${list([...fields.keys()])})`);
    }
    for (const value of Object.keys(translation.options ?? {})) {
      if (field.values.length === 0) {
        fail(owner, `${at}["${path}"].options`, 'the field has no fixed values to label');
      }
      if (!field.values.includes(value)) {
        fail(
          owner,
          `${at}["${path}"].options["${value}"]`,
          `"${value}" is not a value of the field (values: ${list(field.values)})`,
        );
      }
    }
  }
}

function checkGroups(
  owner: string,
  at: string,
  groups: Record<string, string> | undefined,
  fields: ReadonlyMap<string, SettingsField>,
): void {
  const used = [...new Set([...fields.values()].flatMap((field) => field.group ?? []))];
  for (const group of Object.keys(groups ?? {})) {
    if (!used.includes(group)) {
      fail(owner, `${at}["${group}"]`, `no field is in group "${group}" (groups: ${list(used)})`);
    }
  }
}

function fail(owner: string, at: string, message: string): never {
  throw new EngineError(
    'PLUGIN_INVALID_DEFINITION',
    `${owner} has a bad translation: ${at}: ${message}`,
  );
}

function list(items: readonly string[]): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, 12).map((item) => `"${item}"`);
  return items.length > 12 ? `${shown.join(', ')}, …` : shown.join(', ');
}
