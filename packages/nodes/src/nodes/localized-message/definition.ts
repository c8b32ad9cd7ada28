import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { requestedVisibility, visibilityField } from '../../shared/visibility.js';

const language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}([-_][A-Za-z]{2,4})?$/, 'use a language code such as "en" or "pt-BR"');

/** Sends an automatic message in the customer's language, from one template per language. */
export const localizedMessage = defineNode({
  type: 'localized-message',
  version: 1,
  label: 'Message in the customer’s language',
  description:
    'Sends the template written for the customer’s language (Wish buyer locale, …), or the fallback one.',
  category: 'messaging',
  icon: 'languages',
  waits: false,
  ports: ['next'],
  settings: z
    .object({
      texts: ui(
        z
          .array(
            z.object({
              language,
              text: z.string().trim().min(1, 'write the message'),
            }),
          )
          .min(1, 'write the message in at least one language'),
        {
          label: 'Messages by language',
          widget: 'list',
          help: 'One template per language; {{customer.name}} and flow variables work in each.',
        },
      ),
      fallbackLanguage: ui(z.union([language, z.literal('')]).default(''), {
        label: 'Fallback language',
        help: 'Used when the customer’s language has no message; empty takes the first one.',
      }),
      localeField: ui(z.string().trim().min(1).default('locale'), {
        label: 'Customer field with the language',
        help: 'Customer field (or conversation metadata) that holds the language code.',
      }),
      visibility: visibilityField(),
    })
    .refine(
      (s) =>
        s.fallbackLanguage === '' ||
        s.texts.some((t) => sameLanguage(t.language, s.fallbackLanguage)),
      { path: ['fallbackLanguage'], message: 'the fallback language needs a message' },
    ),
  summary: (settings) => settings.texts.map((t) => t.language).join(' · '),
  traits: (settings) => ({
    messages: settings.texts.map((t) => ({
      text: t.text,
      visibility: requestedVisibility(settings.visibility),
    })),
  }),
});

/** `pt_BR` and `pt-br` name the same language as `pt-BR`. */
export function sameLanguage(a: string, b: string): boolean {
  return normalizeLanguage(a) === normalizeLanguage(b);
}

/** Lower case, `-` as separator. */
export function normalizeLanguage(code: string): string {
  return code.trim().replace('_', '-').toLowerCase();
}
