import { describe, expect, it } from 'vitest';
import { messagesEn } from './messages-en';
import { messagesPtBr } from './messages-pt-br';
import { pickLocale, translate } from './translate';

describe('translate', () => {
  it('fills placeholders and keeps unknown ones', () => {
    expect(translate('en', 'issues.errors', { count: 3 })).toBe('3 error(s)');
    expect(translate('pt-BR', 'issues.errors', { count: 3 })).toBe('3 erro(s)');
    expect(translate('en', 'issues.errors')).toBe('{count} error(s)');
  });

  it('has the same placeholders in every catalog', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messagesEn) as (keyof typeof messagesEn)[]) {
      expect([key, names(messagesPtBr[key])]).toEqual([key, names(messagesEn[key])]);
    }
  });
});

describe('pickLocale', () => {
  it('prefers the saved choice, then the browser, then English', () => {
    expect(pickLocale('en', ['pt-BR'])).toBe('en');
    expect(pickLocale(null, ['pt-PT', 'en'])).toBe('pt-BR');
    expect(pickLocale('xx', ['de', 'en-US'])).toBe('en');
    expect(pickLocale(null, ['de'])).toBe('en');
  });
});
