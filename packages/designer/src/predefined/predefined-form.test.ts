import { describe, expect, it } from 'vitest';
import type { PredefinedMessage } from '../api/predefined-messages-api';
import {
  draftOf,
  emptyDraft,
  fieldIssuesOf,
  inputOf,
  isComplete,
  sectorsOf,
} from './predefined-form';

const stored = (sector: string | null, channel: string | null): PredefinedMessage => ({
  id: 'm1',
  title: 'Saudação',
  text: 'Olá {{customer.name}}',
  sector,
  channel,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('predefined message form', () => {
  it('sends trimmed fields, an empty scope as any (null), and reads a stored one back', () => {
    expect(
      inputOf({ title: ' Oi ', text: ' Olá\n', sector: ' ', channel: 'reclame-aqui' }),
    ).toEqual({
      title: 'Oi',
      text: 'Olá',
      sector: null,
      channel: 'reclame-aqui',
    });
    expect(draftOf(stored(null, 'api'))).toEqual({
      title: 'Saudação',
      text: 'Olá {{customer.name}}',
      sector: '',
      channel: 'api',
    });
    expect(inputOf(draftOf(stored('SAC', null)))).toMatchObject({ sector: 'SAC', channel: null });
  });

  it('needs a title and a text', () => {
    expect(isComplete(emptyDraft)).toBe(false);
    expect(isComplete({ ...emptyDraft, title: 'a', text: '  ' })).toBe(false);
    expect(isComplete({ ...emptyDraft, title: 'a', text: 'b' })).toBe(true);
  });

  it('puts the server’s refusal on its fields', () => {
    expect(
      fieldIssuesOf({
        issues: [
          { path: 'body.title', message: 'give the message a title' },
          { path: 'body.channel', message: 'unknown channel type "fax"' },
          { path: 'body', message: 'Unrecognized key: "colour"' },
        ],
      }),
    ).toEqual({ title: 'give the message a title', channel: 'unknown channel type "fax"' });
    expect(fieldIssuesOf(undefined)).toEqual({});
  });

  it('suggests the sectors already used', () => {
    expect(
      sectorsOf([
        stored('SAC', null),
        stored(null, null),
        stored('Financeiro', 'api'),
        stored('SAC', 'api'),
      ]),
    ).toEqual(['Financeiro', 'SAC']);
  });
});
