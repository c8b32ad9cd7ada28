import { catalogText, type Translate } from '../i18n/catalog-text';
import type { MessageParams } from '../i18n/translate';

/**
 * A channel rule's refusal in the UI language: the catalog's `rule.<code>` filled with `params`,
 * or `reason` (the engine's or server's own words) for a code the catalogs do not know or an
 * entry whose values the refusal does not carry.
 *
 * @example
 * refusalText('CHANNEL_CLOSED', 'the attendance is closed', t); // 'O atendimento está encerrado.'
 */
export function refusalText(
  code: string,
  reason: string,
  t: Translate,
  params: MessageParams = {},
): string {
  return catalogText(t, `rule.${code}`, params, reason);
}
