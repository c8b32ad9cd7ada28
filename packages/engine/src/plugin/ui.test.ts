import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  hostFilledFieldsOf,
  secret,
  secretFieldsOf,
  settingsJsonSchema,
  ui,
  uiMetaOf,
} from './ui.js';

const settings = z.object({
  token: secret(z.string().min(1), { label: 'Bot token' }),
  password: secret(z.string(), { label: 'Password' }).optional(),
  text: ui(z.string().default('hi'), { label: 'Message', widget: 'template', help: 'Say hello' }),
  level: ui(z.enum(['a', 'b']), { label: 'Level', options: { a: 'Level A', b: 'Level B' } }),
});

describe('ui metadata', () => {
  it('keeps the schema and records its metadata', () => {
    expect(uiMetaOf(settings.shape.text)).toEqual({
      label: 'Message',
      widget: 'template',
      help: 'Say hello',
    });
    expect(settings.parse({ token: 't', level: 'a' })).toEqual({
      token: 't',
      text: 'hi',
      level: 'a',
    });
  });

  it('finds secret fields, through optional wrappers', () => {
    expect(secretFieldsOf(settings)).toEqual(['token', 'password']);
    expect(secretFieldsOf(z.string())).toEqual([]);
  });

  it('finds the fields the host fills in, through optional and default wrappers', () => {
    const connection = z.object({
      callbackUrl: ui(z.url().optional(), { label: 'Callback', filledByHost: 'inboundUrl' }),
      hook: ui(z.url(), { label: 'Hook', filledByHost: 'inboundUrl' }).default('http://x.test'),
      name: ui(z.string(), { label: 'Name' }),
    });
    expect(hostFilledFieldsOf(connection)).toEqual([
      { field: 'callbackUrl', value: 'inboundUrl' },
      { field: 'hook', value: 'inboundUrl' },
    ]);
    expect(hostFilledFieldsOf(z.string())).toEqual([]);
  });

  it('exports JSON Schema with the metadata merged in', () => {
    const schema = settingsJsonSchema(settings) as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    expect(schema.properties['token']).toMatchObject({
      type: 'string',
      minLength: 1,
      label: 'Bot token',
      secret: true,
      widget: 'secret',
    });
    expect(schema.properties['text']).toMatchObject({
      type: 'string',
      default: 'hi',
      widget: 'template',
    });
    expect(schema.properties['level']).toMatchObject({
      enum: ['a', 'b'],
      options: { a: 'Level A', b: 'Level B' },
    });
    expect(schema.required).toEqual(['token', 'level']);
  });
});
