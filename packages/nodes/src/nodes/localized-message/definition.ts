import { defineNode, ui } from '@attendflow/engine';
import { z } from 'zod';
import { requestedVisibility, visibilityField } from '../../shared/visibility.js';
import { portsPtBr, visibilityPtBr } from '../../shared/pt-br.js';

// A new schema per use: `ui()` metadata belongs to one schema object.
const language = () =>
  z
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
              language: ui(language(), { label: 'Language', placeholder: 'pt-BR' }),
              text: ui(z.string().trim().min(1, 'write the message'), {
                label: 'Message',
                widget: 'template',
              }),
            }),
          )
          .min(1, 'write the message in at least one language'),
        {
          label: 'Messages by language',
          widget: 'list',
          help: 'One template per language; {{customer.name}} and flow variables work in each.',
        },
      ),
      fallbackLanguage: ui(z.union([language(), z.literal('')]).default(''), {
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
    // One language's text goes out, not every language's.
    sendsOneOf: true,
  }),
  i18n: {
    'pt-BR': {
      label: 'Mensagem no idioma do cliente',
      description:
        'Envia o modelo escrito para o idioma do cliente (idioma do comprador na Wish, …), ou o do idioma reserva.',
      ports: { next: portsPtBr.next },
      fields: {
        texts: {
          label: 'Mensagens por idioma',
          help: 'Um modelo por idioma; {{customer.name}} e as variáveis do fluxo funcionam em todos.',
        },
        'texts.language': { label: 'Idioma', placeholder: 'pt-BR' },
        'texts.text': { label: 'Mensagem' },
        fallbackLanguage: {
          label: 'Idioma reserva',
          help: 'Usado quando o idioma do cliente não tem mensagem; vazio usa a primeira.',
        },
        localeField: {
          label: 'Campo do cliente com o idioma',
          help: 'Campo do cliente (ou metadado da conversa) que guarda o código do idioma.',
        },
        visibility: visibilityPtBr,
      },
    },
  },
});

/** `pt_BR` and `pt-br` name the same language as `pt-BR`. */
export function sameLanguage(a: string, b: string): boolean {
  return normalizeLanguage(a) === normalizeLanguage(b);
}

/** Lower case, `-` as separator. */
export function normalizeLanguage(code: string): string {
  return code.trim().replace('_', '-').toLowerCase();
}
