import type { CompanySearchAnswer } from '../api/channel-queries-api';

/** A company a complaint can be moved to. */
export type Company = CompanySearchAnswer['items'][number];

/** Letters the channel needs before it searches (the query refuses fewer). */
export const minCompanySearchLength = 2;

/** Whether the text is enough to search. */
export function canSearchCompanies(text: string): boolean {
  return text.trim().length >= minCompanySearchLength;
}

/** Whether another page may hold more companies (the total when the channel gives it). */
export function hasMoreCompanies(answer: CompanySearchAnswer): boolean {
  return answer.total === null
    ? answer.items.length === answer.limit
    : answer.page * answer.limit < answer.total;
}

/** The companies shown after another page came in: in order, each once. */
export function appendCompanies(shown: readonly Company[], page: readonly Company[]): Company[] {
  const seen = new Set(shown.map((c) => c.companyId));
  return [...shown, ...page.filter((c) => !seen.has(c.companyId))];
}
