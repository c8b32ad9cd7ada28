import { and, eq, sql } from 'drizzle-orm';
import type {
  ConversationEventInput,
  ConversationSnapshot,
  Engine,
  InboundItem,
  Rejection,
  StepResult,
} from '@attendflow/engine';
import type { Db } from '../db/database.js';
import { conversations, events } from '../db/schema/index.js';
import { persistStep, queuesOutbox, type AppliedStep, type HandedRow } from './persist-step.js';
import type { HandOff } from './hand-off.js';
import { createStepBatcher, type StepBatcher } from './step-batcher.js';
import type { MicroBatcher } from './micro-batcher.js';
import {
  createConversationOpener,
  type OpenOutcome,
  type OpenRequest,
} from './conversation-opener.js';
import { flowTraceUpdate } from './flow-trace.js';
import type { ConnectionService } from './connections.js';
import { latestAttendance } from './conversation-lookup.js';
import type { FlowVersionCache } from './flow-versions.js';
import { publishUnlessSent, statementPayloads, type LiveBus, type LiveUpdate } from './live-bus.js';
import { ServerError } from './errors.js';
import { LruMap } from '../lru-map.js';

/** What the runtime needs. */
export interface RuntimeDeps {
  db: Db;
  engine: Engine;
  versions: FlowVersionCache;
  /** Connections as webhooks read them (cached for a moment). */
  connections: ConnectionService;
  live: LiveBus;
  now?: () => number;
  /** Called after each commit that queued outbound work. */
  onOutbound?: () => void;
  /** Called with every dispatch's outcome (for /metrics). */
  onOutcome?: (eventType: string, outcome: DispatchOutcome) => void;
  /** Called with each group statement's time from sent to committed, ms (for /metrics). */
  onStepWrite?: (ms: number) => void;
  /** Active conversations whose last known state is kept in memory (least recently used go). */
  cacheSize?: number;
  /**
   * Group-commit statements in flight at once (2): on PostgreSQL they run side by side on two
   * connections; on PGlite, one after the other on its thread, the next one already there when
   * the last ends, while this thread gathers the group after it.
   */
  writeConcurrency?: number;
}

/** How one event is applied. */
export interface DispatchOptions {
  /** The channel's delivery id: an event already applied with it is a duplicate. */
  dedupKey?: string;
  actor?: string;
  /** Apply only to a conversation that has not started (a repeated start is a duplicate). */
  onlyIfNew?: boolean;
}

/** What the runtime remembers of an active conversation: its row as of `version`. */
interface LiveState {
  connectionId: string;
  flowVersionId: string;
  version: number;
  /**
   * Null before the first event. The object the last step left (or the row held): the engine never
   * mutates the snapshot it is given, so the next step starts from it without parsing JSON.
   */
  snapshot: ConversationSnapshot | null;
}

/** A step as written: its outcome, the state it leaves, and its outbound work. */
interface Written {
  outcome: Extract<DispatchOutcome, { status: 'applied' }>;
  state: LiveState;
  handed: HandedRow[];
  /** The delivery epoch the hand-off was asked at. */
  epoch: number;
  /** Outbox rows the step queued. */
  queued: number;
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

/**
 * Runs conversations: each event in one transaction, one event at a time per conversation across
 * processes, deduplicated by the channel's delivery id, with the event log, the new snapshot, the
 * transcript, outbox rows and timers written together. Active conversations' state is cached:
 * their events are one statement guarded by the row's version (a stale cache writes nothing and
 * the event goes through the row lock instead); idle ones are only in the database.
 */
export class ConversationRuntime {
  private readonly now: () => number;
  private readonly states: LruMap<string, LiveState>;
  /** (connection, external id) → conversation: fixed once the conversation exists. */
  private readonly opened: LruMap<string, { id: string; channel: string }>;
  /** Events of one conversation in this process run one after another (the tail of each chain). */
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly batcher: StepBatcher;
  private readonly opener: MicroBatcher<OpenRequest, OpenOutcome>;
  /** Called after each commit that queued outbound work (the host wakes its delivery worker). */
  onOutbound: (() => void) | undefined;
  /** This process's delivery, when it runs one: a step's due rows go to it at once. */
  handOff: HandOff | null = null;
  constructor(private readonly deps: RuntimeDeps) {
    this.now = deps.now ?? Date.now;
    this.onOutbound = deps.onOutbound;
    this.states = new LruMap(deps.cacheSize ?? 5_000);
    this.opened = new LruMap(deps.cacheSize ?? 5_000);
    const inFlight = deps.writeConcurrency ?? 2;
    this.batcher = createStepBatcher(
      deps.db,
      inFlight,
      () => this.handOff?.takeSent() ?? null,
      deps.onStepWrite,
    );
    this.opener = createConversationOpener(deps.db, inFlight);
  }

  /** An inbound item from a channel: opens the conversation on its first event. */
  async ingest(connectionId: string, item: InboundItem): Promise<DispatchOutcome[]> {
    const key = `${connectionId}\u0000${item.externalId}`;
    const cached = this.opened.get(key);
    // On a receptive-only channel a start may open a new attendance after a closed one: only the
    // row knows whether it closed, so such items look it up.
    const { id, channel } =
      cached && !(item.start && this.isReceptiveOnly(cached.channel))
        ? cached
        : await this.findOrOpen(connectionId, item);
    this.opened.set(key, { id, channel });
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

  /**
   * Applies one event to an existing conversation. Events of the same conversation wait for each
   * other here, so each is computed from the state the previous one left (and a group commit never
   * holds two steps of one conversation).
   */
  dispatch(
    conversationId: string,
    event: ConversationEventInput,
    options: DispatchOptions = {},
  ): Promise<DispatchOutcome> {
    const previous = this.tails.get(conversationId);
    const run = previous
      ? previous.then(
          () => this.dispatchNow(conversationId, event, options),
          () => this.dispatchNow(conversationId, event, options),
        )
      : this.dispatchNow(conversationId, event, options);
    this.tails.set(conversationId, run);
    const forget = () => {
      if (this.tails.get(conversationId) === run) this.tails.delete(conversationId);
    };
    run.then(forget, forget);
    return run;
  }

  private async dispatchNow(
    conversationId: string,
    event: ConversationEventInput,
    options: DispatchOptions,
  ): Promise<DispatchOutcome> {
    const cached = this.states.get(conversationId);
    const outcome =
      (cached && (await this.dispatchCached(conversationId, cached, event, options))) ??
      (await this.dispatchLocked(conversationId, event, options));
    this.announce(event.type, outcome);
    return outcome;
  }

  /**
   * Loads conversations into the cache of live state in one query (a batch of due timers), so each
   * of their events then costs one statement.
   */
  async warm(conversationIds: readonly string[]): Promise<void> {
    const missing = conversationIds.filter((id) => !this.states.has(id));
    if (missing.length === 0) return;
    const rows = await this.deps.db
      .select({
        id: conversations.id,
        connectionId: conversations.connectionId,
        flowVersionId: conversations.flowVersionId,
        version: conversations.version,
        snapshot: conversations.snapshot,
      })
      .from(conversations)
      // One array parameter: one prepared statement whatever the batch's size.
      .where(sql`${conversations.id} = any(${sql.param(missing)}::uuid[])`);
    for (const row of rows) this.remember(row.id, row);
  }

  /**
   * The fast path: the step computed from the cached state and written in one statement guarded by
   * the row's version, so a stale cache (another process moved the conversation on) writes nothing.
   * Null sends the event down the locked path, which has the last word.
   */
  private async dispatchCached(
    conversationId: string,
    cached: LiveState,
    event: ConversationEventInput,
    options: DispatchOptions,
  ): Promise<DispatchOutcome | null> {
    // A started conversation never loses its snapshot, so this answer cannot be stale.
    if (options.onlyIfNew && cached.snapshot !== null)
      return { status: 'duplicate', conversationId };
    const { db, engine, versions } = this.deps;
    try {
      const version = await versions.get(db, cached.flowVersionId);
      const { snapshot } = cached;
      const now = this.now();
      const result = engine.step(version, snapshot, event, now);
      if (result.rejection) return null;
      const written = await this.write(
        (step) => this.batcher.submit(step),
        { id: conversationId, ...cached },
        event,
        result,
        now,
        options,
      );
      if (written) {
        this.states.set(conversationId, written.state);
        this.deliver(written);
        return written.outcome;
      }
    } catch {
      // Whatever went wrong is for the locked path to decide on fresh state.
    }
    this.states.delete(conversationId);
    return null;
  }

  /** Under the row lock, with the dedup check, in one transaction. */
  private async dispatchLocked(
    conversationId: string,
    event: ConversationEventInput,
    options: DispatchOptions,
  ): Promise<DispatchOutcome> {
    const { db, engine, versions } = this.deps;
    const dedupKey = options.dedupKey ?? null;
    let state: LiveState | null = null;
    let committed: Written | null = null;
    const outcome = await db.transaction(async (tx): Promise<DispatchOutcome> => {
      const [row] = await tx
        .select({
          id: conversations.id,
          connectionId: conversations.connectionId,
          flowVersionId: conversations.flowVersionId,
          version: conversations.version,
          snapshot: conversations.snapshot,
          isSeen: dedupKey
            ? // Qualified by hand: drizzle writes bare column names here, which inside the
              // subquery would both mean events.connection_id and match every connection.
              sql<boolean>`exists (select 1 from events e where e.connection_id = "conversations"."connection_id" and e.dedup_key = ${dedupKey})`
            : sql<boolean>`false`,
        })
        .from(conversations)
        .where(eq(conversations.id, conversationId))
        .for('update');
      if (!row) throw new ServerError('NOT_FOUND', `conversation ${conversationId} does not exist`);
      this.remember(conversationId, row);
      if ((options.onlyIfNew && row.snapshot !== null) || row.isSeen)
        return { status: 'duplicate', conversationId } as const;
      const version = await versions.get(tx, row.flowVersionId);
      const now = this.now();
      const result = engine.step(version, row.snapshot as ConversationSnapshot | null, event, now);
      if (result.rejection)
        return { status: 'rejected', conversationId, rejection: result.rejection } as const;
      const written = await this.write(
        (step) => persistStep(tx, step),
        row,
        event,
        result,
        now,
        options,
      );
      if (!written) throw new Error(`conversation ${conversationId} changed under its row lock`);
      state = written.state;
      committed = written;
      return written.outcome;
    });
    // Remembered once committed: a rolled-back step must never be taken for the row's state.
    if (state) this.states.set(conversationId, state);
    if (committed) this.deliver(committed);
    return outcome;
  }

  private async write(
    persist: (step: AppliedStep) => Promise<HandedRow[] | null>,
    row: { id: string; connectionId: string; flowVersionId: string; version: number },
    event: ConversationEventInput,
    result: StepResult,
    now: number,
    options: DispatchOptions,
  ): Promise<Written | null> {
    const seq = row.version + 1;
    const snapshotJson = JSON.stringify(result.snapshot);
    const { connectionId, flowVersionId } = row;
    const outcome: DispatchOutcome = {
      status: 'applied',
      conversationId: row.id,
      seq,
      effects: result.effects,
      trace: result.trace,
      flowVersionId,
    };
    // Announced by the statement that commits the step, where the bus can (PostgreSQL).
    const updates = this.updatesOf(outcome, event.type);
    const notify = statementPayloads(this.deps.live, updates);
    const holding = this.handOff?.holding(row.id) ?? null;
    const handed = await persist({
      row,
      expectedVersion: row.version,
      event,
      result,
      snapshotJson,
      seq,
      now,
      dedupKey: options.dedupKey ?? null,
      actor: options.actor ?? null,
      notify: notify ?? [],
      handOff:
        holding && this.handOff ? { until: now + this.handOff.leaseMs, own: holding.own } : null,
    });
    if (handed === null) return null;
    publishUnlessSent(this.deps.live, updates, notify);
    return {
      outcome,
      state: { connectionId, flowVersionId, version: seq, snapshot: result.snapshot },
      handed,
      epoch: holding?.epoch ?? 0,
      queued: result.effects.filter(queuesOutbox).length,
    };
  }

  /**
   * A committed step's outbound work: rows handed off go to this process's delivery at once; any
   * left for a claim (delayed, or behind a pending one) wake the delivery worker.
   */
  private deliver(written: Written): void {
    if (written.handed.length > 0) this.handOff?.take(written.handed, written.epoch);
    if (written.queued > written.handed.length) this.onOutbound?.();
  }

  /** What agents and the designer are told of an applied step. */
  private updatesOf(
    outcome: Extract<DispatchOutcome, { status: 'applied' }>,
    eventType: string,
  ): LiveUpdate[] {
    const { conversationId, seq } = outcome;
    const update = { conversationId, seq };
    const updates: LiveUpdate[] = [
      { topic: `conversation:${conversationId}`, type: 'conversation.changed', data: update },
      { topic: 'inbox', type: 'conversation.changed', data: update },
    ];
    // The step loaded its version through the cache, which knows the version's flow.
    const flowId = this.deps.versions.flowIdOf(outcome.flowVersionId);
    if (flowId) updates.unshift(flowTraceUpdate({ ...outcome, flowId, eventType }));
    return updates;
  }

  private remember(
    id: string,
    row: { connectionId: string; flowVersionId: string; version: number; snapshot: unknown },
  ): void {
    this.states.set(id, {
      connectionId: row.connectionId,
      flowVersionId: row.flowVersionId,
      version: row.version,
      snapshot: row.snapshot as ConversationSnapshot | null,
    });
  }

  private announce(eventType: string, outcome: DispatchOutcome): void {
    this.deps.onOutcome?.(eventType, outcome);
  }

  /**
   * The conversation of an external id on a connection, opened (pinned to the flow's latest
   * version) if there is none: one statement, shared with the other openings waiting meanwhile.
   */
  private async findOrOpen(
    connectionId: string,
    item: InboundItem,
  ): Promise<{ id: string; channel: string }> {
    const { db } = this.deps;
    // The webhook that brought the item has just read the connection: the same cached read.
    const { row: connection } = await this.deps.connections.load(db, connectionId);
    const request: OpenRequest = {
      connectionId,
      channel: connection.type,
      externalId: item.externalId,
      flowId: connection.flowId,
      subject: item.start?.subject ?? null,
      customer: item.start?.customer ?? null,
      mayOpen: item.start !== undefined && connection.status !== 'disabled',
    };
    const first = await this.opener.submit(request);
    const { found } = first;
    let { opened } = first;
    if (found) {
      if (!(await this.opensNewAttendance(connectionId, found, item)))
        return { id: found.id, channel: found.channel };
      ({ opened } = await this.opener.submit({ ...request, isNewAttendance: true }));
    }
    if (opened) {
      // The row as inserted (no snapshot, version 0): its first event is then one statement,
      // guarded by that version like any other.
      this.remember(opened.id, {
        connectionId,
        flowVersionId: opened.flowVersionId,
        version: 0,
        snapshot: null,
      });
      return { id: opened.id, channel: connection.type };
    }
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
    const noFlow = () =>
      new ServerError(
        'CONNECTION_HAS_NO_FLOW',
        `channel connection ${connection.name} has no published flow to run`,
      );
    if (!connection.flowId) throw noFlow();
    // Nothing inserted: another process opened it first, or the flow has no published version.
    const raced = await latestAttendance(db, connectionId, item.externalId);
    if (raced) return { id: raced.id, channel: raced.channel };
    if ((await this.deps.versions.latest(db, connection.flowId)) === null) throw noFlow();
    throw new Error('conversation vanished while opening it');
  }

  private isReceptiveOnly(channel: string): boolean {
    return this.deps.engine.registry.channel(channel)?.policies.receptiveOnly === true;
  }

  /**
   * A customer's new activity (a start never applied before) on a closed attendance of a
   * receptive-only channel opens a new attendance: the closed one can never be written to again.
   */
  private async opensNewAttendance(
    connectionId: string,
    existing: { channel: string; status: string },
    item: InboundItem,
  ): Promise<boolean> {
    if (existing.status !== 'closed' || !item.start || !item.dedupKey) return false;
    if (!this.isReceptiveOnly(existing.channel)) return false;
    const [hit] = await this.deps.db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.connectionId, connectionId), eq(events.dedupKey, item.dedupKey)))
      .limit(1);
    return hit === undefined;
  }
}
