// The HugMe filter / sort / page grammar (channel-apis.md §1.5) over stored tickets.

type Operator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin';
const operators = new Set<string>(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin']);

/** A parsed list query. */
export interface TicketQuery {
  filters: Array<{ field: string; op: Operator; value: string }>;
  sort: Array<{ field: string; desc: boolean }>;
  page: { number: number; size: number };
}

/** Parses `field[op]=v`, `sort[field]=ASC|DESC` and `page[size|number]`; others are ignored. */
export function parseTicketQuery(
  query: URLSearchParams,
  sizes: { default: number; max: number; overMax: 'clamp' | 'reject' },
): { ok: true; query: TicketQuery } | { ok: false; message: string } {
  const filters: TicketQuery['filters'] = [];
  const sort: TicketQuery['sort'] = [];
  let size = sizes.default;
  let number = 1;
  for (const [key, value] of query.entries()) {
    const match = /^([\w.]+)\[(\w+)\]$/.exec(key);
    if (!match) continue;
    const [, name = '', inner = ''] = match;
    if (name === 'sort') {
      if (!/^(asc|desc)$/i.test(value))
        return { ok: false, message: `sort[${inner}]: ASC or DESC` };
      sort.push({ field: inner, desc: value.toLowerCase() === 'desc' });
    } else if (name === 'page') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1)
        return { ok: false, message: `page[${inner}]: a positive integer` };
      if (inner === 'size') size = n;
      if (inner === 'number') number = n;
    } else if (operators.has(inner)) {
      filters.push({ field: name, op: inner as Operator, value });
    }
  }
  if (size > sizes.max) {
    if (sizes.overMax === 'reject')
      return { ok: false, message: `page[size]: at most ${sizes.max}` };
    size = sizes.max;
  }
  if (sort.length === 0) sort.push({ field: 'id', desc: false });
  return { ok: true, query: { filters, sort, page: { number, size } } };
}

/** The value at a dotted path; arrays of objects (customer.city) match on any element. */
function valuesAt(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const part of path.split('.')) {
    current = current.flatMap((value) => {
      const next = (value as Record<string, unknown> | null)?.[part];
      return Array.isArray(next) ? (next as unknown[]) : [next];
    });
  }
  return current;
}

/** Strings, numbers and booleans as text; anything else matches nothing. */
const scalarText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';

const isDateLike = (value: string) => /^\d{4}-\d{2}-\d{2}/.test(value);

function compare(actual: unknown, expected: string): number | null {
  if (actual === null || actual === undefined) return null;
  if (typeof actual === 'number') return actual - Number(expected);
  if (typeof actual === 'boolean') return Number(actual) - Number(expected === 'true');
  const text = scalarText(actual);
  // Dates are compared as instants; a date-only value is 00:00Z.
  if (isDateLike(text) && isDateLike(expected)) return Date.parse(text) - Date.parse(expected);
  return text.localeCompare(expected);
}

function holds(record: unknown, filter: TicketQuery['filters'][number]): boolean {
  const values = valuesAt(record, filter.field);
  const list = filter.value.split(',');
  const any = (test: (c: number | null) => boolean) =>
    values.some((v) => test(compare(v, filter.value)));
  switch (filter.op) {
    case 'eq':
      return any((c) => c === 0);
    case 'ne':
      return !any((c) => c === 0);
    case 'gt':
      return any((c) => c !== null && c > 0);
    case 'gte':
      return any((c) => c !== null && c >= 0);
    case 'lt':
      return any((c) => c !== null && c < 0);
    case 'lte':
      return any((c) => c !== null && c <= 0);
    case 'in':
      return values.some((v) => list.some((item) => compare(v, item) === 0));
    case 'nin':
      return !values.some((v) => list.some((item) => compare(v, item) === 0));
  }
}

/** Filters and sorts `records`; `page` cuts the result. */
export function runTicketQuery<T>(records: T[], query: TicketQuery): { total: number; page: T[] } {
  const matching = records.filter((record) => query.filters.every((f) => holds(record, f)));
  matching.sort((a, b) => {
    for (const { field, desc } of query.sort) {
      const [left] = valuesAt(a, field);
      const [right] = valuesAt(b, field);
      const c = compare(left, scalarText(right));
      if (c !== null && c !== 0) return desc ? -c : c;
    }
    return 0;
  });
  const start = (query.page.number - 1) * query.page.size;
  return { total: matching.length, page: matching.slice(start, start + query.page.size) };
}
