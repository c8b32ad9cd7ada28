import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import type { Database } from '../db/database.js';
import { ServerError } from '../services/errors.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-03-01');
const dayCount = z.object({ day: z.string(), key: z.string().nullable(), count: z.number() });
const durations = z.object({
  count: z.number(),
  avgSeconds: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});
const dashboardView = z.object({
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

/** The dashboard's figures. */
export type DashboardFigures = z.infer<typeof dashboardView>;

/** What the figures are filtered by: conversations created in [from, to] (UTC days). */
interface DashboardFilter {
  from: string;
  to: string;
  channel: string | undefined;
  sector: string | undefined;
}

const defaultDays = 30;
const maxDays = 366;

/** The admins' dashboard: conversations per day, response and resolution times, answer windows, evaluations, failed deliveries. */
export const dashboardRoutes: FastifyPluginAsyncZod<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireAdmin);

  app.get(
    '/dashboard',
    {
      schema: {
        summary: 'Figures of the conversations created in a period (UTC days, both ends included)',
        querystring: z.strictObject({
          from: day.optional(),
          to: day.optional(),
          channel: z.string().min(1).max(100).optional(),
          sector: z.string().min(1).max(200).optional(),
        }),
        response: { 200: dashboardView },
      },
    },
    async (request) => {
      const filter = periodOf(request.query, core.now());
      // The answer deadline is a channel policy (Wish: 48 h): read it from the registry, not SQL.
      const deadlines = Object.fromEntries(
        [...core.registry.channels.values()]
          .filter((c) => c.policies.answerDeadlineMs !== undefined)
          .map((c) => [c.type, c.policies.answerDeadlineMs]),
      ) as Record<string, number>;
      return dashboardFigures(core.database, filter, deadlines, core.now());
    },
  );
};

function periodOf(
  query: { from?: string | undefined; to?: string | undefined; channel?: string; sector?: string },
  now: number,
): DashboardFilter {
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
const toDurations = (row: Stats | undefined) => ({
  count: row?.count ?? 0,
  avgSeconds: row?.avg ?? null,
  medianSeconds: row?.median ?? null,
  p90Seconds: row?.p90 ?? null,
});

/** Computes every figure of the dashboard in SQL, on PGlite and PostgreSQL alike. */
async function dashboardFigures(
  database: Database,
  filter: DashboardFilter,
  deadlines: Record<string, number>,
  now: number,
): Promise<DashboardFigures> {
  const params = [filter.from, filter.to, filter.channel ?? null, filter.sector ?? null];
  const perDay = (column: string) =>
    database.rows<{ day: string; key: string | null; count: number }>(
      `${scope} select ${dayOf('created_at')} as day, ${column} as key, count(*)::int as count
       from scope group by 1, 2 order by 1, 2 nulls last`,
      params,
    );
  const [byChannel, bySector, [first], [resolution], windows, [evaluation], scores, failed] =
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
      database.rows<{
        count: number;
        avg_score: number | null;
        resolved: number;
        not_resolved: number;
        good: number;
        bad: number;
      }>(
        `${scope}, evaluations as (
           select e.payload from scope s join events e on e.conversation_id = s.id
           where e.type = 'customer.evaluated')
         select count(*)::int as count, avg((payload->>'score')::float8)::float8 as avg_score,
                count(*) filter (where payload->>'resolved' = 'true')::int as resolved,
                count(*) filter (where payload->>'resolved' = 'false')::int as not_resolved,
                count(*) filter (where payload->>'rating' = 'good')::int as good,
                count(*) filter (where payload->>'rating' = 'bad')::int as bad
         from evaluations`,
        params,
      ),
      database.rows<{ score: number; count: number }>(
        `${scope} select round((e.payload->>'score')::numeric)::int as score, count(*)::int as count
         from scope s join events e on e.conversation_id = s.id
         where e.type = 'customer.evaluated' and e.payload->>'score' is not null group by 1 order by 1`,
        params,
      ),
      database.rows<{ day: string; key: string | null; count: number }>(
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
    evaluations: {
      count: evaluation?.count ?? 0,
      avgScore: evaluation?.avg_score ?? null,
      resolved: evaluation?.resolved ?? 0,
      notResolved: evaluation?.not_resolved ?? 0,
      good: evaluation?.good ?? 0,
      bad: evaluation?.bad ?? 0,
      scores,
    },
    failedDeliveries: { total: failed.reduce((sum, row) => sum + row.count, 0), byDay: failed },
  };
}
