import {
  localizeChannel,
  localizeNode,
  secretFieldsOf,
  settingsJsonSchema,
} from '@attendflow/engine';
import { missingTranslations } from '@attendflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { vibe } from './definition.js';
import { sendKeyboard } from './nodes/send-keyboard/definition.js';

const issuesOf = (value: unknown) =>
  vibe.settings
    .safeParse(value)
    .error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('vibe channel definition', () => {
  it('fills the defaults and names the bad fields', () => {
    expect(vibe.settings.parse({ authToken: 'a'.repeat(20), botName: ' Loja ' })).toEqual({
      authToken: 'a'.repeat(20),
      botName: 'Loja',
      apiUrl: 'https://chatapi.viber.com',
      timeoutMs: 10_000,
    });
    expect(issuesOf({ authToken: 'short', botName: 'x'.repeat(29), apiUrl: 'ftp:' })).toEqual([
      ['authToken', 'paste the bot’s token (at least 16 characters)'],
      ['botName', 'Vibe shows at most 28 characters of the sender’s name'],
      ['apiUrl', 'must be an http(s) URL'],
    ]);
  });

  it('marks the token secret and exports its form as JSON Schema', () => {
    expect(secretFieldsOf(vibe.settings)).toEqual(['authToken']);
    const schema = settingsJsonSchema(vibe.settings) as {
      properties: Record<string, { label?: string }>;
    };
    expect(schema.properties['botName']?.label).toBe('Bot name');
  });

  it('declares its policies as data, defaults applied', () => {
    expect(vibe.policies).toMatchObject({
      visibilities: ['public'],
      maxBodyLength: 7000,
      attachments: false,
      receptiveOnly: false,
    });
    expect(vibe.policies.evaluation).toBeUndefined();
    expect(vibe.nodes.map((node) => node.type)).toEqual(['vibe-send-keyboard']);
  });

  it('speaks Brazilian Portuguese, every text of the channel and its node translated', () => {
    expect(missingTranslations(vibe, 'pt-BR')).toEqual([]);
    expect(missingTranslations(sendKeyboard, 'pt-BR')).toEqual([]);
    const channel = localizeChannel(vibe, 'pt-BR');
    expect(channel.label).toBe('Vibe');
    expect(channel.actions['keyboard.send']?.label).toBe('Enviar um teclado');
    const node = localizeNode(sendKeyboard, 'pt-BR');
    expect([node.label, node.port('unsubscribed')]).toEqual([
      'Enviar teclado',
      'cancelou a inscrição',
    ]);
    expect(node.settingsSchema()).toMatchObject({ properties: { text: { label: 'Pergunta' } } });
    // Languages without a translation read English.
    expect(localizeNode(sendKeyboard, 'es').label).toBe('Send keyboard');
  });
});
