/** Queues shorter than this go as one write; longer ones are shared among the free writes. */
const splitFrom = 100;

interface Pending<In, Out> {
  item: In;
  resolve: (out: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Group writes: an item submitted while the database is busy waits for the statements in flight
 * and then goes with every other item that arrived meanwhile, as one call of `write` (one
 * statement, one round trip, one commit); an idle system writes an item at once. `write` answers
 * for each item of the group, in order. A group whose write fails as a whole goes again item by
 * item, so only the item at fault fails.
 */
export class MicroBatcher<In, Out> {
  private queue: Array<Pending<In, Out>> = [];
  private inFlight = 0;
  private isScheduled = false;

  constructor(
    private readonly write: (items: readonly In[]) => Promise<readonly Out[]>,
    /** Writes in flight at once. */
    private readonly maxInFlight: number,
    private readonly maxItems = 500,
  ) {}

  submit(item: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.isScheduled || this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    this.isScheduled = true;
    // After the requests already read from their sockets reach here: they share the next statement.
    setImmediate(() => {
      this.isScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const free = this.maxInFlight - this.inFlight;
    if (free <= 0 || this.queue.length === 0) return;
    // A burst (a batch of due timers) is shared among the free writes, which then run side by side
    // (each statement runs on one database process); a small group stays whole, one statement.
    const share =
      this.queue.length >= splitFrom ? Math.ceil(this.queue.length / free) : this.queue.length;
    const group = this.queue.splice(0, Math.min(this.maxItems, share));
    this.inFlight++;
    this.schedule();
    try {
      await this.writeGroup(group);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }

  private async writeGroup(group: Array<Pending<In, Out>>): Promise<void> {
    try {
      const outs = await this.write(group.map((pending) => pending.item));
      group.forEach((pending, index) => pending.resolve(outs[index] as Out));
      return;
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
    }
    await Promise.all(
      group.map(async (pending) => {
        try {
          const [out] = await this.write([pending.item]);
          pending.resolve(out as Out);
        } catch (error) {
          pending.reject(error);
        }
      }),
    );
  }
}
