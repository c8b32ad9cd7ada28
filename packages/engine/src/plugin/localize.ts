import type { ChannelDefinition } from './define-channel.js';
import type { NodeDefinition } from './define-node.js';
import { localizeJsonSchema } from './settings-fields.js';
import { settingsJsonSchema } from './ui.js';

/** The language plugin definitions are written in, and the fallback of every translation. */
export const baseLocale = 'en';

/** A node type's texts in one language. */
export interface LocalizedNode {
  /** The translation used (`pt-BR`), or {@link baseLocale} when none matched. */
  readonly locale: string;
  readonly label: string;
  readonly description: string | undefined;
  /** Port labels by port name: every fixed port, and every port the translation names. */
  readonly ports: Readonly<Record<string, string>>;
  /** The label of an exit port: the translation's, else the port's own name. */
  port(name: string): string;
  /** The one-line canvas summary of (parsed) settings, in this language; `''` without one. */
  summary(settings: unknown): string;
  /** The settings' JSON Schema (see `settingsJsonSchema`) with the form's texts in this language. */
  settingsSchema(): Record<string, unknown>;
}

/** A channel action's texts in one language. */
export interface LocalizedAction {
  readonly label: string;
  /** The payload's JSON Schema with the form's texts in this language. */
  payloadSchema(): Record<string, unknown>;
}

/** A channel's texts in one language. */
export interface LocalizedChannel {
  /** The translation used (`pt-BR`), or {@link baseLocale} when none matched. */
  readonly locale: string;
  readonly label: string;
  readonly description: string | undefined;
  /** Channel actions by name. */
  readonly actions: Readonly<Record<string, LocalizedAction>>;
  /** The connection settings' JSON Schema with the form's texts in this language. */
  settingsSchema(): Record<string, unknown>;
}

/** A language tag, or the languages a person reads in order of preference (Accept-Language). */
export type LocalePreference = string | readonly string[];

const normalize = (tag: string): string => tag.trim().replace(/_/g, '-').toLowerCase();
const languageOf = (tag: string): string => normalize(tag).split('-')[0] ?? '';

/**
 * The best of the `available` locales for a preference: the same tag, else the same language
 * (`pt-PT` reads `pt-BR`). `undefined` when English comes first or nothing matches: the base text.
 *
 * @example
 * matchLocale(['pt-BR', 'es'], ['fr', 'pt']); // 'pt-BR'
 */
export function matchLocale(
  available: readonly string[],
  preference: LocalePreference,
): string | undefined {
  for (const wanted of typeof preference === 'string' ? [preference] : preference) {
    const tag = normalize(wanted);
    const language = languageOf(wanted);
    const match =
      available.find((locale) => normalize(locale) === tag) ??
      available.find((locale) => normalize(locale) === language) ??
      available.find((locale) => languageOf(locale) === language);
    if (match) return match;
    if (language === baseLocale) return undefined;
  }
  return undefined;
}

const cache = new WeakMap<object, Map<string, LocalizedNode | LocalizedChannel>>();

function cached<T extends LocalizedNode | LocalizedChannel>(
  definition: object,
  preference: LocalePreference,
  make: () => T,
): T {
  const key = typeof preference === 'string' ? preference : preference.join(',');
  let byLocale = cache.get(definition);
  if (!byLocale) {
    byLocale = new Map();
    cache.set(definition, byLocale);
  }
  const hit = byLocale.get(key);
  if (hit) return hit as T;
  const made = make();
  byLocale.set(key, made);
  return made;
}

function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/**
 * A node type's label, description, port labels, summary and settings form in a language, from
 * its `i18n`; whatever the translation leaves out stays in English. Results are cached.
 *
 * @example
 * const text = localizeNode(humanHandoff, 'pt-BR');
 * text.label; // 'Transferir para atendente'
 * text.port('timeout'); // 'tempo esgotado'
 */
export function localizeNode(
  definition: NodeDefinition,
  preference: LocalePreference,
): LocalizedNode {
  return cached(definition, preference, () => {
    const i18n = definition.i18n ?? {};
    const locale = matchLocale(Object.keys(i18n), preference);
    const translation = locale === undefined ? undefined : i18n[locale];
    const fixed = typeof definition.ports === 'function' ? [] : definition.ports;
    const ports: Record<string, string> = {
      ...Object.fromEntries(fixed.map((port) => [port, port])),
      ...translation?.ports,
    };
    const context = { locale: locale ?? baseLocale };
    return {
      locale: context.locale,
      label: translation?.label ?? definition.label,
      description: translation?.description ?? definition.description,
      ports,
      port: (name) => ports[name] ?? name,
      summary: (settings) => definition.summary?.(settings, context) ?? '',
      settingsSchema: once(() =>
        localizeJsonSchema(
          settingsJsonSchema(definition.settings),
          translation?.fields,
          translation?.groups,
        ),
      ),
    };
  });
}

/**
 * A channel's label, description, action labels and settings forms in a language, from its
 * `i18n`; whatever the translation leaves out stays in English. Results are cached.
 *
 * @example
 * localizeChannel(webChat, ['pt-BR', 'en']).label; // 'Chat do site'
 */
export function localizeChannel(
  definition: ChannelDefinition,
  preference: LocalePreference,
): LocalizedChannel {
  return cached(definition, preference, () => {
    const i18n = definition.i18n ?? {};
    const locale = matchLocale(Object.keys(i18n), preference);
    const translation = locale === undefined ? undefined : i18n[locale];
    const actions = Object.fromEntries(
      Object.entries(definition.actions).map(([name, action]): [string, LocalizedAction] => {
        const text = translation?.actions?.[name];
        return [
          name,
          {
            label: text?.label ?? action.label,
            payloadSchema: once(() =>
              localizeJsonSchema(settingsJsonSchema(action.payload), text?.fields),
            ),
          },
        ];
      }),
    );
    return {
      locale: locale ?? baseLocale,
      label: translation?.label ?? definition.label,
      description: translation?.description ?? definition.description,
      actions,
      settingsSchema: once(() =>
        localizeJsonSchema(
          settingsJsonSchema(definition.settings),
          translation?.fields,
          translation?.groups,
        ),
      ),
    };
  });
}
