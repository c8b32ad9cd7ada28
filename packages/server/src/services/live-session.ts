import { z } from 'zod';
import type { LiveBus, LiveUpdate } from './live-bus.js';
import type { Caller } from './users.js';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const topicSchema = z
  .string()
  .regex(
    new RegExp(`^(inbox|conversation:${uuid}|flow:${uuid})$`, 'i'),
    'must be "inbox", "conversation:<id>" or "flow:<flowId>"',
  );

/** What a live client sends. */
export const liveRequestSchema = z
  .strictObject({ subscribe: topicSchema.optional(), unsubscribe: topicSchema.optional() })
  .refine((frame) => (frame.subscribe === undefined) !== (frame.unsubscribe === undefined), {
    message: 'send {"subscribe": topic} or {"unsubscribe": topic}',
  });

/** What a live client receives: updates, acknowledgements (`subscribed` …) and errors. */
export interface LiveFrame {
  topic: string | null;
  type: string;
  data: Record<string, unknown>;
}

const maxTopics = 200;

/**
 * One live client's subscriptions: checks who may see a topic (flow traces are for admins;
 * agents see the inbox and conversations), and forwards the bus's updates to `send`.
 */
export class LiveSession {
  private readonly topics = new Map<string, () => void>();

  constructor(
    private readonly live: LiveBus,
    private readonly caller: Caller,
    private readonly send: (frame: LiveFrame) => void,
  ) {}

  /** Handles one text frame from the client. */
  receive(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.error('VALIDATION_FAILED', 'frame: send JSON such as {"subscribe":"inbox"}');
    }
    const parsed = liveRequestSchema.safeParse(json);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'frame'}: ${issue.message}`)
        .join('; ');
      return this.error('VALIDATION_FAILED', message);
    }
    const { subscribe, unsubscribe } = parsed.data;
    if (subscribe !== undefined) this.subscribe(subscribe);
    else if (unsubscribe !== undefined) this.unsubscribe(unsubscribe);
  }

  /** Drops every subscription (the socket closed). */
  close(): void {
    for (const stop of this.topics.values()) stop();
    this.topics.clear();
  }

  private subscribe(topic: string): void {
    const key = topic.toLowerCase();
    if (key.startsWith('flow:') && this.caller.role !== 'admin')
      return this.error('FORBIDDEN', `${topic}: flow traces are for admins`, topic);
    if (!this.topics.has(key)) {
      if (this.topics.size >= maxTopics)
        return this.error('VALIDATION_FAILED', `subscribe: at most ${maxTopics} topics`, topic);
      this.topics.set(
        key,
        this.live.subscribe(key, (update: LiveUpdate) => this.send(update)),
      );
    }
    this.send({ topic: key, type: 'subscribed', data: {} });
  }

  private unsubscribe(topic: string): void {
    const key = topic.toLowerCase();
    this.topics.get(key)?.();
    this.topics.delete(key);
    this.send({ topic: key, type: 'unsubscribed', data: {} });
  }

  private error(code: string, message: string, topic: string | null = null): void {
    this.send({ topic, type: 'error', data: { code, message } });
  }
}
