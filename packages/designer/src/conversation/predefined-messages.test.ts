import { describe, expect, it } from 'vitest';
import { insertPredefined, previewOf } from './predefined-messages';

describe('predefined messages in the composer', () => {
  it('fills an empty draft, and inserts at the cursor or over the selection', () => {
    expect(insertPredefined('', 'Olá Ana!')).toEqual({ text: 'Olá Ana!', cursor: 8 });
    expect(insertPredefined('Bom dia.', 'Olá Ana!')).toEqual({
      text: 'Bom dia. Olá Ana!',
      cursor: 17,
    });
    expect(insertPredefined('Bom dia.\n', 'Olá')).toEqual({ text: 'Bom dia.\nOlá', cursor: 12 });
    expect(insertPredefined('A  B', 'x', 2)).toEqual({ text: 'A x B', cursor: 3 });
    expect(insertPredefined('Olá XXX, tudo bem?', 'Ana', 4, 7)).toEqual({
      text: 'Olá Ana, tudo bem?',
      cursor: 7,
    });
  });

  it('previews a message on one line', () => {
    expect(previewOf('Olá\n\nAna')).toBe('Olá Ana');
    expect(previewOf('abcdefghij', 5)).toBe('abcd…');
  });
});
