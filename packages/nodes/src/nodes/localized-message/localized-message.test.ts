import { describe, expect, it } from 'vitest';
import { validateFlow } from '@attendflow/engine';
import { runFlow } from '@attendflow/engine/testing';
import { wish } from '../../channels/wish/definition.js';
import { buildFlow } from '../../testing/flow-builder.js';
import { registryOf } from '../../testing/registry-of.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { localizedMessage } from './definition.js';
import { localizedMessageRuntime, pickText } from './runtime.js';

const registry = registryOf([triggerRuntime, localizedMessageRuntime], [wish]);
const texts = [
  { language: 'en', text: 'Hello {{customer.name}}, we received your ticket.' },
  { language: 'de', text: 'Hallo {{customer.name}}, wir haben Ihr Ticket erhalten.' },
  { language: 'pt-BR', text: 'Olá {{customer.name}}, recebemos seu ticket.' },
];
const greet = (settings: Record<string, unknown> = {}) =>
  buildFlow(
    [
      { id: 'start', type: 'trigger' },
      { id: 'greet', type: 'localized-message', settings: { texts, ...settings } },
    ],
    ['start.next -> greet'],
  );
const sent = (
  locale: string | undefined,
  where: 'customer' | 'metadata' = 'customer',
  settings = {},
) =>
  runFlow(greet(settings), [], {
    registry,
    channel: 'wish',
    start: {
      text: 'Hi',
      customer: { name: 'Erika', fields: where === 'customer' && locale ? { locale } : {} },
      metadata: where === 'metadata' && locale ? { locale } : {},
    },
  }).transcript.messages.at(-1)?.text;

describe('localized-message', () => {
  it('sends the template of the buyer’s language, rendered', () => {
    expect(sent('de')).toBe('Hallo Erika, wir haben Ihr Ticket erhalten.');
    expect(sent('pt_BR')).toBe('Olá Erika, recebemos seu ticket.');
    expect(sent('pt', 'metadata')).toBe('Olá Erika, recebemos seu ticket.');
  });

  it('falls back to the chosen language, or the first one', () => {
    expect(sent('fr')).toBe('Hello Erika, we received your ticket.');
    expect(sent(undefined, 'customer', { fallbackLanguage: 'de' })).toBe(
      'Hallo Erika, wir haben Ihr Ticket erhalten.',
    );
  });

  it('picks exact match before the language family', () => {
    const variants = [
      { language: 'pt', text: 'pt' },
      { language: 'pt-BR', text: 'br' },
    ];
    expect(pickText(variants, 'pt-BR', '')?.text).toBe('br');
    expect(pickText(variants, 'pt-PT', '')?.text).toBe('pt');
    expect(pickText(variants, null, 'pt-BR')?.text).toBe('br');
  });

  it('rejects settings without a message or with a fallback that has none, naming the field', () => {
    const issues = (value: unknown) =>
      localizedMessage.settings
        .safeParse(value)
        .error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ texts: [] })).toEqual([
      ['texts', 'write the message in at least one language'],
    ]);
    expect(issues({ texts: [{ language: 'english', text: 'x' }] })).toEqual([
      ['texts.0.language', 'use a language code such as "en" or "pt-BR"'],
    ]);
    expect(issues({ texts, fallbackLanguage: 'fr' })).toEqual([
      ['fallbackLanguage', 'the fallback language needs a message'],
    ]);
  });

  it('is checked against the channel at design time like any automatic message', () => {
    const long = greet({ texts: [{ language: 'en', text: 'x'.repeat(2001) }] });
    expect(validateFlow(long, registry, 'wish').issues.map((issue) => issue.code)).toContain(
      'CHANNEL_BODY_TOO_LONG',
    );
  });
});
