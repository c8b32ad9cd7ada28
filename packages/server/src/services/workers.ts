import type { Core } from '../core.js';
import { HandedDelivery } from './handed-delivery.js';
import { runUpkeep, UpkeepTiming } from './pglite-upkeep.js';
import { closeSilentChats } from './widget-auto-close.js';

/** One background loop: runs a round, then waits `idleMs` or until woken; one round at a time. */
class Loop {
  private wakeNow: (() => void) | null = null;
  private isWoken = false;
  private done: Promise<void> | null = null;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly idleMs: () => number,
    private readonly isStopped: () => boolean,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.done = this.run();
  }

  /** Runs a round now, or right after the one in progress. */
  wake(): void {
    this.isWoken = true;
    this.wakeNow?.();
  }

  /** Waits for the round in flight (call after the stop flag is set). */
  async stopped(): Promise<void> {
    this.wakeNow?.();
    await this.done;
  }

  private async run(): Promise<void> {
    while (!this.isStopped()) {
      this.isWoken = false;
      try {
        await this.round();
      } catch (error) {
        this.onError(error);
      }
      if (this.isStopped()) break;
      if (this.isWoken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.idleMs());
        this.wakeNow = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeNow = null;
    }
  }
}

/**
 * The background work of a server process, each in its own loop so that one never holds another
 * back: deliveries (a committed step's due rows handed straight to this process; what waits for a
 * claim is delivered when a commit wakes the loop, else polled), timers (polled:
 * a burst of due timers drains without waiting for deliveries, and committing a message costs no
 * timer claim) and channel syncs (a first import paced by a vendor's rate limit may take minutes);
 * on PGlite, which has no autovacuum, the upkeep autovacuum would do, once a minute as its daemon
 * looks, in a moment without steps. `stop` waits for the rounds in flight.
 */
export class Workers {
  private stopped = false;
  private readonly abort = new AbortController();
  private lastSweep = 0;
  private readonly loops: { outbox: Loop; timers: Loop; sync: Loop; upkeep?: Loop };
  private readonly handed: HandedDelivery;

  constructor(
    private readonly core: Core,
    pollMs: number,
    onError: (error: unknown) => void,
  ) {
    const isStopped = () => this.stopped;
    this.handed = new HandedDelivery(
      core.outbox,
      core.outbox.leaseMs,
      core.outbox.deliveryTimeoutMs,
      onError,
    );
    this.loops = {
      outbox: new Loop(
        () => this.drainOutbox(),
        () => pollMs,
        isStopped,
        onError,
      ),
      timers: new Loop(
        () => this.fireTimers(),
        () => pollMs,
        isStopped,
        onError,
      ),
      sync: new Loop(
        () => this.core.sync.runOnce(this.abort.signal).then(() => undefined),
        () => Math.max(pollMs * 4, 1_000),
        isStopped,
        onError,
      ),
    };
    const { database } = core;
    if (database.kind === 'pglite') {
      // Once a minute (autovacuum_naptime's default), in a quiet moment (see UpkeepTiming).
      const timing = new UpkeepTiming(() => core.metrics.stepCount);
      this.loops.upkeep = new Loop(
        async () => {
          if (timing.take()) await runUpkeep(database);
        },
        () => timing.waitMs(),
        isStopped,
        onError,
      );
    }
  }

  start(): void {
    // This process delivers: a committed step's due rows come straight to it.
    this.core.runtime.handOff = this.handed;
    for (const loop of Object.values(this.loops)) loop.start();
  }

  /** Delivers now, or right after the round in progress (new outbound work was committed). */
  wake(): void {
    if (!this.stopped) this.loops.outbox.wake();
  }

  /** Runs the channel syncs now (a webhook hinted at a change, an admin asked). */
  wakeSync(): void {
    if (!this.stopped) this.loops.sync.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.core.runtime.handOff === this.handed) this.core.runtime.handOff = null;
    await Promise.all([
      this.loops.outbox.stopped(),
      this.loops.timers.stopped(),
      this.loops.upkeep?.stopped(),
      this.handed.idle(),
    ]);
    this.handed.close();
    // A sync waiting on a vendor's rate limit is cut short.
    this.abort.abort();
    await this.loops.sync.stopped();
  }

  /**
   * Delivers until a round's claim is not cut by its limits: that round took everything due. What
   * is committed after it wakes the loop again, and what falls due later (a retry, a delayed reply)
   * is found by the poll, so no empty claim is spent after each round.
   */
  private async drainOutbox(): Promise<void> {
    await this.core.outbox.drain(this.abort.signal, () => this.stopped);
  }

  private async fireTimers(): Promise<void> {
    await this.core.timers.drain(() => this.stopped);
    // Web chats silent for longer than their connection allows are closed once a minute.
    if (!this.stopped && Date.now() - this.lastSweep >= 60_000) {
      this.lastSweep = Date.now();
      await closeSilentChats(this.core);
    }
  }
}
