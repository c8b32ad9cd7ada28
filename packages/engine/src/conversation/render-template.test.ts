import { describe, expect, it } from 'vitest';
import { mayHavePlaceholders, renderTemplate } from './render-template.js';

describe('renderTemplate', () => {
  const scope = { customer: { name: 'Ana' }, order: 'A-17', n: 3, list: [1, 2] };

  it('fills placeholders from the scope, unknown paths as empty text', () => {
    expect(renderTemplate('Hi {{customer.name}}, {{ order }} x{{n}} {{list}}', scope)).toBe(
      'Hi Ana, A-17 x3 [1,2]',
    );
    expect(renderTemplate('[{{customer.cpf}}][{{missing.deep.path}}]', scope)).toBe('[][]');
  });

  it('says no placeholder only of texts that render as themselves (no scope needed)', () => {
    const texts = [
      'got it',
      '',
      '{ order }',
      '}}{{',
      '{order}}',
      '{ {order}}',
      'a {{ b',
      '{{order}}',
    ];
    for (const text of texts) {
      if (!mayHavePlaceholders(text)) expect(renderTemplate(text, scope)).toBe(text);
    }
    expect(texts.filter((text) => !mayHavePlaceholders(text))).toEqual([
      'got it',
      '',
      '{ order }',
      '{order}}',
      '{ {order}}',
    ]);
    expect(mayHavePlaceholders('Hi {{customer.name}}')).toBe(true);
  });
});
