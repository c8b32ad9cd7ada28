import { describe, expect, it } from 'vitest';
import { appendCompanies, canSearchCompanies, hasMoreCompanies } from './company-search';

const answer = (page: number, count: number, total: number | null) => ({
  items: Array.from({ length: count }, (_, i) => ({ companyId: `${page}-${i}`, name: 'x' })),
  page,
  limit: 10,
  total,
});

describe('company search', () => {
  it('searches from two letters', () => {
    expect(canSearchCompanies(' a ')).toBe(false);
    expect(canSearchCompanies('lo')).toBe(true);
  });

  it('knows when another page may hold more', () => {
    expect(hasMoreCompanies(answer(1, 10, 25))).toBe(true);
    expect(hasMoreCompanies(answer(3, 5, 25))).toBe(false);
    expect(hasMoreCompanies(answer(2, 10, 20))).toBe(false);
    // Without a total, a full page may be followed by another.
    expect(hasMoreCompanies(answer(1, 10, null))).toBe(true);
    expect(hasMoreCompanies(answer(1, 4, null))).toBe(false);
  });

  it('appends a page keeping each company once', () => {
    const a = { companyId: '1', name: 'A' };
    const b = { companyId: '2', name: 'B' };
    expect(appendCompanies([a], [a, b])).toEqual([a, b]);
  });
});
