import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineChannel } from './define-channel.js';
import { defineNode } from './define-node.js';
import { localizeChannel, localizeNode, matchLocale } from './localize.js';
import { ui } from './ui.js';

type Schema = {
  label?: string;
  help?: string;
  placeholder?: string;
  group?: string;
  options?: Record<string, string>;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
};

const ask = defineNode({
  type: 'ask',
  version: 1,
  label: 'Ask',
  description: 'Asks the customer a question.',
  category: 'messaging',
  icon: 'q',
  waits: true,
  ports: ['answered', 'timeout'],
  settings: z.object({
    text: ui(z.string().min(1), { label: 'Question', help: 'Sent as is.', group: 'Message' }),
    tone: ui(z.enum(['formal', 'casual']).default('formal'), {
      label: 'Tone',
      widget: 'select',
      options: { formal: 'Formal', casual: 'Casual' },
    }),
    wait: ui(z.number().nullable().default(null), { label: 'Wait (minutes)' }),
    steps: ui(
      z.array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('say'), text: ui(z.string(), { label: 'Text' }) }),
          z.object({ kind: z.literal('pause') }),
        ]),
      ),
      { label: 'Steps' },
    ),
  }),
  summary: (settings, { locale }) =>
    locale === 'pt-BR' ? `Pergunta: ${settings.text}` : `Question: ${settings.text}`,
  i18n: {
    'pt-BR': {
      label: 'Perguntar',
      ports: { answered: 'respondido' },
      fields: {
        text: { label: 'Pergunta' },
        wait: { label: 'Esperar (minutos)' },
        tone: { options: { casual: 'Informal' } },
        'steps.kind': { options: { say: 'Dizer', pause: 'Pausa' } },
        'steps.text': { label: 'Texto' },
      },
      groups: { Message: 'Mensagem' },
    },
  },
});

describe('localizeNode', () => {
  it('takes what the translation has and keeps English for the rest', () => {
    const text = localizeNode(ask, 'pt-BR');
    expect(text).toMatchObject({
      locale: 'pt-BR',
      label: 'Perguntar',
      description: 'Asks the customer a question.',
      ports: { answered: 'respondido', timeout: 'timeout' },
    });
    expect(text.port('timeout')).toBe('timeout');
    expect(text.port('error')).toBe('error');
    expect(text.summary({ text: 'Qual?' })).toBe('Pergunta: Qual?');

    const schema = text.settingsSchema() as Schema;
    expect(schema.properties?.['text']).toMatchObject({
      label: 'Pergunta',
      help: 'Sent as is.',
      group: 'Mensagem',
    });
    expect(schema.properties?.['tone']?.options).toEqual({ formal: 'Formal', casual: 'Informal' });
    expect(schema.properties?.['wait']?.label).toBe('Esperar (minutos)');
    const variants = schema.properties?.['steps']?.items?.oneOf ?? [];
    expect(variants.map((variant) => variant.properties?.['kind']?.options?.['pause'])).toEqual([
      'Pausa',
      'Pausa',
    ]);
    expect(variants[0]?.properties?.['text']?.label).toBe('Texto');
  });

  it('falls back to English for a language it has no translation for', () => {
    const text = localizeNode(ask, 'de');
    expect(text).toMatchObject({ locale: 'en', label: 'Ask', ports: { answered: 'answered' } });
    expect(text.summary({ text: 'Which?' })).toBe('Question: Which?');
    const schema = text.settingsSchema() as Schema;
    expect(schema.properties?.['text']).toMatchObject({ label: 'Question', group: 'Message' });
    expect(schema.properties?.['tone']?.options?.['casual']).toBe('Casual');
  });

  it('reads a preference list and a sibling of the language', () => {
    expect(localizeNode(ask, ['fr', 'pt']).label).toBe('Perguntar');
    expect(localizeNode(ask, 'pt_PT').label).toBe('Perguntar');
    // English before Portuguese: the base text wins.
    expect(localizeNode(ask, ['en-GB', 'pt-BR']).label).toBe('Ask');
  });

  it('does not change the definition nor the plain JSON Schema', () => {
    localizeNode(ask, 'pt-BR').settingsSchema();
    expect(ask.label).toBe('Ask');
    expect(localizeNode(ask, 'en').settingsSchema()).toMatchObject({
      properties: { text: { label: 'Question' } },
    });
  });
});

describe('matchLocale', () => {
  it('prefers the same tag, then the bare language, then any of the language', () => {
    expect(matchLocale(['pt-BR', 'pt'], 'pt-BR')).toBe('pt-BR');
    expect(matchLocale(['pt-BR', 'pt'], 'pt-PT')).toBe('pt');
    expect(matchLocale(['es', 'pt-BR'], 'PT-br')).toBe('pt-BR');
    expect(matchLocale(['es'], 'pt-BR')).toBeUndefined();
  });
});

describe('localizeChannel', () => {
  it('translates the channel, its settings and its actions', () => {
    const chat = defineChannel({
      type: 'chat',
      label: 'Chat',
      icon: 'c',
      settings: z.object({ title: ui(z.string(), { label: 'Title' }) }),
      policies: {},
      actions: {
        'chat.ping': {
          label: 'Ping',
          by: 'agent',
          payload: z.object({ note: ui(z.string(), { label: 'Note' }) }),
        },
      },
      i18n: {
        'pt-BR': {
          label: 'Bate-papo',
          fields: { title: { label: 'Título' } },
          actions: { 'chat.ping': { label: 'Cutucar', fields: { note: { label: 'Nota' } } } },
        },
      },
    });
    const text = localizeChannel(chat, 'pt-BR');
    expect(text.label).toBe('Bate-papo');
    expect(text.settingsSchema()).toMatchObject({ properties: { title: { label: 'Título' } } });
    expect(text.actions['chat.ping']?.label).toBe('Cutucar');
    expect(text.actions['chat.ping']?.payloadSchema()).toMatchObject({
      properties: { note: { label: 'Nota' } },
    });
    expect(localizeChannel(chat, 'en').actions['chat.ping']?.label).toBe('Ping');
  });
});
