import type { Rule, RuleGroup } from './rules.js';

/**
 * One short phrase for a rule, for canvas summaries.
 *
 * @example
 * describeRule({ kind: 'channel', channels: ['telegram'] }); // 'channel is telegram'
 */
export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case 'keywords':
      return `says ${rule.keywords.map((keyword) => `«${keyword}»`).join(' or ')}`;
    case 'channel':
      return `channel is ${rule.channels.join(' or ')}`;
    case 'customer-field':
      return `${rule.field} ${describeComparison(rule.operator, rule.value)}`;
    case 'variable':
      return `{{${rule.name}}} ${describeComparison(rule.operator, rule.value)}`;
    case 'business-hours':
      return rule.is === 'open' ? 'within business hours' : 'outside business hours';
  }
}

/**
 * The rules of a group joined by `and` / `or`.
 *
 * @example
 * describeRules({ match: 'any', rules }); // 'says «reembolso» or channel is telegram'
 */
export function describeRules(group: RuleGroup): string {
  return group.rules.map(describeRule).join(group.match === 'all' ? ' and ' : ' or ');
}

const operatorWords: Record<string, string> = {
  equals: '=',
  'not-equals': '≠',
  contains: 'contains',
  gt: '>',
  lt: '<',
};

function describeComparison(operator: string, value: unknown): string {
  if (operator === 'exists') return 'is filled';
  return `${operatorWords[operator] ?? operator} ${JSON.stringify(value)}`;
}
