import { defineNodeRuntime } from '@attendflow/engine';
import { requestedVisibility } from '../../shared/visibility.js';
import { localizedMessage, normalizeLanguage } from './definition.js';

/** The template for `locale`: exact match, then the same primary language, then the fallback. */
export function pickText(
  texts: ReadonlyArray<{ language: string; text: string }>,
  locale: string | null,
  fallbackLanguage: string,
): { language: string; text: string } | undefined {
  const wanted = locale === null ? null : normalizeLanguage(locale);
  const primary = (code: string) => normalizeLanguage(code).split('-')[0];
  const exact = texts.find((t) => wanted !== null && normalizeLanguage(t.language) === wanted);
  const sameFamily = texts.find((t) => wanted !== null && primary(t.language) === primary(wanted));
  const fallback = texts.find(
    (t) => normalizeLanguage(t.language) === normalizeLanguage(fallbackLanguage),
  );
  return exact ?? sameFamily ?? fallback ?? texts[0];
}

/** Sends the template for the customer's language; a blocked message is reported and the flow goes on. */
export const localizedMessageRuntime = defineNodeRuntime(localizedMessage, {
  enter(ctx) {
    const { settings, conversation } = ctx;
    const fromCustomer = conversation.customer.fields[settings.localeField];
    const fromMetadata = conversation.metadata[settings.localeField];
    const locale =
      typeof fromCustomer === 'string'
        ? fromCustomer
        : typeof fromMetadata === 'string'
          ? fromMetadata
          : null;
    const chosen = pickText(settings.texts, locale, settings.fallbackLanguage);
    if (chosen) {
      ctx.send({
        text: ctx.render(chosen.text),
        visibility: requestedVisibility(settings.visibility),
      });
    }
    return 'next';
  },
});
