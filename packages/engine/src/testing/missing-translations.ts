import type { ChannelDefinition } from '../plugin/define-channel.js';
import type { NodeDefinition } from '../plugin/define-node.js';
import { settingsFieldsOf, type SettingsField } from '../plugin/settings-fields.js';
import type { FieldTranslations } from '../plugin/translations.js';
import { settingsJsonSchema } from '../plugin/ui.js';
import type { z } from 'zod';

/** What {@link missingTranslations} checks beyond what the definition declares. */
export interface MissingTranslationsOptions {
  /** Ports to expect labels for, when the node computes its ports from its settings. */
  ports?: readonly string[];
}

/**
 * What a node type's or channel's translation into `locale` leaves in English: every text the
 * definition has (label, description, ports, fields' label / help / placeholder, option labels,
 * union variants, groups, actions), written as the key the translation lacks. Empty when complete.
 *
 * @example
 * expect(missingTranslations(autoMessage, 'pt-BR')).toEqual([]);
 */
export function missingTranslations(
  definition: NodeDefinition | ChannelDefinition,
  locale: string,
  options: MissingTranslationsOptions = {},
): string[] {
  if (!Object.hasOwn(definition.i18n ?? {}, locale)) return [`i18n["${locale}"]`];
  if ('kind' in definition) {
    const translation = definition.i18n?.[locale];
    const ports = options.ports ?? (typeof definition.ports === 'function' ? [] : definition.ports);
    return [
      ...(translation?.description === undefined && definition.description ? ['description'] : []),
      ...ports.flatMap((port) => (translation?.ports?.[port] ? [] : [`ports["${port}"]`])),
      ...missingFields(definition.settings, translation?.fields, translation?.groups, 'fields'),
    ];
  }
  const translation = definition.i18n?.[locale];
  return [
    ...(translation?.description === undefined && definition.description ? ['description'] : []),
    ...missingFields(definition.settings, translation?.fields, translation?.groups, 'fields'),
    ...Object.entries(definition.actions).flatMap(([name, action]) => {
      const text = translation?.actions?.[name];
      const at = `actions["${name}"]`;
      return [
        ...(text ? [] : [`${at}.label`]),
        ...missingFields(action.payload, text?.fields, {}, `${at}.fields`),
      ];
    }),
  ];
}

function missingFields(
  schema: z.ZodType,
  fields: FieldTranslations = {},
  groups: Record<string, string> = {},
  at: string,
): string[] {
  const all = settingsFieldsOf(settingsJsonSchema(schema));
  const missing = all.flatMap((field) => missingOfField(field, fields[field.path] ?? {}, at));
  const used = [...new Set(all.flatMap((field) => field.group ?? []))];
  return [...missing, ...used.filter((group) => !groups[group]).map((g) => `groups["${g}"]`)];
}

function missingOfField(
  field: SettingsField,
  translation: NonNullable<FieldTranslations[string]>,
  at: string,
): string[] {
  const where = `${at}["${field.path}"]`;
  const texts = (['label', 'help', 'placeholder'] as const).filter(
    (text) => field[text] !== undefined && translation[text] === undefined,
  );
  // Values are shown to people when the field is labelled (a select) or tells variants apart.
  const isShown = field.isDiscriminator || field.label !== undefined || field.options !== undefined;
  const values = isShown ? field.values.filter((value) => !translation.options?.[value]) : [];
  return [
    ...texts.map((text) => `${where}.${text}`),
    ...values.map((value) => `${where}.options["${value}"]`),
  ];
}
