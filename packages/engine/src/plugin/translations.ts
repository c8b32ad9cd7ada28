import { z } from 'zod';

/** A BCP 47 language tag: `pt-BR`, `es`, `es-419`, `zh-Hant-TW`. */
export const localeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 language tag such as "pt-BR"');

const text = z.string().min(1, 'write the text (or leave the key out to fall back to English)');

/**
 * The translation of one settings field. The field is named by its dotted path from the top of the
 * settings (`text`, `set.sector`, `rules.when.match`); list items and union variants add no segment.
 */
export const fieldTranslationSchema = z.strictObject({
  label: text.optional(),
  help: text.optional(),
  placeholder: text.optional(),
  /** Labels of the field's values (a select, a multi-select, the variants of a union), by value. */
  options: z.record(z.string(), text).optional(),
});

/** Translations of settings fields, by dotted field path. */
export const fieldTranslationsSchema = z.record(z.string().min(1), fieldTranslationSchema);

/** Labels of `ui()` groups (sections of a form), by the group's English name. */
const groupTranslationsSchema = z.record(z.string().min(1), text);

/** What a plugin author translates of a node type into one language. */
export const nodeTranslationSchema = z.strictObject({
  label: text,
  description: text.optional(),
  /** Labels of exit ports, by port name (`answered: 'respondido'`). */
  ports: z.record(z.string().min(1), text).optional(),
  fields: fieldTranslationsSchema.optional(),
  groups: groupTranslationsSchema.optional(),
});

/** What a plugin author translates of a channel into one language. */
export const channelTranslationSchema = z.strictObject({
  label: text,
  description: text.optional(),
  /** Fields of the connection settings, by dotted path. */
  fields: fieldTranslationsSchema.optional(),
  groups: groupTranslationsSchema.optional(),
  /** Channel actions: their label and the fields of their payload. */
  actions: z
    .record(
      z.string().min(1),
      z.strictObject({ label: text, fields: fieldTranslationsSchema.optional() }),
    )
    .optional(),
});

/** A node type's translations, by locale. */
export const nodeTranslationsSchema = z.record(localeSchema, nodeTranslationSchema);
/** A channel's translations, by locale. */
export const channelTranslationsSchema = z.record(localeSchema, channelTranslationSchema);

/** {@link fieldTranslationSchema}'s type. */
export type FieldTranslation = z.infer<typeof fieldTranslationSchema>;
/** {@link fieldTranslationsSchema}'s type. */
export type FieldTranslations = z.infer<typeof fieldTranslationsSchema>;
/** {@link nodeTranslationSchema}'s type. */
export type NodeTranslation = z.infer<typeof nodeTranslationSchema>;
/** {@link channelTranslationSchema}'s type. */
export type ChannelTranslation = z.infer<typeof channelTranslationSchema>;
/** {@link nodeTranslationsSchema}'s type. */
export type NodeTranslations = z.infer<typeof nodeTranslationsSchema>;
/** {@link channelTranslationsSchema}'s type. */
export type ChannelTranslations = z.infer<typeof channelTranslationsSchema>;

/**
 * Puts field translations written for a shared schema under the path where a definition uses it,
 * so a schema reused in several places is translated once.
 *
 * @example
 * fields: { ...fieldsAt('rules.when', ruleGroupFieldsPtBr), mode: { label: 'Rotear por' } }
 */
export function fieldsAt(prefix: string, fields: FieldTranslations): FieldTranslations {
  return Object.fromEntries(
    Object.entries(fields).map(([path, translation]) => [`${prefix}.${path}`, translation]),
  );
}
