import { sql } from 'drizzle-orm';
import { executeRows, type Db } from '../db/database.js';
import { MicroBatcher } from './micro-batcher.js';

/** An attendance as the opener (and `latestAttendance`) finds it. */
export interface Attendance {
  id: string;
  channel: string;
  status: string;
}

/** An inbound item's conversation to find, or to open when there is none. */
export interface OpenRequest {
  connectionId: string;
  channel: string;
  externalId: string;
  /** The flow whose latest version a new conversation is pinned to (null: none to open). */
  flowId: string | null;
  subject: string | null;
  customer: unknown;
  /** Whether a new conversation may be opened (the item starts one, the connection runs a flow). */
  mayOpen: boolean;
  /** Open a new attendance even beside a found one (a receptive-only channel's closed attendance). */
  isNewAttendance?: boolean;
}

/** What the statement found or opened for one request. */
export interface OpenOutcome {
  /** The attendance the external id named before (the open one, else the newest). */
  found: Attendance | null;
  /** The conversation this statement opened, pinned to its flow's latest version. */
  opened: { id: string; flowVersionId: string } | null;
}

/**
 * One statement for any number of requests, its text fixed so it is prepared once: each external
 * id's attendance is found (the open one, else the newest) and, where
 * none is and the request may open one, a conversation is inserted pinned to its flow's latest
 * version read in the statement itself (a publish in another process pins the next new one).
 * Racing another process or a twin request of the same batch, the unique open attendance makes one
 * insert win: both requests get its row.
 */
const openStatement = `with x as (
    select * from jsonb_to_recordset(:input::jsonb) as x(i int, connection_id uuid, channel text, external_id text,
      flow_id uuid, subject text, customer jsonb, may_open boolean, is_new_attendance boolean)),
  found as (
    select x.i, f.id, f.channel, f.status from x cross join lateral (
      select c.id, c.channel, c.status from conversations c
      where c.connection_id = x.connection_id and c.external_id = x.external_id
      order by c.status = 'closed', c.created_at desc limit 1) f),
  opened as (
    insert into conversations (connection_id, channel, external_id, flow_version_id, subject, customer)
    select x.connection_id, x.channel, x.external_id, v.id, x.subject, x.customer
    from x cross join lateral (
      select id from flow_versions where flow_id = x.flow_id order by number desc limit 1) v
    where x.may_open and (x.is_new_attendance or not exists (select 1 from found where found.i = x.i))
    on conflict do nothing
    returning id, connection_id, external_id, flow_version_id)
  select x.i, found.id::text as found_id, found.channel as found_channel, found.status as found_status,
    opened.id::text as opened_id, opened.flow_version_id::text as opened_version
  from x left join found on found.i = x.i
    left join opened on opened.connection_id = x.connection_id and opened.external_id = x.external_id
  order by x.i`;
const [statementHead, statementTail] = openStatement.split(':input') as [string, string];

interface OpenRow {
  i: number;
  found_id: string | null;
  found_channel: string | null;
  found_status: string | null;
  opened_id: string | null;
  opened_version: string | null;
}

/** Finds or opens the conversations of a group of requests in one statement (in their order). */
export async function openConversations(
  db: Db,
  requests: readonly OpenRequest[],
): Promise<OpenOutcome[]> {
  const input = JSON.stringify(
    requests.map((request, i) => ({
      i,
      connection_id: request.connectionId,
      channel: request.channel,
      external_id: request.externalId,
      flow_id: request.flowId,
      subject: request.subject,
      customer: request.customer,
      may_open: request.mayOpen && request.flowId !== null,
      is_new_attendance: request.isNewAttendance === true,
    })),
  );
  const rows = await executeRows<OpenRow>(
    db,
    sql`${sql.raw(statementHead)}${input}${sql.raw(statementTail)}`,
  );
  const outcomes: OpenOutcome[] = requests.map(() => ({ found: null, opened: null }));
  for (const row of rows) {
    outcomes[row.i] = {
      found:
        row.found_id === null
          ? null
          : { id: row.found_id, channel: row.found_channel ?? '', status: row.found_status ?? '' },
      opened:
        row.opened_id === null
          ? null
          : { id: row.opened_id, flowVersionId: row.opened_version ?? '' },
    };
  }
  return outcomes;
}

/**
 * Opening conversations as traffic brings them: requests waiting while a statement is in flight
 * go together as one (a burst of new customers costs a few statements, not two each).
 */
export function createConversationOpener(
  db: Db,
  maxInFlight: number,
): MicroBatcher<OpenRequest, OpenOutcome> {
  return new MicroBatcher((requests) => openConversations(db, requests), maxInFlight);
}
