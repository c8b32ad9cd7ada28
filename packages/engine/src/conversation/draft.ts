import type { Json } from '../json.js';
import type { ConversationContext } from './conversation-context.js';
import type { ConversationFields, Effect } from './effects.js';

type Nested = 'fields' | 'info' | 'exchange' | 'variables' | 'nodeState' | 'timers';

/**
 * A copy-on-write working copy of a conversation context for one handler run: the input snapshot
 * is never mutated, and untouched parts are shared with it.
 */
export class Draft {
  readonly ctx: ConversationContext;
  private readonly copied = new Set<Nested>();

  /**
   * The scratch (effects, trace) is shared, not copied: it belongs to the step in progress, never to
   * a stored snapshot. {@link Draft.checkpoint} lets a trial run be undone.
   */
  constructor(context: ConversationContext) {
    this.ctx = { ...context };
  }

  /** Marks the scratch so that {@link Draft.rollback} can drop what was added after. */
  checkpoint(): { effects: number; trace: number } {
    return { effects: this.ctx.scratch.effects.length, trace: this.ctx.scratch.trace.length };
  }

  /** Drops the effects and trace added since `mark`. */
  rollback(mark: { effects: number; trace: number }): void {
    this.ctx.scratch.effects.length = mark.effects;
    this.ctx.scratch.trace.length = mark.trace;
  }

  /** A writable version of a nested part of the context. */
  writable<K extends Nested>(key: K): ConversationContext[K] {
    if (!this.copied.has(key)) {
      this.ctx[key] = { ...this.ctx[key] };
      this.copied.add(key);
    }
    return this.ctx[key];
  }

  emit(effect: Effect): void {
    this.ctx.scratch.effects.push(effect);
  }

  nextId(prefix: string): string {
    this.ctx.seq += 1;
    return `${prefix}${this.ctx.seq}`;
  }

  /** Changes conversation fields and emits one update effect with what really changed. */
  updateFields(changes: Partial<ConversationFields>): void {
    const fields = this.writable('fields');
    const changed: Partial<ConversationFields> = {};
    for (const key of Object.keys(changes) as (keyof ConversationFields)[]) {
      const value = changes[key];
      if (value === undefined || fields[key] === value) continue;
      (fields as unknown as Record<string, unknown>)[key] = value;
      (changed as Record<string, unknown>)[key] = value;
    }
    if (Object.keys(changed).length > 0)
      this.emit({ kind: 'conversation.update', changes: changed });
  }

  setVariable(name: string, value: Json): void {
    this.writable('variables')[name] = value;
  }

  setNodeState(nodeId: string, patch: Record<string, Json>): void {
    const states = this.writable('nodeState');
    states[nodeId] = { ...states[nodeId], ...patch };
  }

  clearNodeState(nodeId: string): void {
    if (this.ctx.nodeState[nodeId] === undefined) return;
    delete this.writable('nodeState')[nodeId];
  }

  timerIdOf(nodeId: string, name: string): string | undefined {
    const timers = this.ctx.timers;
    for (const id in timers) {
      const timer = timers[id];
      if (timer?.nodeId === nodeId && timer.name === name) return id;
    }
    return undefined;
  }

  armTimer(nodeId: string, name: string, delayMs: number): void {
    this.cancelTimer(nodeId, name);
    const timerId = this.nextId(`t`);
    const dueAt = this.ctx.now + Math.max(0, Math.round(delayMs));
    this.writable('timers')[timerId] = { nodeId, name, dueAt };
    this.emit({ kind: 'timer.arm', timerId, dueAt, event: { type: 'timer.fired', timerId } });
  }

  cancelTimer(nodeId: string, name: string): void {
    const timerId = this.timerIdOf(nodeId, name);
    if (timerId !== undefined) this.dropTimer(timerId, true);
  }

  /** Forgets a timer; `announce` emits a cancel effect (not needed for one that just fired). */
  dropTimer(timerId: string, announce: boolean): void {
    delete this.writable('timers')[timerId];
    if (announce) this.emit({ kind: 'timer.cancel', timerId });
  }

  /** Cancels every timer of one node, or of all nodes. */
  cancelTimers(nodeId?: string): void {
    const timers = this.ctx.timers;
    for (const timerId in timers) {
      if (nodeId === undefined || timers[timerId]?.nodeId === nodeId) this.dropTimer(timerId, true);
    }
  }
}
