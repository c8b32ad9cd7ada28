import { channelRuleCodes } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { refusalText } from './refusal-text';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('pt-BR', key, params);

describe('refusalText', () => {
  it('words a rule in the UI language, with its params', () => {
    expect(refusalText(channelRuleCodes.closed, 'the attendance is closed', t)).toBe(
      'O atendimento está encerrado.',
    );
    expect(
      refusalText(channelRuleCodes.bodyTooLong, 'too long', t, { length: 12, max: 10 }),
    ).toContain('12');
  });

  it('keeps the reason for an unknown code or a refusal without the values its text needs', () => {
    expect(refusalText('PLUGIN_RULE', 'plugin says no', t)).toBe('plugin says no');
    expect(refusalText(channelRuleCodes.publicAnswerLimit, 'at most 1', t)).toBe('at most 1');
  });
});
