import { fetchWithin } from '../channels/fetch-within.js';
import { z } from 'zod';
import type { SimClock } from './clock.js';

/** How the simulator pushes callbacks / webhooks to the system under test (§8.1 delivery modes). */
export const pushConfigSchema = z.strictObject({
  url: z.url().nullable().default(null),
  enabled: z.boolean().default(true),
  secret: z.string().optional(),
  /** Each push is sent this many times. */
  duplicate: z.int().min(1).max(10).default(1),
  duplicateGapMs: z.int().nonnegative().default(0),
  /** Order within a batch (pushes queued in the same `batchWindowMs`). */
  reorder: z.enum(['none', 'swapAdjacent', 'reverseBatch', 'random']).default('none'),
  batchWindowMs: z.int().nonnegative().default(0),
  delayMs: z.int().nonnegative().default(0),
  /** Hold every push until `POST /__sim/outbound/flush`. */
  manual: z.boolean().default(false),
  /** The first k attempts of each push are lost (never reach the receiver). */
  dropFirstAttempts: z.int().nonnegative().default(0),
  retry: z
    .strictObject({
      maxAttempts: z.int().min(1).max(20),
      backoffMs: z.array(z.int().nonnegative()),
    })
    .default({ maxAttempts: 3, backoffMs: [100, 200, 400] }),
  timeoutMs: z.int().positive().default(2_000),
  badSignature: z.boolean().default(false),
  missingSignature: z.boolean().default(false),
});
export type PushConfig = z.infer<typeof pushConfigSchema>;

/** One attempt to push, as `GET /__sim/outbound/deliveries` lists it. */
export interface PushAttempt {
  pushId: string;
  attempt: number;
  copy: number;
  at: string;
  url: string | null;
  payload: unknown;
  status: number | null;
  error: string | null;
  dropped: boolean;
  reordered: boolean;
}

/** Where one push goes when it is not the configured URL (a bot's own webhook, with its secret). */
export interface PushTarget {
  url: string;
  secret?: string;
}

/** Headers that sign a push: the channel's scheme (HMAC header, secret-token header …). */
export type PushSigner = (body: string, secret: string) => Record<string, string>;

/** The queue of pushes to the system under test, with the configured delivery faults. */
export class PushQueue {
  config: PushConfig = pushConfigSchema.parse({});
  private queued: Queued[] = [];
  private attempts: PushAttempt[] = [];
  private inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly clock: SimClock,
    private readonly random: () => number,
    private readonly sign: PushSigner | undefined,
  ) {}

  configure(input: unknown): PushConfig {
    this.config = pushConfigSchema.parse({ ...this.config, ...(input as object) });
    return this.config;
  }

  /**
   * Queues a push; it goes out after `delayMs` (batched) unless the queue is manual. `target`
   * overrides the configured URL and secret for this push; the delivery modes still apply.
   */
  push(payload: unknown, target?: PushTarget): string {
    const id = `p${this.nextId++}`;
    if (!this.config.enabled || (target?.url ?? this.config.url) === null) return id;
    this.queued.push({ id, payload, ...(target ? { target } : {}) });
    if (!this.config.manual && this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.config.delayMs + this.config.batchWindowMs);
    }
    return id;
  }

  /** Sends every queued push now, in the configured (re)order. */
  flush(): number {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.order(this.queued.splice(0));
    const run = (async () => {
      for (const item of batch) await this.deliver(item, item.reordered);
    })();
    this.track(run);
    return batch.length;
  }

  deliveries(): PushAttempt[] {
    return [...this.attempts];
  }

  /** Resolves when nothing is queued or being delivered. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || (this.queued.length > 0 && !this.config.manual)) {
      await Promise.all([...this.inFlight]);
      if (this.queued.length > 0 && !this.config.manual) this.flush();
    }
  }

  reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queued = [];
    this.attempts = [];
    this.config = pushConfigSchema.parse({});
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  private order(items: Queued[]) {
    const list = items.map((item) => ({ ...item, reordered: false }));
    const mode = this.config.reorder;
    if (mode === 'reverseBatch') list.reverse();
    if (mode === 'swapAdjacent') {
      for (let i = 0; i + 1 < list.length; i += 2) {
        const a = list[i];
        const b = list[i + 1];
        if (a && b) [list[i], list[i + 1]] = [b, a];
      }
    }
    if (mode === 'random') {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        const a = list[i];
        const b = list[j];
        if (a && b) [list[i], list[j]] = [b, a];
      }
    }
    if (mode !== 'none') list.forEach((item, i) => (item.reordered = items[i]?.id !== item.id));
    return list;
  }

  private async deliver(item: Queued, reordered: boolean): Promise<void> {
    for (let copy = 1; copy <= this.config.duplicate; copy++) {
      if (copy > 1 && this.config.duplicateGapMs > 0) await sleep(this.config.duplicateGapMs);
      for (let attempt = 1; attempt <= this.config.retry.maxAttempts && !this.closed; attempt++) {
        const ok = await this.attempt(item, copy, attempt, reordered);
        if (ok) break;
        const backoff = this.config.retry.backoffMs;
        await sleep(backoff[Math.min(attempt - 1, backoff.length - 1)] ?? 0);
      }
    }
  }

  private async attempt(
    { id: pushId, payload, target }: Queued,
    copy: number,
    attempt: number,
    reordered: boolean,
  ): Promise<boolean> {
    const url = target?.url ?? this.config.url;
    const pushSecret = target ? target.secret : this.config.secret;
    const record: PushAttempt = {
      pushId,
      attempt,
      copy,
      at: new Date(this.clock.now()).toISOString(),
      url,
      payload,
      status: null,
      error: null,
      dropped: attempt <= this.config.dropFirstAttempts,
      reordered,
    };
    this.attempts.push(record);
    if (record.dropped || url === null) return false;
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.sign && pushSecret !== undefined && !this.config.missingSignature) {
      const secret = this.config.badSignature ? `${pushSecret}-wrong` : pushSecret;
      Object.assign(headers, this.sign(body, secret));
    }
    try {
      const { response } = await fetchWithin(
        url,
        { method: 'POST', headers, body },
        { timeoutMs: this.config.timeoutMs },
      );
      record.status = response.status;
      return response.ok;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      return false;
    }
  }

  private track(run: Promise<void>) {
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }
}

interface Queued {
  id: string;
  payload: unknown;
  target?: PushTarget;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
