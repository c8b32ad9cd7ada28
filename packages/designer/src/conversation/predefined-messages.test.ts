import { describe, expect, it } from 'vitest';
import { addPredefined, parsePredefined, removePredefined } from './predefined-messages';

describe('predefined messages', () => {
  it('reads a stored list and ignores damage', () => {
    expect(parsePredefined('["Olá", 3, "Obrigado"]')).toEqual(['Olá', 'Obrigado']);
    expect(parsePredefined('{')).toEqual([]);
    expect(parsePredefined(null)).toEqual([]);
  });

  it('adds at the top once, trimmed, and removes', () => {
    const list = addPredefined(addPredefined([], 'Olá'), '  Obrigado ');
    expect(list).toEqual(['Obrigado', 'Olá']);
    expect(addPredefined(list, 'Olá')).toEqual(['Olá', 'Obrigado']);
    expect(addPredefined(list, '   ')).toEqual(list);
    expect(removePredefined(list, 'Olá')).toEqual(['Obrigado']);
  });
});
