import { isPortuguese } from './locale.js';
import type { Rule, RuleGroup } from './rules.js';

/** The words of rule phrases, in English and in Portuguese. */
const words = {
  en: {
    says: 'says',
    or: 'or',
    and: 'and',
    channelIs: 'channel is',
    open: 'within business hours',
    closed: 'outside business hours',
    contains: 'contains',
    exists: 'is filled',
  },
  pt: {
    says: 'diz',
    or: 'ou',
    and: 'e',
    channelIs: 'canal é',
    open: 'dentro do horário de atendimento',
    closed: 'fora do horário de atendimento',
    contains: 'contém',
    exists: 'está preenchido',
  },
} as const;

type Words = (typeof words)['en' | 'pt'];

const wordsOf = (locale: string): Words => (isPortuguese(locale) ? words.pt : words.en);

/**
 * One short phrase for a rule, for canvas summaries, in English or Portuguese.
 *
 * @example
 * describeRule({ kind: 'channel', channels: ['telegram'] }); // 'channel is telegram'
 */
export function describeRule(rule: Rule, locale = 'en'): string {
  const w = wordsOf(locale);
  switch (rule.kind) {
    case 'keywords':
      return `${w.says} ${rule.keywords.map((keyword) => `«${keyword}»`).join(` ${w.or} `)}`;
    case 'channel':
      return `${w.channelIs} ${rule.channels.join(` ${w.or} `)}`;
    case 'customer-field':
      return `${rule.field} ${describeComparison(rule.operator, rule.value, w)}`;
    case 'variable':
      return `{{${rule.name}}} ${describeComparison(rule.operator, rule.value, w)}`;
    case 'business-hours':
      return rule.is === 'open' ? w.open : w.closed;
  }
}

/**
 * The rules of a group joined by `and` / `or` (`e` / `ou` in Portuguese).
 *
 * @example
 * describeRules({ match: 'any', rules }); // 'says «reembolso» or channel is telegram'
 */
export function describeRules(group: RuleGroup, locale = 'en'): string {
  const w = wordsOf(locale);
  return group.rules
    .map((rule) => describeRule(rule, locale))
    .join(group.match === 'all' ? ` ${w.and} ` : ` ${w.or} `);
}

const operatorSigns: Record<string, string> = {
  equals: '=',
  'not-equals': '≠',
  gt: '>',
  lt: '<',
};

function describeComparison(operator: string, value: unknown, w: Words): string {
  if (operator === 'exists') return w.exists;
  const sign = operator === 'contains' ? w.contains : (operatorSigns[operator] ?? operator);
  return `${sign} ${JSON.stringify(value)}`;
}
