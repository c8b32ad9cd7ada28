import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type {
  ConversationEvent,
  ConversationEventInput,
  ConversationFields,
  StepResult,
} from '@attendflow/engine';
import type { Db } from '../db/database.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

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
}

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

/**
 * Writes everything one step did as one statement (one round trip, atomic on its own or inside the
 * caller's transaction): the conversation's snapshot and fields, guarded by its version and the
 * event's dedup key, then the event (with its trace and effects), inbound and outbound messages,
 * outbox rows, timers armed and cancelled. Returns false, having written nothing, when the row's
 * version moved on or the dedup key was already applied.
 */
export async function persistStep(db: Db | Tx, step: AppliedStep): Promise<boolean> {
  const { row, event, result, seq } = step;
  const at = new Date(step.now).toISOString();
  const parts = collect(step);
  const sets: SQL[] = [
    sql`snapshot = ${step.snapshotJson}::jsonb`,
    sql`flow_state = ${result.snapshot.value}`,
    sql`version = ${seq}`,
    sql`updated_at = ${at}::timestamptz`,
  ];
  for (const [key, value] of Object.entries(parts.changes) as [
    keyof ConversationFields,
    unknown,
  ][]) {
    const column = sql.raw(fieldColumns[key]);
    sets.push(
      key === 'answerDueAt'
        ? sql`${column} = ${value === null ? null : new Date(value as number).toISOString()}::timestamptz`
        : sql`${column} = ${value as string | null}`,
    );
  }
  if (parts.changes.status === 'closed') sets.push(sql`closed_at = ${at}::timestamptz`);
  const unseen = step.dedupKey
    ? sql` and not exists (select 1 from events where connection_id = ${row.connectionId} and dedup_key = ${step.dedupKey})`
    : sql``;
  const ctes: SQL[] = [
    sql`c as (update conversations set ${sql.join(sets, sql`, `)}
      where id = ${row.id} and version = ${step.expectedVersion}${unseen} returning id)`,
    sql`e as (insert into events (conversation_id, connection_id, seq, type, payload, dedup_key, actor, flow_version_id, trace, effects, created_at)
      select c.id, ${row.connectionId}, ${seq}, ${event.type}, ${JSON.stringify(event)}::jsonb, ${step.dedupKey}, ${step.actor},
        ${row.flowVersionId}, ${JSON.stringify(result.trace)}::jsonb, ${JSON.stringify(result.effects)}::jsonb, ${at}::timestamptz from c)`,
  ];
  if (parts.messages.length > 0)
    ctes.push(sql`m as (insert into messages (id, conversation_id, local_id, direction, author, agent_id, visibility, text, attachments, node_id, state, created_at, not_before)
      select x.id, c.id, x.local_id, x.direction, x.author, x.agent_id, x.visibility, x.text, coalesce(x.attachments, '[]'::jsonb), x.node_id, x.state, ${at}::timestamptz, x.not_before
      from c, jsonb_to_recordset(${JSON.stringify(parts.messages)}::jsonb) as x(id uuid, local_id text, direction text, author text, agent_id text,
        visibility text, text text, attachments jsonb, node_id text, state text, not_before timestamptz))`);
  if (parts.outbox.length > 0)
    ctes.push(sql`o as (insert into outbox (conversation_id, connection_id, kind, message_id, payload, idempotency_key, next_attempt_at)
      select c.id, ${row.connectionId}, x.kind, x.message_id, x.payload, x.idempotency_key, x.next_attempt_at
      from c, jsonb_to_recordset(${JSON.stringify(parts.outbox)}::jsonb) as x(kind text, message_id uuid, payload jsonb, idempotency_key text, next_attempt_at timestamptz))`);
  if (parts.cancelled.length > 0)
    ctes.push(sql`tc as (delete from timers where conversation_id = ${row.id} and exists (select from c)
      and timer_id in (select jsonb_array_elements_text(${JSON.stringify(parts.cancelled)}::jsonb)))`);
  if (parts.armed.length > 0)
    ctes.push(sql`ta as (insert into timers (conversation_id, timer_id, due_at)
      select c.id, x.timer_id, x.due_at from c, jsonb_to_recordset(${JSON.stringify(parts.armed)}::jsonb) as x(timer_id text, due_at timestamptz)
      on conflict (conversation_id, timer_id) do update set due_at = excluded.due_at, claimed_until = null)`);
  const written = await db.execute<{ id: string }>(
    sql`with ${sql.join(ctes, sql`, `)} select id from c`,
  );
  const rows = Array.isArray(written) ? written : (written as { rows: unknown[] }).rows;
  return rows.length === 1;
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
