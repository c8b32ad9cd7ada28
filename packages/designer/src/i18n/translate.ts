import { messagesEn, type MessageKey, type Messages } from './messages-en';
import { messagesPtBr } from './messages-pt-br';

/** The languages the designer speaks. */
export const locales = ['en', 'pt-BR'] as const;

/** One of {@link locales}. */
export type Locale = (typeof locales)[number];

/** Parameters substituted into a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

const catalogs: Record<Locale, Messages> = { en: messagesEn, 'pt-BR': messagesPtBr };

/** Returns the message of `key` in `locale` with its `{name}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks the language: the user's saved choice, else the first supported browser language, else English. */
export function pickLocale(saved: string | null, browserLanguages: readonly string[]): Locale {
  if (saved && (locales as readonly string[]).includes(saved)) return saved as Locale;
  for (const language of browserLanguages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('pt')) return 'pt-BR';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
