import type { Core } from '../core.js';
import { closeSilentChats } from './widget-auto-close.js';

/** Runs the timer and outbox workers in a loop; `wake` runs them now; `stop` waits for the round in flight. */
export class Workers {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly abort = new AbortController();
  private lastSweep = 0;
  private syncing: Promise<void> | null = null;
  private syncWake: (() => void) | null = null;

  constructor(
    private readonly core: Core,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.schedule(0);
    this.syncing = this.syncLoop();
  }

  /** Runs the channel syncs now (a webhook hinted at a change, an admin asked). */
  wakeSync(): void {
    this.syncWake?.();
  }

  /** Runs a round as soon as the current one ends (new outbound work was committed). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.syncWake?.();
    await this.running;
    this.abort.abort();
    await this.syncing;
  }

  /**
   * Channel syncs run apart from timers and deliveries: a first import paced by a vendor's rate
   * limit may take minutes and must not hold a due timer back.
   */
  private async syncLoop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.core.sync.runOnce(this.abort.signal);
      } catch (error) {
        this.onError(error);
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(this.pollMs * 4, 1_000));
        this.syncWake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.syncWake = null;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.round().finally(() => {
        this.running = null;
        const soon = this.again;
        this.again = false;
        this.schedule(soon ? 0 : this.pollMs);
      });
    }, delay);
  }

  private async round(): Promise<void> {
    try {
      // Timers and deliveries drain side by side, each while it has work: a burst of due timers
      // goes in seconds and does not hold back the messages it queues.
      await Promise.all([this.core.timers.drain(() => this.stopped), this.drainOutbox()]);
      // Web chats silent for longer than their connection allows are closed once a minute.
      if (!this.stopped && Date.now() - this.lastSweep >= 60_000) {
        this.lastSweep = Date.now();
        await closeSilentChats(this.core);
      }
    } catch (error) {
      this.onError(error);
    }
  }

  private async drainOutbox(): Promise<void> {
    for (let rounds = 0; rounds < 50 && !this.stopped; rounds++) {
      if ((await this.core.outbox.runOnce(this.abort.signal)) === 0) return;
    }
  }
}
