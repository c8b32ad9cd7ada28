import type { Database } from '../src/db/database.js';

/**
 * The bench's database as a deployment's is after a while: the history of `count` closed
 * conversations, copies of one real conversation's rows (the conversation, its event log, its
 * transcript, its sent deliveries), then `analyze`, as autovacuum would have run meanwhile. On
 * empty tables never analyzed, every statement's generic plan is made for tables of no rows
 * (sequential scans) and kept while the tables grow by the bench's own traffic: a fresh install's
 * first minute, not its life. Both ours and the ceiling then run on the same tables.
 */
export async function seedHistory(
  database: Database,
  templateId: string,
  count: number,
): Promise<void> {
  const copies = (table: string, alias: string) =>
    `from conversations h join ${table} ${alias} on ${alias}.conversation_id = $1 where h.external_id like 'history-%'`;
  await database.rows(
    `insert into conversations (connection_id, channel, external_id, flow_version_id, status, flow_state,
       customer, snapshot, version, created_at, updated_at, closed_at)
     select c.connection_id, c.channel, 'history-' || g, c.flow_version_id, 'closed', '$closed', c.customer,
       jsonb_set(c.snapshot, '{value}', '"$closed"'), c.version, at, at, at
     from conversations c, generate_series(1, $2::int) g, lateral (select now() - g * interval '1 minute' as at) t
     where c.id = $1`,
    [templateId, count],
  );
  await database.rows(
    `insert into events (conversation_id, connection_id, seq, type, payload, dedup_key, actor, flow_version_id,
       trace, effects, created_at)
     select h.id, e.connection_id, e.seq, e.type, e.payload, e.dedup_key || ':' || h.external_id, e.actor,
       e.flow_version_id, e.trace, e.effects, h.created_at
     ${copies('events', 'e')}`,
    [templateId],
  );
  await database.rows(
    `insert into messages (conversation_id, local_id, direction, author, agent_id, visibility, text, attachments,
       node_id, state, error, created_at, not_before, sent_at)
     select h.id, m.local_id, m.direction, m.author, m.agent_id, m.visibility, m.text, m.attachments, m.node_id,
       m.state, m.error, h.created_at, m.not_before, h.created_at
     ${copies('messages', 'm')}`,
    [templateId],
  );
  await database.rows(
    `insert into outbox (conversation_id, connection_id, kind, message_id, payload, idempotency_key, state, attempts,
       next_attempt_at, created_at, sent_at)
     select h.id, o.connection_id, o.kind, o.message_id, o.payload, o.idempotency_key || ':' || h.external_id,
       'sent', 1, h.created_at, h.created_at, h.created_at
     ${copies('outbox', 'o')}`,
    [templateId],
  );
  await database.rows('analyze');
}
