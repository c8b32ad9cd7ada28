import { channelRuleCodes, flowIssueCodes } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { consoleMessagesEn } from './messages-console-en';
import { consoleMessagesPtBr } from './messages-console-pt-br';
import { messagesEn } from './messages-en';
import { messagesPtBr } from './messages-pt-br';

const missing = (catalog: Record<string, string>, keys: string[]) =>
  keys.filter((key) => !Object.hasOwn(catalog, key) || catalog[key] === '');

describe('the catalogs word every engine code', () => {
  const issueKeys = Object.values(flowIssueCodes).map((code) => `issue.${code}`);
  const ruleKeys = Object.values(channelRuleCodes).map((code) => `rule.${code}`);

  it('has an issue text for every flow issue code, in both languages', () => {
    expect(missing(messagesEn, issueKeys)).toEqual([]);
    expect(missing(messagesPtBr, issueKeys)).toEqual([]);
  });

  it('has a refusal text for every channel rule code, in the console catalogs of both languages', () => {
    expect(missing(consoleMessagesEn, ruleKeys)).toEqual([]);
    expect(missing(consoleMessagesPtBr, ruleKeys)).toEqual([]);
  });
});
