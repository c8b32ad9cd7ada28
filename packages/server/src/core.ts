import { createEngine, type ChannelAdapter, type Engine, type Registry } from '@attendflow/engine';
import { channelAdapters, createBuiltInRegistry } from '@attendflow/nodes/runtime';
import type { Database } from './db/database.js';
import { ConnectionService } from './services/connections.js';
import { ConversationRuntime } from './services/conversation-runtime.js';
import { FlowVersionCache } from './services/flow-versions.js';
import type { LiveBus } from './services/live-bus.js';
import { Metrics } from './services/metrics.js';
import { OutboxWorker, type RetryPolicy } from './services/outbox-worker.js';
import { createPgLiveBus } from './services/pg-live-bus.js';
import { createSecretBox } from './services/secret-box.js';
import { SyncWorker } from './services/sync-worker.js';
import { TimerWorker } from './services/timer-worker.js';

/** Options of {@link createCore}. */
export interface CoreOptions {
  database: Database;
  secretKey: Buffer;
  now?: () => number;
  /** Defaults to LISTEN/NOTIFY on the database, so updates cross processes. */
  live?: LiveBus;
  retry?: Partial<RetryPolicy>;
  registry?: Registry;
  adapters?: readonly ChannelAdapter[];
}

/** The server's services, wired, without HTTP: what routes and workers use. */
export interface Core {
  database: Database;
  registry: Registry;
  engine: Engine;
  connections: ConnectionService;
  versions: FlowVersionCache;
  live: LiveBus;
  runtime: ConversationRuntime;
  outbox: OutboxWorker;
  timers: TimerWorker;
  sync: SyncWorker;
  /** Asks the sync worker to run now (set by whoever runs the workers). */
  wakeSync: () => void;
  metrics: Metrics;
  adapters: ReadonlyMap<string, ChannelAdapter>;
  now: () => number;
}

/** Wires the services over one database. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? Date.now;
  const registry = options.registry ?? createBuiltInRegistry();
  const engine = createEngine({ registry });
  const live = options.live ?? createPgLiveBus(options.database);
  const metrics = new Metrics();
  const connections = new ConnectionService(registry, createSecretBox(options.secretKey));
  const versions = new FlowVersionCache();
  const adapters = new Map(
    (options.adapters ?? channelAdapters).map((adapter) => [adapter.channel.type, adapter]),
  );
  const core = {
    database: options.database,
    registry,
    engine,
    connections,
    versions,
    live,
    metrics,
    adapters,
    now,
  } as unknown as Core;
  core.outbox = new OutboxWorker({
    database: options.database,
    connections,
    adapters,
    live,
    now,
    onDelivery: metrics.countDelivery,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  core.runtime = new ConversationRuntime({
    db: options.database.db,
    engine,
    versions,
    connections,
    live,
    now,
    onOutcome: metrics.countOutcome,
    onStepWrite: metrics.observeStepWrite,
  });
  core.timers = new TimerWorker({
    database: options.database,
    runtime: core.runtime,
    now,
    onFired: metrics.observeTimerLag,
  });
  core.sync = new SyncWorker({
    database: options.database,
    connections,
    versions,
    runtime: core.runtime,
    adapters,
    now,
  });
  core.wakeSync = () => undefined;
  return core;
}
