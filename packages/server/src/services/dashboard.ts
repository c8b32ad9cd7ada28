import type { Registry } from '@attendflow/engine';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { ServerError } from './errors.js';

const dayCount = z.object({ day: z.string(), key: z.string().nullable(), count: z.number() });
const durations = z.object({
  count: z.number(),
  avgSeconds: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});

/** The dashboard's figures (the response schema). */
export const dashboardFiguresSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  perDay: z.object({ byChannel: z.array(dayCount), bySector: z.array(dayCount) }),
  firstResponse: durations,
  resolution: durations,
  answerWindow: z.array(
    z.object({
      channel: z.string(),
      deadlineHours: z.number(),
      inTime: z.number(),
      late: z.number(),
      open: z.number(),
    }),
  ),
  evaluations: z.object({
    count: z.number(),
    avgScore: z.number().nullable(),
    resolved: z.number(),
    notResolved: z.number(),
    good: z.number(),
    bad: z.number(),
    scores: z.array(z.object({ score: z.number(), count: z.number() })),
  }),
  failedDeliveries: z.object({ total: z.number(), byDay: z.array(dayCount) }),
});

/** {@link dashboardFiguresSchema}'s type. */
export type DashboardFigures = z.infer<typeof dashboardFiguresSchema>;
type DayCount = z.infer<typeof dayCount>;
type Durations = z.infer<typeof durations>;

/** What the figures are asked for: UTC days (`YYYY-MM-DD`, both ends included), channel, sector. */
export interface DashboardQuery {
  from?: string | undefined;
  to?: string | undefined;
  channel?: string | undefined;
  sector?: string | undefined;
}

/** What the dashboard reads. */
export interface DashboardDeps {
  database: Database;
  registry: Registry;
  now: number;
}

interface DashboardFilter {
  from: string;
  to: string;
  channel: string | undefined;
  sector: string | undefined;
}

const defaultDays = 30;
const maxDays = 366;

// Conversations of the filter; $1 from, $2 to (inclusive days), $3 channel, $4 sector (null = any).
const scope = `with scope as (
  select c.* from conversations c
  where c.created_at >= $1::date and c.created_at < $2::date + 1
    and ($3::text is null or c.channel = $3) and ($4::text is null or c.sector = $4))`;
const dayOf = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;
const stats = (seconds: string) => `count(${seconds})::int as count,
  avg(${seconds})::float8 as avg, percentile_cont(0.5) within group (order by ${seconds})::float8 as median,
  percentile_cont(0.9) within group (order by ${seconds})::float8 as p90`;

type Stats = { count: number; avg: number | null; median: number | null; p90: number | null };
const toDurations = (row: Stats | undefined): Durations => ({
  count: row?.count ?? 0,
  avgSeconds: row?.avg ?? null,
  medianSeconds: row?.median ?? null,
  p90Seconds: row?.p90 ?? null,
});

/**
 * Figures of the conversations created in a period (the last 30 days by default, at most 366),
 * each computed in SQL, on PGlite and PostgreSQL alike.
 */
export async function dashboardFigures(
  deps: DashboardDeps,
  query: DashboardQuery,
): Promise<DashboardFigures> {
  const { database, now } = deps;
  const filter = periodOf(query, now);
  const deadlines = answerDeadlines(deps.registry);
  const params = [filter.from, filter.to, filter.channel ?? null, filter.sector ?? null];
  const perDay = (column: string) =>
    database.rows<DayCount>(
      `${scope} select ${dayOf('created_at')} as day, ${column} as key, count(*)::int as count
       from scope group by 1, 2 order by 1, 2 nulls last`,
      params,
    );
  const [byChannel, bySector, [first], [resolution], windows, evaluations, failed] =
    await Promise.all([
      perDay('channel'),
      perDay('sector'),
      // First response: the first message an agent (a person) wrote; bot acknowledgements do not count.
      database.rows<Stats>(
        `${scope}, firsts as (
           select extract(epoch from min(m.created_at) - s.created_at)::float8 as seconds
           from scope s join messages m on m.conversation_id = s.id
           where m.direction = 'outbound' and m.author = 'agent' group by s.id, s.created_at)
         select ${stats('seconds')} from firsts`,
        params,
      ),
      database.rows<Stats>(
        `${scope}, closed as (
           select extract(epoch from closed_at - created_at)::float8 as seconds
           from scope where closed_at is not null)
         select ${stats('seconds')} from closed`,
        params,
      ),
      // Each run of customer messages starts a window; the next company message answers it.
      database.rows<{ channel: string; in_time: number; late: number; open: number }>(
        `${scope}, ordered as (
           select s.channel, m.conversation_id, m.direction, m.created_at, m.state,
                  lag(m.direction) over (partition by m.conversation_id order by m.created_at, m.id) as previous
           from scope s join messages m on m.conversation_id = s.id
           where ($5::jsonb ->> s.channel) is not null and m.state <> 'dead'),
         windows as (
           select o.channel, o.created_at as opened_at,
                  o.created_at + (($5::jsonb ->> o.channel)::bigint * interval '1 millisecond') as due_at,
                  (select min(a.created_at) from ordered a
                   where a.conversation_id = o.conversation_id and a.direction = 'outbound'
                     and a.created_at >= o.created_at) as answered_at
           from ordered o where o.direction = 'inbound' and o.previous is distinct from 'inbound')
         select channel,
                count(*) filter (where answered_at <= due_at)::int as in_time,
                count(*) filter (where answered_at > due_at or (answered_at is null and due_at < $6::timestamptz))::int as late,
                count(*) filter (where answered_at is null and due_at >= $6::timestamptz)::int as open
         from windows group by channel order by channel`,
        [...params, JSON.stringify(deadlines), new Date(now).toISOString()],
      ),
      evaluationFigures(database, params),
      database.rows<DayCount>(
        `${scope} select ${dayOf('o.created_at')} as day, s.channel as key, count(*)::int as count
         from scope s join outbox o on o.conversation_id = s.id
         where o.state = 'dead' group by 1, 2 order by 1, 2`,
        params,
      ),
    ]);
  return {
    period: { from: filter.from, to: filter.to },
    perDay: { byChannel, bySector },
    firstResponse: toDurations(first),
    resolution: toDurations(resolution),
    answerWindow: windows.map((w) => ({
      channel: w.channel,
      deadlineHours: (deadlines[w.channel] ?? 0) / 3_600_000,
      inTime: w.in_time,
      late: w.late,
      open: w.open,
    })),
    evaluations,
    failedDeliveries: { total: failed.reduce((sum, row) => sum + row.count, 0), byDay: failed },
  };
}

/**
 * The evaluations' totals and their count per score, in one pass over them: the empty grouping
 * set is the totals' row (there even when nothing was evaluated), the other one row per score.
 */
async function evaluationFigures(
  database: Database,
  params: unknown[],
): Promise<DashboardFigures['evaluations']> {
  const rows = await database.rows<{
    is_total: boolean;
    score: number | null;
    count: number;
    avg_score: number | null;
    resolved: number;
    not_resolved: number;
    good: number;
    bad: number;
  }>(
    `${scope}, evaluations as (
       select e.payload, round((e.payload->>'score')::numeric)::int as score
       from scope s join events e on e.conversation_id = s.id
       where e.type = 'customer.evaluated')
     select grouping(score) = 1 as is_total, score,
            count(*)::int as count, avg((payload->>'score')::float8)::float8 as avg_score,
            count(*) filter (where payload->>'resolved' = 'true')::int as resolved,
            count(*) filter (where payload->>'resolved' = 'false')::int as not_resolved,
            count(*) filter (where payload->>'rating' = 'good')::int as good,
            count(*) filter (where payload->>'rating' = 'bad')::int as bad
     from evaluations group by grouping sets ((), (score)) order by score`,
    params,
  );
  const total = rows.find((row) => row.is_total);
  return {
    count: total?.count ?? 0,
    avgScore: total?.avg_score ?? null,
    resolved: total?.resolved ?? 0,
    notResolved: total?.not_resolved ?? 0,
    good: total?.good ?? 0,
    bad: total?.bad ?? 0,
    scores: rows.flatMap((row) =>
      !row.is_total && row.score !== null ? [{ score: row.score, count: row.count }] : [],
    ),
  };
}

// The answer deadline is a channel policy (Wish: 48 h): read from the registry, not kept in SQL.
function answerDeadlines(registry: Registry): Record<string, number> {
  const deadlines: Record<string, number> = {};
  for (const channel of registry.channels.values()) {
    const ms = channel.policies.answerDeadlineMs;
    if (ms !== undefined) deadlines[channel.type] = ms;
  }
  return deadlines;
}

function periodOf(query: DashboardQuery, now: number): DashboardFilter {
  const to = query.to ?? new Date(now).toISOString().slice(0, 10);
  const from =
    query.from ??
    new Date(Date.parse(to) - (defaultDays - 1) * 86_400_000).toISOString().slice(0, 10);
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (Number.isNaN(span) || span < 0)
    throw new ServerError(
      'VALIDATION_FAILED',
      'querystring.from: must be a date on or before "to"',
    );
  if (span >= maxDays)
    throw new ServerError('VALIDATION_FAILED', `querystring.from: at most ${maxDays} days at once`);
  return { from, to, channel: query.channel, sector: query.sector };
}
