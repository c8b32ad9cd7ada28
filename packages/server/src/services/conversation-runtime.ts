import { and, eq } from 'drizzle-orm';
import type {
  ConversationEventInput,
  ConversationSnapshot,
  Engine,
  InboundItem,
  Rejection,
  StepResult,
} from '@attendflow/engine';
import type { Db } from '../db/database.js';
import { channelConnections, conversations, events } from '../db/schema/index.js';
import { persistStep } from './persist-step.js';
import { publishFlowTrace } from './flow-trace.js';
import type { FlowVersionCache } from './flow-versions.js';
import type { LiveBus } from './live-bus.js';
import { ServerError } from './errors.js';

/** What the runtime needs. */
export interface RuntimeDeps {
  db: Db;
  engine: Engine;
  versions: FlowVersionCache;
  live: LiveBus;
  now?: () => number;
  /** Called after each commit that queued outbound work. */
  onOutbound?: () => void;
  /** Called with every dispatch's outcome (for /metrics). */
  onOutcome?: (eventType: string, outcome: DispatchOutcome) => void;
}

/** The outcome of one event. */
export type DispatchOutcome =
  | {
      status: 'applied';
      conversationId: string;
      seq: number;
      effects: StepResult['effects'];
      trace: StepResult['trace'];
      flowVersionId: string;
    }
  | { status: 'duplicate'; conversationId: string }
  | { status: 'rejected'; conversationId: string; rejection: Rejection };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Runs conversations: each event in one transaction, under the conversation's row lock (one event
 * at a time across processes), deduplicated by the channel's delivery id, with the event log, the
 * new snapshot, the transcript, outbox rows and timers written together.
 */
export class ConversationRuntime {
  private readonly now: () => number;
  /** Called after each commit that queued outbound work (the host wakes its delivery worker). */
  onOutbound: (() => void) | undefined;
  constructor(private readonly deps: RuntimeDeps) {
    this.now = deps.now ?? Date.now;
    this.onOutbound = deps.onOutbound;
  }

  /** An inbound item from a channel: opens the conversation on its first event. */
  async ingest(connectionId: string, item: InboundItem): Promise<DispatchOutcome[]> {
    const { id, channel } = await this.findOrOpen(connectionId, item);
    const outcomes: DispatchOutcome[] = [];
    if (item.start) {
      // A first message travels in the start event: its delivery id then dedups both.
      const carriesEvent =
        item.event?.type === 'customer.message' && item.start.text === item.event.text;
      const started = await this.dispatch(
        id,
        { type: 'conversation.started', channel, externalId: item.externalId, ...item.start },
        {
          ...(carriesEvent && item.dedupKey ? { dedupKey: item.dedupKey } : {}),
          actor: 'customer',
          onlyIfNew: true,
        },
      );
      if (started.status === 'applied') {
        outcomes.push(started);
        if (carriesEvent) return outcomes;
      }
    }
    if (item.event) {
      const options = { ...(item.dedupKey ? { dedupKey: item.dedupKey } : {}), actor: 'customer' };
      outcomes.push(await this.dispatch(id, item.event, options));
    }
    return outcomes;
  }

  /** Applies one event to an existing conversation. */
  async dispatch(
    conversationId: string,
    event: ConversationEventInput,
    options: { dedupKey?: string; actor?: string; onlyIfNew?: boolean } = {},
  ): Promise<DispatchOutcome> {
    const { db, engine, versions } = this.deps;
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(conversations)
        .where(eq(conversations.id, conversationId))
        .for('update');
      if (!row) throw new ServerError('NOT_FOUND', `conversation ${conversationId} does not exist`);
      if (options.onlyIfNew && row.snapshot !== null)
        return { status: 'duplicate', conversationId } as const;
      if (options.dedupKey && (await this.seen(tx, row.connectionId, options.dedupKey))) {
        return { status: 'duplicate', conversationId } as const;
      }
      const version = await versions.get(tx, row.flowVersionId);
      const now = this.now();
      const result = engine.step(version, row.snapshot as ConversationSnapshot | null, event, now);
      if (result.rejection)
        return { status: 'rejected', conversationId, rejection: result.rejection } as const;
      const seq = row.version + 1;
      await persistStep(tx, {
        row,
        event,
        result,
        seq,
        now,
        dedupKey: options.dedupKey ?? null,
        actor: options.actor ?? null,
      });
      return {
        status: 'applied',
        conversationId,
        seq,
        effects: result.effects,
        trace: result.trace,
        flowVersionId: row.flowVersionId,
      } as const;
    });
    this.announce(conversationId, event.type, outcome);
    return outcome;
  }

  private announce(conversationId: string, eventType: string, outcome: DispatchOutcome): void {
    this.deps.onOutcome?.(eventType, outcome);
    if (outcome.status !== 'applied') return;
    const { live } = this.deps;
    publishFlowTrace(this.deps.db, live, { ...outcome, eventType });
    const update = { conversationId, seq: outcome.seq };
    live.publish({
      topic: `conversation:${conversationId}`,
      type: 'conversation.changed',
      data: update,
    });
    live.publish({ topic: 'inbox', type: 'conversation.changed', data: update });
    if (
      outcome.effects.some(
        (effect) => effect.kind === 'message' || effect.kind === 'channel.action',
      )
    ) {
      this.onOutbound?.();
    }
  }

  private async seen(tx: Tx, connectionId: string, dedupKey: string): Promise<boolean> {
    const [hit] = await tx
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.connectionId, connectionId), eq(events.dedupKey, dedupKey)))
      .limit(1);
    return hit !== undefined;
  }

  /** The conversation of an external id on a connection, created (pinned to the flow's latest version) if new. */
  private async findOrOpen(
    connectionId: string,
    item: InboundItem,
  ): Promise<{ id: string; channel: string }> {
    const { db, versions } = this.deps;
    const [existing] = await db
      .select({ id: conversations.id, channel: conversations.channel })
      .from(conversations)
      .where(
        and(
          eq(conversations.connectionId, connectionId),
          eq(conversations.externalId, item.externalId),
        ),
      );
    if (existing) return existing;
    const [connection] = await db
      .select()
      .from(channelConnections)
      .where(eq(channelConnections.id, connectionId));
    if (!connection)
      throw new ServerError('NOT_FOUND', `channel connection ${connectionId} does not exist`);
    if (!item.start) {
      throw new ServerError(
        'NOT_FOUND',
        `no conversation "${item.externalId}" on this connection to apply ${item.event?.type ?? 'the event'} to`,
      );
    }
    if (connection.status === 'disabled')
      throw new ServerError(
        'CONNECTION_DISABLED',
        `channel connection ${connection.name} is disabled`,
      );
    const versionId = connection.flowId ? await versions.latest(db, connection.flowId) : null;
    if (!versionId) {
      throw new ServerError(
        'CONNECTION_HAS_NO_FLOW',
        `channel connection ${connection.name} has no published flow to run`,
      );
    }
    const inserted = await db
      .insert(conversations)
      .values({
        connectionId,
        channel: connection.type,
        externalId: item.externalId,
        flowVersionId: versionId,
        subject: item.start?.subject ?? null,
        customer: item.start?.customer ?? { fields: {} },
      })
      .onConflictDoNothing()
      .returning({ id: conversations.id });
    if (inserted[0]) return { id: inserted[0].id, channel: connection.type };
    const [raced] = await db
      .select({ id: conversations.id, channel: conversations.channel })
      .from(conversations)
      .where(
        and(
          eq(conversations.connectionId, connectionId),
          eq(conversations.externalId, item.externalId),
        ),
      );
    if (!raced) throw new Error('conversation vanished while opening it');
    return raced;
  }
}
