/**
 * Conversation steps per second through the engine (compiled flow cached, snapshot in and out as
 * JSON) against raw XState (its transition in one inert scope) on an equivalent hand-written machine,
 * in the same run.
 * Rounds alternate between the two so that noise on a shared machine hits both alike.
 */
import { assign, setup, type AnyMachineSnapshot } from 'xstate';
import { inertScope } from '../src/compile/inert-scope.js';
import { createEngine, type ConversationSnapshot } from '../src/index.js';
import { blankContext } from '../src/conversation/conversation-context.js';
import { plain, testFlow, testRegistry } from '../src/conversation/fixtures/test-runtime-nodes.js';

// The engine compiles without Node's types (it runs in browsers too); the bench needs only this.
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

// The engine's own test nodes: `wait-reply` arms a timer and keeps the customer's text in the
// variable `answer`; `say` renders and sends its text.
const flow = testFlow(
  [
    ['start', 'start'],
    ['say', 'say', { text: 'Got it' }],
    ['wait', 'wait-reply', { ms: 60_000 }],
  ],
  ['start:next>wait', 'wait:replied>say', 'say:next>wait'],
);

// The same conversation written by hand in XState: wait → (message) → say → wait, one outbound
// message and a re-armed timer per customer message. It keeps the same conversation data as the
// engine's snapshot (fields, channel facts, the exchange counters, variables, timers), so both
// sides move the same JSON in and out and the ratio measures the engine's own work.
type Blank = ReturnType<typeof blankContext>;
interface RawContext {
  fields: Blank['fields'];
  info: Blank['info'];
  exchange: Blank['exchange'];
  variables: Record<string, unknown>;
  timers: Record<string, { dueAt: number }>;
  outbox: { id: string; text: string; at: number }[];
  seq: number;
}
type RawEvent = { type: 'customer.message'; text: string; now: number };
const raw = setup({
  types: { context: {} as RawContext, events: {} as RawEvent },
  actions: {
    receive: assign(({ context, event }) => ({
      exchange: {
        ...context.exchange,
        lastCustomerMessage: { text: event.text, at: event.now },
        awaiting: 'company' as const,
      },
      variables: { ...context.variables, answer: event.text },
      timers: {},
    })),
    send: assign(({ context, event }) => ({
      outbox: [{ id: `m${context.seq + 1}`, text: 'Got it', at: event.now }],
      exchange: {
        ...context.exchange,
        companyMessages: context.exchange.companyMessages + 1,
        lastOutboundAt: event.now,
        awaiting: 'customer' as const,
      },
      seq: context.seq + 1,
    })),
    arm: assign(({ context, event }) => ({
      timers: { [`t${context.seq + 1}`]: { dueAt: event.now + 60_000 } },
      seq: context.seq + 1,
    })),
  },
}).createMachine({
  context: (() => {
    const { fields, info, exchange } = blankContext({});
    return {
      fields,
      info: { ...info, channel: 'plain' },
      exchange,
      variables: { answer: null },
      timers: {},
      outbox: [],
      seq: 0,
    };
  })(),
  initial: 'wait',
  states: {
    wait: { entry: 'arm', on: { 'customer.message': { target: 'say', actions: 'receive' } } },
    say: { entry: 'send', always: { target: 'wait' } },
  },
});

function engineRound(count: number): number {
  const engine = createEngine({ registry: testRegistry });
  const version = { id: 'bench-v1', flow };
  let now = Date.parse('2026-01-05T12:00:00Z');
  let json = JSON.stringify(
    engine.step(version, null, { type: 'conversation.started', channel: plain.type }, now).snapshot,
  );
  const began = performance.now();
  for (let i = 0; i < count; i++) {
    now += 1000;
    const snapshot = JSON.parse(json) as ConversationSnapshot;
    const result = engine.step(version, snapshot, { type: 'customer.message', text: 'hello' }, now);
    json = JSON.stringify(result.snapshot);
  }
  return count / ((performance.now() - began) / 1000);
}

// XState at its cheapest, as the engine uses it: one inert scope for every transition (XState's
// own `transition()` builds a scope, and with it an actor and an initial snapshot, on each call).
const rawScope = inertScope(raw);

function rawRound(count: number): number {
  let now = Date.parse('2026-01-05T12:00:00Z');
  let json = JSON.stringify(raw.getInitialSnapshot(rawScope));
  const began = performance.now();
  for (let i = 0; i < count; i++) {
    now += 1000;
    const persisted = JSON.parse(json) as { value: string; context: RawContext };
    const snapshot: AnyMachineSnapshot = raw.resolveState({
      value: persisted.value,
      context: persisted.context,
    });
    const next = raw.transition(
      snapshot as never,
      {
        type: 'customer.message',
        text: 'hello',
        now,
      },
      rawScope,
    );
    json = JSON.stringify({ value: next.value, context: next.context });
  }
  return count / ((performance.now() - began) / 1000);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 7);
const perRound = Number(process.env['BENCH_STEPS'] ?? 20_000);

engineRound(2_000);
rawRound(2_000);
const engineRates: number[] = [];
const rawRates: number[] = [];
for (let round = 0; round < rounds; round++) {
  engineRates.push(engineRound(perRound));
  rawRates.push(rawRound(perRound));
}
const engineRate = median(engineRates);
const rawRate = median(rawRates);
const ratio = engineRate / rawRate;
console.log(
  `attendflow engine step (JSON snapshot in/out): ${Math.round(engineRate).toLocaleString('en')} steps/s`,
);
console.log(
  `raw XState transition (JSON snapshot in/out): ${Math.round(rawRate).toLocaleString('en')} steps/s`,
);
console.log(
  `ratio engine / raw XState: ${ratio.toFixed(2)} (goal ≥ 0.50) — median of ${rounds} alternating rounds × ${perRound} steps`,
);
if (ratio < 0.5) process.exitCode = 1;
