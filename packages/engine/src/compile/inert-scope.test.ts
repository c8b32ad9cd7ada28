import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { compileFlow } from './compile-flow.js';
import { testFlow, testRegistry, plain } from '../conversation/fixtures/test-runtime-nodes.js';

const flow = testFlow(
  [
    ['start', 'start'],
    ['ack', 'say', { text: 'Hello {{customer.name}}' }],
    ['wait', 'wait-reply', { ms: 60_000 }],
    ['thanks', 'say', { text: 'You said {{answer}}' }],
  ],
  ['start:next>ack', 'ack:next>wait', 'wait:replied>thanks', 'thanks:next>wait'],
);
const t0 = Date.parse('2026-03-02T10:00:00Z');
const started = (name: string) => ({
  type: 'conversation.started' as const,
  channel: plain.type,
  customer: { name, fields: {} },
  now: t0,
});
const message = (text: string, at: number) => ({ type: 'customer.message', text, now: at });
const plainOf = (snapshot: AnyMachineSnapshot) => ({
  value: snapshot.value as unknown,
  context: snapshot.context as unknown,
});

describe('inertScope', () => {
  it("computes what XState's transition() computes, one scope shared by interleaved conversations", () => {
    const { machine, scope } = compileFlow(flow, testRegistry);
    // Two conversations stepped in turn through the one scope, and each through transition().
    let ana = machine.transition(machine.getInitialSnapshot(scope), started('Ana'), scope);
    let bia = machine.transition(machine.getInitialSnapshot(scope), started('Bia'), scope);
    let anaRef = transition(machine, initialTransition(machine)[0], started('Ana'))[0];
    let biaRef = transition(machine, initialTransition(machine)[0], started('Bia'))[0];
    for (let i = 1; i <= 3; i++) {
      ana = machine.transition(ana, message(`a${i}`, t0 + i * 1000), scope);
      bia = machine.transition(bia, message(`b${i}`, t0 + i * 1000 + 1), scope);
      anaRef = transition(machine, anaRef, message(`a${i}`, t0 + i * 1000))[0];
      biaRef = transition(machine, biaRef, message(`b${i}`, t0 + i * 1000 + 1))[0];
    }
    expect(plainOf(ana)).toEqual(plainOf(anaRef));
    expect(plainOf(bia)).toEqual(plainOf(biaRef));
    // Nothing of one leaked into the other (scratch is reset by the engine per step, not here).
    const texts = (snapshot: AnyMachineSnapshot) =>
      (
        snapshot.context as { scratch: { effects: { kind: string; text?: string }[] } }
      ).scratch.effects
        .filter((effect) => effect.kind === 'message')
        .map((effect) => effect.text);
    expect(texts(ana)).toEqual(['Hello Ana', 'You said a1', 'You said a2', 'You said a3']);
    expect(texts(bia)).toEqual(['Hello Bia', 'You said b1', 'You said b2', 'You said b3']);
    expect(ana.value).toBe('wait');
  });
});
