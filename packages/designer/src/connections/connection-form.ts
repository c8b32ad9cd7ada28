import type { FieldSchema } from '../inspector/field-schema';

/** The settings schema of a channel as the inspector's form reads it, with its groups. */
export interface SettingsGroup {
  name: string | null;
  schema: FieldSchema;
}

/**
 * Splits a settings schema into its `ui.group`s, in declaration order, each a schema of its own so
 * the inspector's `ObjectFields` draws it as it draws node settings.
 */
export function groupsOf(schema: FieldSchema): SettingsGroup[] {
  const groups = new Map<string | null, Record<string, FieldSchema>>();
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    // `ui.group` reaches the JSON Schema as `group`; the inspector's FieldSchema does not name it.
    const group = (child as { group?: unknown }).group;
    const name = typeof group === 'string' ? group : null;
    groups.set(name, { ...(groups.get(name) ?? {}), [key]: child });
  }
  return [...groups].map(([name, properties]) => ({ name, schema: { ...schema, properties } }));
}

/** The fields the form starts with: each field's default, then the saved settings. */
export function initialSettings(
  schema: FieldSchema,
  saved: Record<string, unknown> = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(schema.properties ?? {}))
    if (child.default !== undefined) values[key] = child.default;
  return { ...values, ...saved };
}

/**
 * The settings to send: read-only fields are ours to fill (never sent); empty optional text is
 * left out; a secret left empty keeps its saved value (the server never returns it).
 */
export function settingsToSend(
  schema: FieldSchema,
  values: Record<string, unknown>,
  secretFields: readonly string[],
): Record<string, unknown> {
  const required = new Set(schema.required ?? []);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = schema.properties?.[key];
    if (!field || field.readOnly) continue;
    const isEmpty = value === '' || value === undefined || value === null;
    if (isEmpty && (secretFields.includes(key) || !required.has(key))) continue;
    if (typeof value === 'number' && Number.isNaN(value)) continue;
    out[key] = value;
  }
  return out;
}

/** The company pages a Reclame Aqui test found (`facts.companies`). */
export function companyPagesOf(
  facts: Record<string, unknown> | undefined,
): Array<{ companyId: string; name: string }> {
  const list = facts?.['companies'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const page = item as { companyId?: unknown; name?: unknown };
    return typeof page.companyId === 'number' || typeof page.companyId === 'string'
      ? [
          {
            companyId: String(page.companyId),
            name: typeof page.name === 'string' ? page.name : '',
          },
        ]
      : [];
  });
}

/** One period of Reclame Aqui's reputation (`facts.reputation`, §1.7.6). */
export interface ReputationPeriod {
  period: string;
  responseIndex: number | null;
  solutionsPercentage: number | null;
  dealAgainPercentage: number | null;
  finalGrade: number | null;
  complaintsCount: number | null;
  totalAnswered: number | null;
  totalNotAnswered: number | null;
  reputation: string | null;
}

const num = (value: unknown) => (typeof value === 'number' ? value : null);

/** The reputation periods of a test's facts, or [] when there are none. */
export function reputationOf(facts: Record<string, unknown> | undefined): ReputationPeriod[] {
  return reputationPeriodsOf(facts?.['reputation']);
}

/** Reclame Aqui's reputation periods as the vendor shapes them (§1.7.6), or [] when not a list. */
export function reputationPeriodsOf(list: unknown): ReputationPeriod[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => {
    const r = item as Record<string, unknown>;
    const period = r['period'] as { periodAlias?: unknown; periodKey?: unknown } | undefined;
    const reputation = r['reputation'] as { name?: unknown } | undefined;
    return {
      period:
        [period?.periodAlias, period?.periodKey].find((v): v is string => typeof v === 'string') ??
        '',
      responseIndex: num(r['responseIndex']),
      solutionsPercentage: num(r['solutionsPercentage']),
      dealAgainPercentage: num(r['dealAgainPercentage']),
      finalGrade: num(r['finalGrade']),
      complaintsCount: num(r['complaintsCount']),
      totalAnswered: num(r['totalAnswered']),
      totalNotAnswered: num(r['totalNotAnswered']),
      reputation: typeof reputation?.name === 'string' ? reputation.name : null,
    };
  });
}

/** The messages of settings that do not parse, by field; a secret already saved is not missing. */
export function settingsIssues(
  settings: {
    safeParse: (value: unknown) => {
      success: boolean;
      error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
    };
  },
  values: Record<string, unknown>,
  secretsSet: readonly string[],
): Map<string, string[]> {
  const issues = new Map<string, string[]>();
  const parsed = settings.safeParse(values);
  for (const issue of parsed.success ? [] : (parsed.error?.issues ?? [])) {
    const key = issue.path.map(String).join('.');
    if (secretsSet.includes(key) && values[key] === undefined) continue;
    issues.set(key, [...(issues.get(key) ?? []), issue.message]);
  }
  return issues;
}

/** What a channel's policies mean for flows, as tips for the admin (keys of the catalogs). */
export function policyTips(policies: {
  automaticVisibility?: 'public' | 'private' | undefined;
  publicAnswer?: { author: 'agent' | 'any'; max?: number | undefined } | undefined;
  receptiveOnly: boolean;
  answerDeadlineMs?: number | undefined;
}): Array<{
  key: 'tip.automaticPrivate' | 'tip.publicByAgent' | 'tip.receptiveOnly' | 'tip.deadline';
  params?: Record<string, number>;
}> {
  const tips: ReturnType<typeof policyTips> = [];
  if (policies.automaticVisibility === 'private') tips.push({ key: 'tip.automaticPrivate' });
  if (policies.publicAnswer?.author === 'agent')
    tips.push({ key: 'tip.publicByAgent', params: { max: policies.publicAnswer.max ?? 0 } });
  if (policies.receptiveOnly) tips.push({ key: 'tip.receptiveOnly' });
  if (policies.answerDeadlineMs !== undefined)
    tips.push({ key: 'tip.deadline', params: { hours: policies.answerDeadlineMs / 3_600_000 } });
  return tips;
}

/** The company pages to offer: those found, plus the saved one when the test has not run yet. */
export function pageOptions(
  found: ReadonlyArray<{ companyId: string; name: string }>,
  saved: unknown,
): Array<{ companyId: string; name: string }> {
  const isSaved = typeof saved === 'string' && saved !== '';
  return isSaved && !found.some((p) => p.companyId === saved)
    ? [...found, { companyId: saved, name: '' }]
    : [...found];
}
