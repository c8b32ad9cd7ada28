import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localizeJsonSchema, settingsFieldsOf } from './settings-fields.js';
import { settingsJsonSchema, ui } from './ui.js';

const settings = z.object({
  text: ui(z.string(), { label: 'Text', help: 'Sent as is.' }),
  when: ui(z.number().nullable().default(null), { label: 'When', group: 'Timing' }),
  tags: ui(z.array(z.enum(['a', 'b'])), { label: 'Tags' }),
  steps: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('say'), text: ui(z.string(), { label: 'Say' }) }),
      z.object({ kind: z.literal('wait') }),
    ]),
  ),
  fallback: z.union([z.string().min(2), z.literal('')]),
});

describe('settingsFieldsOf', () => {
  it('names fields by dotted path, through lists, nullables and unions', () => {
    const fields = settingsFieldsOf(settingsJsonSchema(settings));
    expect(fields.map((field) => field.path)).toEqual([
      'text',
      'when',
      'tags',
      'steps',
      'steps.kind',
      'steps.text',
      'fallback',
    ]);
    const byPath = new Map(fields.map((field) => [field.path, field]));
    expect(byPath.get('text')).toMatchObject({ label: 'Text', help: 'Sent as is.', values: [] });
    expect(byPath.get('when')).toMatchObject({ label: 'When', group: 'Timing' });
    expect(byPath.get('tags')).toMatchObject({ values: ['a', 'b'], isDiscriminator: false });
    expect(byPath.get('steps.kind')).toMatchObject({
      values: ['say', 'wait'],
      isDiscriminator: true,
    });
    // A literal branch of a union is a value to type, not an option to label.
    expect(byPath.get('fallback')?.values).toEqual([]);
  });
});

describe('localizeJsonSchema', () => {
  it('replaces the texts it has and leaves the input as it was', () => {
    const english = settingsJsonSchema(settings);
    const before = JSON.stringify(english);
    const localized = localizeJsonSchema(
      english,
      { text: { label: 'Texto' }, tags: { options: { a: 'A' } }, 'steps.text': { label: 'Dizer' } },
      { Timing: 'Quando' },
    );
    expect(JSON.stringify(english)).toBe(before);
    expect(localized).toMatchObject({
      properties: {
        text: { label: 'Texto', help: 'Sent as is.' },
        when: { label: 'When', group: 'Quando' },
        tags: { options: { a: 'A' } },
        steps: { items: { oneOf: [{ properties: { text: { label: 'Dizer' } } }, {}] } },
      },
    });
  });
});
