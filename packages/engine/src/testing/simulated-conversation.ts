import {
  createEngine,
  type ConversationSnapshot,
  type Engine,
  type StepResult,
} from '../conversation/create-engine.js';
import type { Effect, Rejection, TraceEntry } from '../conversation/effects.js';
import type { ConversationEventInput, ConversationStarted } from '../conversation/events.js';
import type { ChannelDefinition } from '../plugin/define-channel.js';
import { createRegistry, type Registry } from '../plugin/registry.js';
import { toMs, type Duration } from './duration.js';
import { recordEvent, recordEffects } from './record.js';
import { Transcript } from './transcript.js';

/** Options of a {@link SimulatedConversation}. */
export interface SimulationOptions {
  /** Registry with runtimes (e.g. the built-in nodes). */
  registry: Registry;
  /** The channel: a type in the registry or a definition (e.g. `fakeChannel()`). */
  channel: string | ChannelDefinition;
  /** The start event's fields besides type and channel. */
  start?: Partial<Omit<ConversationStarted, 'type' | 'channel'>>;
  /** Virtual start time (ISO text or epoch ms); defaults to 2026-01-05T12:00:00Z, a Monday. */
  startAt?: string | number;
  /** Timers fired by one `wait` or `drainTimers` at most. */
  maxTimers?: number;
}

/**
 * One conversation run the way a host runs it, in memory and on a fake clock: events go through
 * the engine, timers are kept and fed back when the clock passes them, and every effect lands in
 * a readable transcript. The test kit and the terminal demo drive it.
 *
 * @example
 * const chat = new SimulatedConversation({ registry, channel: 'web-chat' });
 * chat.send({ type: 'customer.message', text: 'oi' });
 * chat.wait('10m');
 * console.log(chat.transcript.toString());
 */
export class SimulatedConversation {
  readonly transcript = new Transcript();
  readonly effects: Array<Effect & { time: number }> = [];
  readonly trace: TraceEntry[] = [];
  readonly rejections: Array<Rejection & { at: number; event: string }> = [];
  /** Start time, epoch ms. */
  readonly origin: number;
  private readonly engine: Engine;
  private readonly version: { id: string; flow: unknown };
  private readonly timers = new Map<string, number>();
  private readonly maxTimers: number;
  private current: ConversationSnapshot;
  private clock: number;

  constructor(flow: unknown, options: SimulationOptions) {
    const registry = withChannel(options.registry, options.channel);
    this.engine = createEngine({ registry });
    this.version = { id: 'simulated', flow };
    this.origin =
      typeof options.startAt === 'number'
        ? options.startAt
        : Date.parse(options.startAt ?? '2026-01-05T12:00:00Z');
    this.clock = this.origin;
    this.maxTimers = options.maxTimers ?? 1000;
    const channel = typeof options.channel === 'string' ? options.channel : options.channel.type;
    const first = this.record(null, { type: 'conversation.started', channel, ...options.start });
    this.current = first.snapshot;
  }

  /** The snapshot after the last accepted event. */
  get snapshot(): ConversationSnapshot {
    return this.current;
  }
  /** Virtual time now, epoch ms. */
  get now(): number {
    return this.clock;
  }
  /** Armed timers, by id, with their due times (epoch ms). */
  get pendingTimers(): ReadonlyMap<string, number> {
    return this.timers;
  }

  /** Sends one event at the current virtual time; returns the step's result. */
  send(event: ConversationEventInput): StepResult {
    const result = this.record(this.current, event);
    this.current = result.snapshot;
    return result;
  }

  /** Moves the clock forward, firing the timers that fall due on the way. */
  wait(duration: Duration): void {
    const until = this.clock + toMs(duration);
    for (
      let due = this.nextDue(), fired = 0;
      due && due[1] <= until && fired < this.maxTimers;
      fired++
    ) {
      this.fire(due);
      due = this.nextDue();
    }
    this.clock = until;
  }

  /** Jumps to the next armed timer and fires it; false when none is armed. */
  nextTimer(): boolean {
    const due = this.nextDue();
    if (due) this.fire(due);
    return due !== undefined;
  }

  /** Fires every armed timer in time order until none is left (bounded by `maxTimers`). */
  drainTimers(): void {
    for (let fired = 0; fired < this.maxTimers && this.nextTimer(); fired++);
  }

  private record(snapshot: ConversationSnapshot | null, event: ConversationEventInput): StepResult {
    const result = this.engine.step(this.version, snapshot, event, this.clock);
    const at = this.clock - this.origin;
    recordEvent(this.transcript, event, at, result.rejection);
    if (result.rejection) {
      this.rejections.push({ ...result.rejection, at, event: event.type });
      return result;
    }
    for (const effect of result.effects) {
      this.effects.push({ ...effect, time: at });
      if (effect.kind === 'timer.arm') this.timers.set(effect.timerId, effect.dueAt);
      if (effect.kind === 'timer.cancel') this.timers.delete(effect.timerId);
    }
    recordEffects(this.transcript, result.effects, this.clock, this.origin);
    this.trace.push(...result.trace.map((entry) => ({ ...entry, at: entry.at - this.origin })));
    return result;
  }

  private nextDue(): [string, number] | undefined {
    let best: [string, number] | undefined;
    for (const entry of this.timers) if (!best || entry[1] < best[1]) best = entry;
    return best;
  }

  private fire([timerId, dueAt]: [string, number]): void {
    this.timers.delete(timerId);
    this.clock = Math.max(this.clock, dueAt);
    this.send({ type: 'timer.fired', timerId });
  }
}

function withChannel(registry: Registry, channel: string | ChannelDefinition): Registry {
  if (typeof channel === 'string' || registry.channel(channel.type) === channel) return registry;
  const others = (registry.input.channels ?? []).filter(
    (existing) => existing.type !== channel.type,
  );
  return createRegistry({ ...registry.input, channels: [...others, channel] });
}
