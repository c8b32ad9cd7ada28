import { z } from 'zod';

/** Widgets the designer knows how to draw for a settings field. */
export const uiWidgets = [
  'text',
  'textarea',
  'template',
  'number',
  'duration',
  'switch',
  'select',
  'secret',
  'list',
  'rules',
  'schedule',
  'json',
] as const;

/** A widget from {@link uiWidgets}. */
export type UiWidget = (typeof uiWidgets)[number];

/** Typed UI metadata of one settings field: drives the designer's generated form. */
export interface UiMeta {
  /** Field label shown in the form. */
  label: string;
  /** One sentence of help under the field. */
  help?: string;
  /** Which widget draws the field; the designer infers one from the schema when absent. */
  widget?: UiWidget;
  /** Placeholder text. */
  placeholder?: string;
  /** A secret (token, password): encrypted at rest, never logged, never returned by the API. */
  secret?: boolean;
  /** Group (tab or section) the field belongs to. */
  group?: string;
  /** Shown but not editable (e.g. a callback URL the server fills in). */
  readOnly?: boolean;
  /**
   * The host fills the field in when a connection is saved without it: `inboundUrl` is the
   * connection's public webhook address (a callback URL to give the vendor, a bot's webhook).
   */
  filledByHost?: 'inboundUrl';
  /** Labels of enumeration values, by value, for selects. */
  options?: Record<string, string>;
}

/** The registry that holds every field's {@link UiMeta}; JSON Schema export reads from it. */
export const uiRegistry = z.registry<UiMeta>();

/**
 * Attaches UI metadata to a zod schema and returns the same schema (types are kept).
 *
 * @example
 * const settings = z.object({ text: ui(z.string().min(1), { label: 'Message', widget: 'template' }) });
 */
export function ui<T extends z.ZodType>(schema: T, meta: UiMeta): T {
  uiRegistry.add(schema, meta);
  return schema;
}

/**
 * Marks a settings field as a secret (encrypted at rest, never logged nor returned).
 *
 * @example
 * const settings = z.object({ token: secret(z.string().min(1), { label: 'Bot token' }) });
 */
export function secret<T extends z.ZodType>(schema: T, meta: Omit<UiMeta, 'secret' | 'widget'>): T {
  return ui(schema, { ...meta, secret: true, widget: 'secret' });
}

/** Metadata registered for a schema, if any. */
export function uiMetaOf(schema: z.ZodType): UiMeta | undefined {
  return uiRegistry.get(schema);
}

/**
 * Names of the top-level fields of an object schema marked secret.
 *
 * @example
 * secretFieldsOf(telegram.settings); // ['botToken']
 */
export function secretFieldsOf(schema: z.ZodType): string[] {
  if (!(schema instanceof z.ZodObject)) return [];
  const shape = schema.shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((key) => isSecret(shape[key]));
}

/**
 * Top-level fields of an object schema that the host fills in, with what it puts there.
 *
 * @example
 * hostFilledFieldsOf(reclameAqui.settings); // [{ field: 'callbackUrl', value: 'inboundUrl' }]
 */
export function hostFilledFieldsOf(
  schema: z.ZodType,
): Array<{ field: string; value: NonNullable<UiMeta['filledByHost']> }> {
  if (!(schema instanceof z.ZodObject)) return [];
  const shape = schema.shape as Record<string, z.ZodType>;
  return Object.keys(shape).flatMap((field) => {
    const value = fieldMeta(shape[field], (meta) => meta.filledByHost !== undefined)?.filledByHost;
    return value ? [{ field, value }] : [];
  });
}

function isSecret(schema: z.ZodType | undefined): boolean {
  return fieldMeta(schema, (meta) => meta.secret === true) !== undefined;
}

/** The first metadata, from the field through its wrappers (optional, default …), that matches. */
function fieldMeta(
  schema: z.ZodType | undefined,
  matches: (meta: UiMeta) => boolean,
): UiMeta | undefined {
  let current: unknown = schema;
  while (current instanceof z.ZodType) {
    const meta = uiRegistry.get(current);
    if (meta && matches(meta)) return meta;
    const inner: unknown = (current as { unwrap?: () => unknown }).unwrap?.();
    if (inner === undefined || inner === current) return undefined;
    current = inner;
  }
  return undefined;
}

/**
 * JSON Schema of a settings schema, with each field's UI metadata merged in.
 *
 * @example
 * const jsonSchema = settingsJsonSchema(autoMessage.settings);
 */
export function settingsJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { metadata: uiRegistry, unrepresentable: 'any', io: 'input' });
}
