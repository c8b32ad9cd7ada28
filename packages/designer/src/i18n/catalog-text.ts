import { isMessageKey } from './message-key';
import type { MessageKey } from './messages-en';
import type { MessageParams } from './translate';

/** The `t` of `useI18n`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The catalog's text for a key built at run time (a rule or issue code), or `fallback` when the
 * catalogs have no such key or the entry needs a value `params` lacks (an unfilled `{name}` would
 * read worse than the fallback's own words).
 *
 * @example
 * catalogText(t, `rule.${refusal.rule}`, {}, refusal.message);
 */
export function catalogText(
  t: Translate,
  key: string,
  params: MessageParams,
  fallback: string,
): string {
  if (!isMessageKey(key)) return fallback;
  const needed = [...t(key).matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  return needed.every((name) => name in params) ? t(key, params) : fallback;
}
