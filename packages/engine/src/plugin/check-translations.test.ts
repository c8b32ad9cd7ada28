import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineChannel } from './define-channel.js';
import { defineNode } from './define-node.js';
import type { ChannelTranslations, NodeTranslations } from './translations.js';
import { ui } from './ui.js';

const settings = z.object({
  text: ui(z.string(), { label: 'Text', group: 'Message' }),
  tone: ui(z.enum(['formal', 'casual']), { label: 'Tone', widget: 'select' }),
  set: ui(z.object({ sector: ui(z.string(), { label: 'Sector' }) }), { label: 'Set' }),
});

const nodeWith = (i18n: unknown, ports: readonly string[] | (() => string[]) = ['next']) =>
  defineNode({
    type: 'say',
    version: 1,
    label: 'Say',
    category: 'messaging',
    icon: 'x',
    waits: false,
    ports,
    settings,
    i18n: i18n as NodeTranslations,
  });

const rejects = (make: () => unknown, message: string) =>
  expect(make).toThrow(
    expect.objectContaining({
      code: 'PLUGIN_INVALID_DEFINITION',
      message: expect.stringContaining(message) as unknown,
    }),
  );

describe('translations checked when a node is defined', () => {
  it('accepts a translation of fields, nested fields, options, groups and ports', () => {
    const say = nodeWith({
      'pt-BR': {
        label: 'Dizer',
        ports: { next: 'seguir' },
        fields: {
          text: { label: 'Texto' },
          'set.sector': { label: 'Setor' },
          tone: { options: { casual: 'Informal' } },
        },
        groups: { Message: 'Mensagem' },
      },
    });
    expect(say.i18n?.['pt-BR']?.label).toBe('Dizer');
  });

  it('names the key of a malformed translation', () => {
    rejects(
      () => nodeWith({ 'pt-BR': { label: 'Dizer', fields: { text: { label: 3 } } } }),
      'node type "say" has a malformed translation: i18n["pt-BR"].fields["text"].label:',
    );
    rejects(() => nodeWith({ 'pt-BR': { description: 'x' } }), 'i18n["pt-BR"].label:');
    rejects(
      () => nodeWith({ 'pt-BR': { label: 'Dizer', fields: { text: { lable: 'Texto' } } } }),
      'i18n["pt-BR"].fields["text"]: Unrecognized key: "lable"',
    );
    rejects(() => nodeWith({ 'pt-BR': { label: '' } }), 'i18n["pt-BR"].label: write the text');
    rejects(() => nodeWith({ Portuguese: { label: 'Dizer' } }), 'BCP 47');
  });

  it('names a field, option, group or port the definition does not have', () => {
    rejects(
      () => nodeWith({ 'pt-BR': { label: 'Dizer', fields: { txt: { label: 'Texto' } } } }),
      'node type "say" has a bad translation: i18n["pt-BR"].fields["txt"]: no settings field "txt" (fields: "text", "tone", "set", "set.sector")',
    );
    rejects(
      () =>
        nodeWith({ 'pt-BR': { label: 'Dizer', fields: { tone: { options: { rude: 'Rude' } } } } }),
      'i18n["pt-BR"].fields["tone"].options["rude"]: "rude" is not a value of the field (values: "formal", "casual")',
    );
    rejects(
      () => nodeWith({ 'pt-BR': { label: 'Dizer', fields: { text: { options: { a: 'A' } } } } }),
      'i18n["pt-BR"].fields["text"].options: the field has no fixed values to label',
    );
    rejects(
      () => nodeWith({ 'pt-BR': { label: 'Dizer', groups: { Mesage: 'Mensagem' } } }),
      'i18n["pt-BR"].groups["Mesage"]: no field is in group "Mesage" (groups: "Message")',
    );
    rejects(
      () => nodeWith({ 'pt-BR': { label: 'Dizer', ports: { nxt: 'seguir' } } }),
      'i18n["pt-BR"].ports["nxt"]: no port "nxt" (ports: "next")',
    );
  });

  it('takes any port name when the ports come from the settings', () => {
    const say = nodeWith({ 'pt-BR': { label: 'Dizer', ports: { otherwise: 'senão' } } }, () => [
      'otherwise',
    ]);
    expect(say.i18n?.['pt-BR']?.ports).toEqual({ otherwise: 'senão' });
  });
});

describe('translations checked when a channel is defined', () => {
  const channelWith = (i18n: unknown) =>
    defineChannel({
      type: 'chat',
      label: 'Chat',
      icon: 'c',
      settings: z.object({ title: ui(z.string(), { label: 'Title' }) }),
      policies: {},
      actions: {
        'chat.ping': { label: 'Ping', by: 'agent', payload: z.object({ note: z.string() }) },
      },
      i18n: i18n as ChannelTranslations,
    });

  it('names an unknown action or payload field', () => {
    expect(
      channelWith({
        'pt-BR': { label: 'Bate-papo', actions: { 'chat.ping': { label: 'Cutucar' } } },
      }).i18n,
    ).toBeDefined();
    rejects(
      () =>
        channelWith({ 'pt-BR': { label: 'Bate-papo', actions: { 'chat.pong': { label: 'x' } } } }),
      'channel "chat" has a bad translation: i18n["pt-BR"].actions["chat.pong"]: no action "chat.pong" (actions: "chat.ping")',
    );
    rejects(
      () =>
        channelWith({
          'pt-BR': {
            label: 'Bate-papo',
            actions: { 'chat.ping': { label: 'Cutucar', fields: { nota: { label: 'Nota' } } } },
          },
        }),
      'i18n["pt-BR"].actions["chat.ping"].fields["nota"]: no payload field "nota"',
    );
    rejects(
      () =>
        channelWith({ 'pt-BR': { label: 'Bate-papo', fields: { titel: { label: 'Título' } } } }),
      'i18n["pt-BR"].fields["titel"]: no settings field "titel"',
    );
  });
});
