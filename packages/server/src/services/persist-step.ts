import { and, eq, inArray } from 'drizzle-orm';
import type {
  ConversationEvent,
  ConversationEventInput,
  ConversationFields,
  StepResult,
} from '@attendflow/engine';
import type { Db } from '../db/database.js';
import { conversations, events, messages, outbox, timers } from '../db/schema/index.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type ConversationRow = typeof conversations.$inferSelect;

/** One applied step, as {@link persistStep} writes it. */
export interface AppliedStep {
  row: ConversationRow;
  event: ConversationEventInput;
  result: StepResult;
  seq: number;
  now: number;
  dedupKey: string | null;
  actor: string | null;
}

const fieldColumns: Record<keyof ConversationFields, keyof ConversationRow> = {
  status: 'status',
  sector: 'sector',
  occurrenceType: 'occurrenceType',
  occurrence: 'occurrence',
  solution: 'solution',
  assignee: 'assignee',
  queue: 'queue',
  answerDueAt: 'answerDueAt',
};

/**
 * Writes everything one step did, inside the caller's transaction: the event (with its trace and
 * effects), inbound and outbound messages, outbox rows, timers armed and cancelled, and the
 * conversation's snapshot and fields.
 */
export async function persistStep(tx: Tx, step: AppliedStep): Promise<void> {
  const { row, event, result, seq, now } = step;
  const at = new Date(now);
  await tx.insert(events).values({
    conversationId: row.id,
    connectionId: row.connectionId,
    seq,
    type: event.type,
    payload: event,
    dedupKey: step.dedupKey,
    actor: step.actor,
    flowVersionId: row.flowVersionId,
    trace: result.trace,
    effects: result.effects,
    createdAt: at,
  });
  const inbound = inboundText(event as ConversationEvent);
  if (inbound !== null) {
    await tx.insert(messages).values({
      conversationId: row.id,
      localId: `in${seq}`,
      direction: 'inbound',
      author: 'customer',
      text: inbound,
      state: 'received',
      createdAt: at,
    });
  }
  const changes: Partial<typeof conversations.$inferInsert> = {};
  const armed: Array<{ timerId: string; dueAt: Date }> = [];
  const cancelled: string[] = event.type === 'timer.fired' ? [event.timerId] : [];
  for (const effect of result.effects) {
    switch (effect.kind) {
      case 'message': {
        const [message] = await tx
          .insert(messages)
          .values({
            conversationId: row.id,
            localId: effect.id,
            direction: 'outbound',
            author: effect.author,
            agentId: effect.agentId ?? null,
            visibility: effect.visibility,
            text: effect.text,
            attachments: effect.attachments,
            nodeId: effect.nodeId ?? null,
            state: 'pending',
            createdAt: at,
            notBefore: new Date(effect.notBefore),
          })
          .returning({ id: messages.id });
        await tx.insert(outbox).values({
          conversationId: row.id,
          connectionId: row.connectionId,
          kind: 'message',
          messageId: message?.id ?? null,
          payload: effect,
          idempotencyKey: `${row.id}:${effect.id}`,
          nextAttemptAt: new Date(effect.notBefore),
        });
        break;
      }
      case 'channel.action':
        await tx.insert(outbox).values({
          conversationId: row.id,
          connectionId: row.connectionId,
          kind: 'action',
          payload: effect,
          idempotencyKey: `${row.id}:${effect.id}`,
          nextAttemptAt: new Date(effect.notBefore),
        });
        break;
      case 'timer.arm':
        armed.push({ timerId: effect.timerId, dueAt: new Date(effect.dueAt) });
        break;
      case 'timer.cancel':
        cancelled.push(effect.timerId);
        break;
      case 'conversation.update':
        for (const [key, value] of Object.entries(effect.changes) as [
          keyof ConversationFields,
          unknown,
        ][]) {
          (changes as Record<string, unknown>)[fieldColumns[key]] =
            key === 'answerDueAt' && typeof value === 'number' ? new Date(value) : value;
        }
        break;
      case 'message.blocked':
      case 'alert':
      case 'flow.stopped':
        // Kept in the event row's effects; live updates carry them to agents.
        break;
    }
  }
  if (cancelled.length > 0) {
    await tx
      .delete(timers)
      .where(and(eq(timers.conversationId, row.id), inArray(timers.timerId, cancelled)));
  }
  if (armed.length > 0) {
    await tx
      .insert(timers)
      .values(armed.map((timer) => ({ conversationId: row.id, ...timer })))
      .onConflictDoUpdate({
        target: [timers.conversationId, timers.timerId],
        set: { dueAt: at, claimedUntil: null },
      });
  }
  await tx
    .update(conversations)
    .set({
      ...changes,
      snapshot: result.snapshot,
      flowState: result.snapshot.value,
      version: seq,
      updatedAt: at,
      ...(changes.status === 'closed' ? { closedAt: at } : {}),
    })
    .where(eq(conversations.id, row.id));
}

function inboundText(event: ConversationEvent): string | null {
  if (event.type === 'customer.message') return event.text;
  if (event.type === 'conversation.started') return event.text ?? null;
  return null;
}
