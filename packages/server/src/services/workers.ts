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

  constructor(
    private readonly core: Core,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.schedule(0);
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
    await this.running;
    this.abort.abort();
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
      // Drain in batches while there is work, so a burst of due timers goes in seconds.
      for (let rounds = 0; rounds < 50 && !this.stopped; rounds++) {
        const fired = await this.core.timers.runOnce();
        const sent = await this.core.outbox.runOnce(this.abort.signal);
        if (fired === 0 && sent === 0) break;
      }
      // Web chats silent for longer than their connection allows are closed once a minute.
      if (!this.stopped && Date.now() - this.lastSweep >= 60_000) {
        this.lastSweep = Date.now();
        await closeSilentChats(this.core);
      }
    } catch (error) {
      this.onError(error);
    }
  }
}
