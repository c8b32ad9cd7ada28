import type { AnyMachineSnapshot } from 'xstate';
import { compileFlow, type CompileOptions } from '../compile/compile-flow.js';
import { stateKeys, type CompiledFlow } from '../compile/compiled-flow.js';
import { EngineError } from '../errors.js';
import type { Registry } from '../plugin/registry.js';
import { checkOpen } from './channel-rules.js';
import {
  emptyScratch,
  type ConversationContext,
  type PersistedContext,
} from './conversation-context.js';
import type { Effect, Rejection, TraceEntry } from './effects.js';
import {
  conversationEventSchema,
  isAgentEvent,
  type ConversationEvent,
  type ConversationEventInput,
} from './events.js';
import { resolvePolicies } from './resolve-policies.js';

/** A published flow version: conversations are pinned to one. */
export interface FlowVersionRef {
  /** Unique and immutable: compiled machines are cached under it. */
  id: string;
  flow: unknown;
}

/** What the engine stores of a conversation between events: plain JSON. */
export interface ConversationSnapshot {
  /** The node the flow waits in, or `$ended` / `$closed`. */
  value: string;
  /** What lasts between events (the step's own working fields are not kept). */
  context: PersistedContext;
}

/** The outcome of one step. */
export interface StepResult {
  /** The next snapshot (the same one when the event was rejected). */
  snapshot: ConversationSnapshot;
  effects: Effect[];
  trace: TraceEntry[];
  /** Set when an agent action broke a channel rule: nothing of the event was applied. */
  rejection: Rejection | null;
}

/** Options of {@link createEngine}. */
export interface EngineOptions extends CompileOptions {
  registry: Registry;
  /** Compiled flow versions kept in memory (least recently used are dropped). */
  cacheSize?: number;
}

/** A conversation engine bound to a registry. */
export interface Engine {
  readonly registry: Registry;
  /** The compiled flow of a version, cached by version id. */
  compile(version: FlowVersionRef): CompiledFlow;
  /**
   * One event of one conversation, pure: `(flowVersion, snapshot | null, event, now)` →
   * `{ snapshot, effects, trace, rejection }`. Nothing is executed; the host performs the effects.
   */
  step(
    version: FlowVersionRef,
    snapshot: ConversationSnapshot | null,
    event: ConversationEventInput,
    now: number,
  ): StepResult;
}

/**
 * Creates an engine over a registry with runtimes.
 *
 * @example
 * const engine = createEngine({ registry });
 * let { snapshot, effects } = engine.step(version, null, { type: 'conversation.started', channel: 'web-chat' }, Date.now());
 * ({ snapshot, effects } = engine.step(version, snapshot, { type: 'customer.message', text: 'hi' }, Date.now()));
 */
export function createEngine(options: EngineOptions): Engine {
  const { registry } = options;
  const cacheSize = options.cacheSize ?? 200;
  const cache = new Map<string, CompiledFlow>();

  function compile(version: FlowVersionRef): CompiledFlow {
    const hit = cache.get(version.id);
    if (hit) {
      cache.delete(version.id);
      cache.set(version.id, hit);
      return hit;
    }
    const compiled = compileFlow(version.flow, registry, options);
    cache.set(version.id, compiled);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return compiled;
  }

  function step(
    version: FlowVersionRef,
    snapshot: ConversationSnapshot | null,
    input: ConversationEventInput,
    now: number,
  ): StepResult {
    const parsed = conversationEventSchema.safeParse(input);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new EngineError(
        'EVENT_INVALID',
        `event ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`,
        {
          cause: parsed.error,
        },
      );
    }
    const event: ConversationEvent = parsed.data;
    const { machine, scope } = compile(version);
    let current: AnyMachineSnapshot;
    if (snapshot === null) {
      if (event.type !== 'conversation.started') {
        throw new EngineError(
          'CONVERSATION_NOT_STARTED',
          `the first event must be conversation.started, not ${event.type}`,
        );
      }
      current = machine.getInitialSnapshot(scope);
    } else {
      if (event.type === 'conversation.started') {
        throw new EngineError(
          'CONVERSATION_ALREADY_STARTED',
          'this conversation has already started',
        );
      }
      if (snapshot.value === stateKeys.closed) return afterClose(version, snapshot, event);
      current = machine.resolveState({
        value: snapshot.value,
        context: { ...snapshot.context, now, exit: null, scratch: emptyScratch() },
      });
    }
    const next = machine.transition(current, { ...event, now }, scope);
    if (next.status === 'error') {
      throw new EngineError('EVENT_INVALID', `the flow machine failed on ${event.type}`, {
        cause: next.error,
      });
    }
    const context = next.context as ConversationContext;
    const { scratch } = context;
    if (scratch.rejection !== null) {
      return {
        snapshot: snapshot ?? persist(current),
        effects: [],
        trace: [],
        rejection: scratch.rejection,
      };
    }
    return {
      snapshot: persist(next),
      effects: scratch.effects,
      trace: scratch.trace,
      rejection: null,
    };
  }

  /** A closed conversation takes no agent action; anything else changes nothing. */
  function afterClose(
    version: FlowVersionRef,
    snapshot: ConversationSnapshot,
    event: ConversationEvent,
  ): StepResult {
    const context = snapshot.context;
    const refusal = isAgentEvent(event)
      ? checkOpen(
          context,
          resolvePolicies(
            compile(version).channel(context.info.channel),
            context.info.policyOverrides,
          ),
        )
      : null;
    return {
      snapshot,
      effects: [],
      trace: [],
      rejection: refusal ? { code: refusal.code, message: refusal.reason } : null,
    };
  }

  return { registry, compile, step };
}

function persist(snapshot: AnyMachineSnapshot): ConversationSnapshot {
  const context = snapshot.context as ConversationContext;
  const { scratch: _scratch, exit: _exit, now: _now, ...durable } = context;
  return { value: snapshot.value as string, context: durable };
}
