import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineChannel } from '../plugin/define-channel.js';
import { defineNode } from '../plugin/define-node.js';
import { ui } from '../plugin/ui.js';
import { missingTranslations } from './missing-translations.js';

const settings = z.object({
  text: ui(z.string(), { label: 'Text', help: 'Sent as is.', placeholder: 'Hello' }),
  tone: ui(z.enum(['formal', 'casual']), { label: 'Tone', group: 'Style' }),
  unit: z.enum(['s', 'm']),
  steps: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('say') }),
      z.object({ kind: z.literal('pause') }),
    ]),
  ),
});

const say = (ptBr: Record<string, unknown>) =>
  defineNode({
    type: 'say',
    version: 1,
    label: 'Say',
    description: 'Says it.',
    category: 'messaging',
    icon: 'x',
    waits: false,
    ports: ['next', 'failed'],
    settings,
    i18n: { 'pt-BR': { label: 'Dizer', ...ptBr } },
  });

describe('missingTranslations', () => {
  it('lists every text a translation leaves in English', () => {
    expect(missingTranslations(say({ ports: { next: 'seguir' } }), 'pt-BR')).toEqual([
      'description',
      'ports["failed"]',
      'fields["text"].label',
      'fields["text"].help',
      'fields["text"].placeholder',
      'fields["tone"].label',
      'fields["tone"].options["formal"]',
      'fields["tone"].options["casual"]',
      // Unlabelled enums (`unit`) are not shown as such; a union's variants are.
      'fields["steps.kind"].options["say"]',
      'fields["steps.kind"].options["pause"]',
      'groups["Style"]',
    ]);
    expect(missingTranslations(say({}), 'es')).toEqual(['i18n["es"]']);
  });

  it('is empty for a complete translation, ports from the settings included', () => {
    const complete = say({
      description: 'Diz.',
      ports: { next: 'seguir', failed: 'falhou' },
      fields: {
        text: { label: 'Texto', help: 'Enviado como está.', placeholder: 'Olá' },
        tone: { label: 'Tom', options: { formal: 'Formal', casual: 'Informal' } },
        'steps.kind': { options: { say: 'Dizer', pause: 'Pausa' } },
      },
      groups: { Style: 'Estilo' },
    });
    expect(missingTranslations(complete, 'pt-BR')).toEqual([]);
    expect(missingTranslations(complete, 'pt-BR', { ports: ['next', 'rule'] })).toEqual([
      'ports["rule"]',
    ]);
  });

  it('covers a channel’s actions and their payload fields', () => {
    const chat = defineChannel({
      type: 'chat',
      label: 'Chat',
      icon: 'c',
      settings: z.object({}),
      policies: {},
      actions: {
        'chat.ping': {
          label: 'Ping',
          by: 'agent',
          payload: z.object({ note: ui(z.string(), { label: 'Note' }) }),
        },
      },
      i18n: { 'pt-BR': { label: 'Bate-papo' } },
    });
    expect(missingTranslations(chat, 'pt-BR')).toEqual([
      'actions["chat.ping"].label',
      'actions["chat.ping"].fields["note"].label',
    ]);
  });
});
