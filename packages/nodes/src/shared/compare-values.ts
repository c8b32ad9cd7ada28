import type { Json } from '@attendflow/engine';
import { foldText } from './normalize-text.js';

/** Operators of field and variable rules. */
export const ruleOperators = ['equals', 'not-equals', 'contains', 'exists', 'gt', 'lt'] as const;

/** One of {@link ruleOperators}. */
export type RuleOperator = (typeof ruleOperators)[number];

/**
 * Applies a rule operator to a value read from the conversation (`undefined` when absent). Values
 * are typed in a form, so comparisons are forgiving: text ignores case and accents, `"10"` equals
 * `10`, `"true"` equals `true`; `gt` / `lt` compare numbers, or else text in code-point order (so
 * ISO dates work); `exists` is false for absent, `null` and blank text; `contains` looks inside
 * text or a list.
 *
 * @example
 * compareValues('São Paulo', 'equals', 'sao paulo'); // true
 * compareValues(['vip', 'b2b'], 'contains', 'VIP'); // true
 */
export function compareValues(
  actual: Json | undefined,
  operator: RuleOperator,
  expected: Json | undefined,
): boolean {
  switch (operator) {
    case 'exists':
      return (
        actual !== undefined &&
        actual !== null &&
        !(typeof actual === 'string' && actual.trim() === '')
      );
    case 'equals':
      return isEqual(actual, expected);
    case 'not-equals':
      return !isEqual(actual, expected);
    case 'contains':
      if (typeof actual === 'string' && isScalar(expected))
        return foldText(actual).includes(foldText(String(expected)));
      return Array.isArray(actual) && actual.some((item) => isEqual(item, expected));
    case 'gt':
      return order(actual, expected) > 0;
    case 'lt':
      return order(actual, expected) < 0;
  }
}

function isScalar(value: Json | undefined): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function asNumber(value: Json | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

function isEqual(actual: Json | undefined, expected: Json | undefined): boolean {
  if (actual === undefined || actual === null) return expected === undefined || expected === null;
  if (typeof actual === 'string' && typeof expected === 'string')
    return foldText(actual) === foldText(expected);
  const [a, b] = [asNumber(actual), asNumber(expected)];
  if (a !== undefined && b !== undefined) return a === b;
  if (
    (typeof actual === 'boolean' || typeof expected === 'boolean') &&
    isScalar(actual) &&
    isScalar(expected)
  ) {
    return foldText(String(actual)) === foldText(String(expected));
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** Sign of actual − expected, or NaN (every comparison false) when they do not compare. */
function order(actual: Json | undefined, expected: Json | undefined): number {
  const [a, b] = [asNumber(actual), asNumber(expected)];
  if (a !== undefined && b !== undefined) return Math.sign(a - b);
  if (typeof actual === 'string' && typeof expected === 'string')
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  return Number.NaN;
}
