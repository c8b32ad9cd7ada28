import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type {
  ConversationEvent,
  ConversationEventInput,
  ConversationFields,
  StepResult,
} from '@attendflow/engine';
import { executeRows, type Db, type Tx } from '../db/database.js';
import type { OutboxRow } from './outbox-row.js';
import { liveChannel } from './pg-live-bus.js';

/** One applied step, as {@link persistStep} writes it. */
export interface AppliedStep {
  row: { id: string; connectionId: string; flowVersionId: string };
  /** The row's version the step was computed from: nothing is written if it moved on. */
  expectedVersion: number;
  event: ConversationEventInput;
  result: StepResult;
  /** The snapshot as JSON (the caller keeps the same text as its cached state). */
  snapshotJson: string;
  seq: number;
  now: number;
  dedupKey: string | null;
  actor: string | null;
  /** Live-update payloads the statement sends with `pg_notify` if, and when, the step commits. */
  notify: readonly string[];
  /**
   * Hand the step's outbox rows straight to this process's delivery: inserted already claimed until
   * `until` when they are due now and no earlier row of the conversation is pending except `own`
   * (those this process holds, in order). Null: the rows wait for a claim.
   */
  handOff: { until: number; own: readonly string[] } | null;
}

/** An outbox row the statement inserted already claimed (see {@link AppliedStep.handOff}). */
export type HandedRow = OutboxRow;

/** The steps written, each with the outbox rows handed to this process's delivery. */
export type WrittenSteps = Map<string, HandedRow[]>;

/** The columns a `conversation.update` effect may set, each with the SQL that reads it from `x.changes`. */
const fieldColumns: Record<keyof ConversationFields, string> = {
  status: 'status',
  sector: 'sector',
  occurrenceType: 'occurrence_type',
  occurrence: 'occurrence',
  solution: 'solution',
  assignee: 'assignee',
  queue: 'queue',
  answerDueAt: 'answer_due_at',
};

const fieldSets = Object.entries(fieldColumns)
  .map(([key, column]) => {
    const value =
      key === 'answerDueAt' ? `(x.changes->>'${key}')::timestamptz` : `x.changes->>'${key}'`;
    return `${column} = case when x.changes ? '${key}' then ${value} else v.${column} end`;
  })
  .join(',\n      ');

/**
 * One statement for any number of steps (each of a different conversation), its text fixed so it
 * is prepared once (and the rows are found by primary key, whatever the planner guesses of the
 * input's size, and each dedup key is one index probe, never a scan of the event log): each step's row update is guarded by its version and dedup key, and the rows
 * a step adds are joined to the updates that happened, so a step whose guard fails writes nothing
 * while the others go ahead.
 */
const persistStatement = `with x as (
    select * from jsonb_to_recordset(:input::jsonb) as x(id uuid, connection_id uuid, flow_version_id uuid,
      expected int, seq int, snapshot jsonb, flow_state text, changes jsonb, is_closing boolean, at timestamptz,
      dedup_key text, actor text, type text, payload jsonb, trace jsonb, effects jsonb,
      messages jsonb, outbox jsonb, cancelled jsonb, armed jsonb, notify jsonb,
      hand_off_until timestamptz, own jsonb)),
  c as (update conversations v set snapshot = x.snapshot, flow_state = x.flow_state, version = x.seq, updated_at = x.at,
      ${fieldSets},
      closed_at = case when x.is_closing then x.at else v.closed_at end
    from x left join lateral (
        select true as is_seen from events d
        where d.connection_id = x.connection_id and d.dedup_key = x.dedup_key limit 1) seen on true
    where v.id = any(array(select id from x)) and v.id = x.id and v.version = x.expected
      and seen.is_seen is null
    returning v.id, v.external_id, v.customer, v.subject),
  w as (select x.* from x join c on c.id = x.id),
  e as (insert into events (conversation_id, connection_id, seq, type, payload, dedup_key, actor, flow_version_id, trace, effects, created_at)
    select id, connection_id, seq, type, payload, dedup_key, actor, flow_version_id, trace, effects, at from w),
  m as (insert into messages (id, conversation_id, local_id, direction, author, agent_id, visibility, text, attachments, node_id, state, created_at, not_before)
    select r.id, w.id, r.local_id, r.direction, r.author, r.agent_id, r.visibility, r.text, coalesce(r.attachments, '[]'::jsonb), r.node_id, r.state, w.at, r.not_before
    from w, jsonb_to_recordset(w.messages) as r(id uuid, local_id text, direction text, author text, agent_id text,
      visibility text, text text, attachments jsonb, node_id text, state text, not_before timestamptz)),
  o as (insert into outbox (conversation_id, connection_id, kind, message_id, payload, idempotency_key, next_attempt_at, claimed_until, attempts)
    select r.conversation_id, r.connection_id, r.kind, r.message_id, r.payload, r.idempotency_key, r.next_attempt_at,
      case when r.is_handed then r.hand_off_until end, case when r.is_handed then 1 else 0 end
    from (
      -- Handed off: due now, as every row before it in the step, and nothing earlier pending but ours.
      select w.id as conversation_id, w.connection_id, w.hand_off_until, r.*,
        w.hand_off_until is not null
          and bool_and(r.next_attempt_at <= w.at) over (partition by w.id order by r.ord)
          and not exists (select 1 from outbox p where p.conversation_id = w.id and p.state = 'pending'
            and p.id::text <> all (array(select jsonb_array_elements_text(w.own)))) as is_handed
      from w, rows from (jsonb_to_recordset(w.outbox) as (kind text, message_id uuid, payload jsonb,
          idempotency_key text, next_attempt_at timestamptz)) with ordinality
        as r(kind, message_id, payload, idempotency_key, next_attempt_at, ord)) r
    returning id, conversation_id, connection_id, kind, message_id, payload, idempotency_key, attempts,
      claimed_until is not null as is_handed),
  tc as (delete from timers t using w, jsonb_array_elements_text(w.cancelled) as k(timer_id)
    where t.conversation_id = w.id and t.timer_id = k.timer_id),
  ta as (insert into timers (conversation_id, timer_id, due_at)
    select w.id, r.timer_id, r.due_at from w, jsonb_to_recordset(w.armed) as r(timer_id text, due_at timestamptz)
    on conflict (conversation_id, timer_id) do update set due_at = excluded.due_at, claimed_until = null),
  n as (select pg_notify('${liveChannel}', p) from w, jsonb_array_elements_text(w.notify) as p),
  so as (update outbox set state = 'sent', sent_at = :sent_at::timestamptz, claimed_until = null, last_error = null
    where id = any(array(select jsonb_array_elements_text(:sent_ids::jsonb)::bigint)) returning message_id),
  sm as (update messages set state = 'sent', sent_at = :sent_at::timestamptz, error = null
    where id = any(array(select message_id from so where message_id is not null))),
  sn as (select pg_notify('${liveChannel}', p) from jsonb_array_elements_text(:sent_notify::jsonb) as p)
  select (select count(*) from n) + (select count(*) from sn) as notified,
    coalesce((select jsonb_agg(c.id) from c), '[]'::jsonb) as written,
    coalesce((select jsonb_agg(jsonb_build_object(
        'id', o.id::text, 'conversation_id', o.conversation_id, 'connection_id', o.connection_id, 'kind', o.kind,
        'message_id', o.message_id, 'payload', o.payload, 'idempotency_key', o.idempotency_key, 'attempts', o.attempts,
        'external_id', c.external_id, 'customer', c.customer, 'subject', c.subject) order by o.id)
      from o join c on c.id = o.conversation_id where o.is_handed), '[]'::jsonb) as handed`;
/** The statement's text around its parameters, in order (one prepared statement whatever the input). */
const statementParts = persistStatement.split(/:(input|sent_ids|sent_at|sent_notify)\b/);

/**
 * Delivered outbox rows to mark sent (with their messages) in the same statement, announced by
 * `notify` (`delivery.sent`, sent on commit): the step statement carries them when one goes, so a
 * delivery costs no statement of its own.
 */
export interface SentRows {
  ids: readonly string[];
  at: string;
  notify: readonly string[];
}

/**
 * Writes everything the steps did, each step of a different conversation, as one statement (one
 * round trip; atomic on its own or inside the caller's transaction), with the delivered rows
 * `sent` marks (none, or no steps, allowed): each conversation's snapshot
 * and fields, guarded by its version and the event's dedup key, then the event (with its trace and
 * effects), inbound and outbound messages, outbox rows, timers armed and cancelled, and the live
 * updates that announce the step (`pg_notify`, sent on commit). Returns the conversations
 * written, each with the outbox rows handed to this process; a step whose row moved on or whose
 * dedup key was already applied wrote nothing.
 */
export async function persistSteps(
  db: Db | Tx,
  steps: readonly AppliedStep[],
  sent: SentRows | null = null,
): Promise<WrittenSteps> {
  const values: Record<string, string | null> = {
    input: `[${steps.map(toInput).join(',')}]`,
    sent_ids: JSON.stringify(sent?.ids ?? []),
    sent_at: sent?.at ?? null,
    sent_notify: JSON.stringify(sent?.notify ?? []),
  };
  const query = sql.join(
    statementParts.map((part, index) =>
      index % 2 === 0 ? sql.raw(part) : sql`${values[part] ?? null}`,
    ),
  );
  const [row] = await executeRows<{ written: string[]; handed: HandedRow[] }>(db, query);
  // The conversations written, each with its handed rows in order (one aggregate for them all,
  // not one per conversation).
  const written: WrittenSteps = new Map((row?.written ?? []).map((id) => [id, []]));
  for (const handed of row?.handed ?? []) written.get(handed.conversation_id)?.push(handed);
  return written;
}

/** {@link persistSteps} for one step: its handed rows if it was written, else null. */
export async function persistStep(db: Db | Tx, step: AppliedStep): Promise<HandedRow[] | null> {
  return (await persistSteps(db, [step])).get(step.row.id) ?? null;
}

/** One element of the statement's input; the snapshot's JSON text is spliced in as it is. */
function toInput(step: AppliedStep): string {
  const { row, event, result } = step;
  const at = new Date(step.now).toISOString();
  const parts = collect(step);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parts.changes))
    changes[key] =
      key === 'answerDueAt' && value !== null ? new Date(value as number).toISOString() : value;
  const fields = JSON.stringify({
    id: row.id,
    connection_id: row.connectionId,
    flow_version_id: row.flowVersionId,
    expected: step.expectedVersion,
    seq: step.seq,
    flow_state: result.snapshot.value,
    changes,
    is_closing: parts.changes.status === 'closed',
    at,
    dedup_key: step.dedupKey,
    actor: step.actor,
    type: event.type,
    payload: event,
    trace: result.trace,
    effects: result.effects,
    messages: parts.messages,
    outbox: parts.outbox,
    cancelled: parts.cancelled,
    armed: parts.armed,
    notify: step.notify,
    hand_off_until: step.handOff ? new Date(step.handOff.until).toISOString() : null,
    own: step.handOff?.own ?? [],
  });
  return `${fields.slice(0, -1)},"snapshot":${step.snapshotJson}}`;
}

/** Whether an effect becomes an outbox row (the cases `collect` queues). */
export function queuesOutbox(effect: StepResult['effects'][number]): boolean {
  return effect.kind === 'message' || effect.kind === 'channel.action';
}

/** The rows a step's effects turn into. */
function collect(step: AppliedStep) {
  const { row, event, result, seq } = step;
  const messages: Array<Record<string, unknown>> = [];
  const outbox: Array<Record<string, unknown>> = [];
  const armed = new Map<string, string>();
  const cancelled = new Set<string>(event.type === 'timer.fired' ? [event.timerId] : []);
  const changes: Partial<Record<keyof ConversationFields, unknown>> = {};
  const inbound = inboundText(event as ConversationEvent);
  if (inbound !== null) {
    messages.push({
      id: randomUUID(),
      local_id: `in${seq}`,
      direction: 'inbound',
      author: 'customer',
      text: inbound,
      state: 'received',
    });
  }
  for (const effect of result.effects) {
    switch (effect.kind) {
      case 'message': {
        const id = randomUUID();
        const notBefore = new Date(effect.notBefore).toISOString();
        messages.push({
          id,
          local_id: effect.id,
          direction: 'outbound',
          author: effect.author,
          agent_id: effect.agentId ?? null,
          visibility: effect.visibility,
          text: effect.text,
          attachments: effect.attachments,
          node_id: effect.nodeId ?? null,
          state: 'pending',
          not_before: notBefore,
        });
        outbox.push({
          kind: 'message',
          message_id: id,
          payload: effect,
          idempotency_key: `${row.id}:${effect.id}`,
          next_attempt_at: notBefore,
        });
        break;
      }
      case 'channel.action':
        outbox.push({
          kind: 'action',
          message_id: null,
          payload: effect,
          idempotency_key: `${row.id}:${effect.id}`,
          next_attempt_at: new Date(effect.notBefore).toISOString(),
        });
        break;
      case 'timer.arm':
        armed.set(effect.timerId, new Date(effect.dueAt).toISOString());
        break;
      case 'timer.cancel':
        cancelled.add(effect.timerId);
        break;
      case 'conversation.update':
        for (const [key, value] of Object.entries(effect.changes))
          if (value !== undefined) changes[key as keyof ConversationFields] = value;
        break;
      case 'message.blocked':
      case 'alert':
      case 'flow.stopped':
        // Kept in the event row's effects; live updates carry them to agents.
        break;
    }
  }
  // Cancelled then armed again in the same step: the new timer stands (one statement cannot
  // delete and re-insert the same row).
  for (const timerId of armed.keys()) cancelled.delete(timerId);
  return {
    messages,
    outbox,
    cancelled: [...cancelled],
    armed: [...armed].map(([timer_id, due_at]) => ({ timer_id, due_at })),
    changes,
  };
}

function inboundText(event: ConversationEvent): string | null {
  if (event.type === 'customer.message') return event.text;
  if (event.type === 'conversation.started') return event.text ?? null;
  return null;
}
