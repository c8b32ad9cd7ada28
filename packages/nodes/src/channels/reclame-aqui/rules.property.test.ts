import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelRuleCodes,
  compileFlow,
  type ChannelDefinition,
  type ChannelPoliciesInput,
  type Json,
} from '@attendflow/engine';
import { fakeChannel } from '@attendflow/engine/testing';
import { createBuiltInRegistry } from '../../runtime.js';
import { arbitraryFlow } from '../../testing/arbitrary-flow.js';
import { arbitraryScript } from '../../testing/arbitrary-script.js';
import { observeScript, type Observation } from '../../testing/observe-script.js';
import { reclameAqui } from './definition.js';

// Every generated (flow, script) runs the real built-in nodes through the engine on Reclame Aqui,
// and a model kept here from what the host sees (events, rejections, effects) judges the run.
// Replay a failure with FC_SEED=<seed> FC_PATH=<path> from fast-check's report.

const registry = createBuiltInRegistry();
const SPACING_MS = 25_000;
const runs = {
  numRuns: 1000,
  ...(process.env.FC_SEED === undefined
    ? {}
    : { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH }),
};

// The second payload lacks its message: the channel refuses it as invalid while open.
const moderation = fc.record({
  action: fc.constant('moderation.request'),
  payload: fc.constantFrom<Record<string, Json>>(
    { reason: 4, message: 'Reclamação duplicada' },
    { reason: 7 },
  ),
});
const cases = fc.record({
  flow: arbitraryFlow(),
  script: arbitraryScript({ actions: moderation }),
});
type Case = typeof cases extends fc.Arbitrary<infer T> ? T : never;

const observe = ({ flow, script }: Case, channel: string | ChannelDefinition = 'reclame-aqui') =>
  observeScript(flow, script, {
    registry,
    channel,
    start: {
      subject: 'Pedido atrasado',
      text: 'Meu pedido não chegou, quero reembolso',
      customer: { name: 'Ana', fields: {} },
    },
  });

/** A rule: the first violation in a run, or null. */
type Rule = (observed: Observation[]) => string | null;

const isClose = (o: Observation) =>
  o.kind === 'effect' &&
  o.effect.kind === 'conversation.update' &&
  o.effect.changes.status === 'closed';
const at = (o: Observation) => `at ${new Date(o.time).toISOString()}`;
const outcome = (o: Observation & { kind: 'event' }) => o.rejection?.code ?? 'accepted';

const automaticMessagesArePrivate: Rule = (observed) => {
  for (const o of observed) {
    if (o.kind !== 'effect' || o.effect.kind !== 'message' || o.effect.author !== 'bot') continue;
    if (o.effect.visibility !== 'private')
      return `${o.effect.nodeId} sent a public message ${at(o)}`;
  }
  return null;
};

const onePublicAnswerByAnAgent: Rule = (observed) => {
  let open = true;
  let answered = false;
  for (const o of observed) {
    if (isClose(o)) open = false;
    if (o.kind === 'effect' && o.effect.kind === 'message' && o.effect.visibility === 'public') {
      if (o.effect.author !== 'agent') return `a public message by ${o.effect.author} ${at(o)}`;
      if (answered) return `a second public message ${at(o)}`;
      answered = true;
    }
    if (o.kind === 'event' && o.event.type === 'agent.reply' && o.event.visibility === 'public') {
      const expected = !open
        ? channelRuleCodes.receptiveOnly
        : answered
          ? channelRuleCodes.publicAnswerLimit
          : 'accepted';
      if (outcome(o) !== expected)
        return `public reply ${at(o)}: ${outcome(o)}, expected ${expected}`;
    }
  }
  return null;
};

const nothingAfterClose: Rule = (observed) => {
  let closed = false;
  for (const o of observed) {
    if (o.kind === 'effect') {
      const { kind } = o.effect;
      if (closed && (kind === 'message' || kind === 'channel.action' || kind === 'timer.arm')) {
        return `${kind} after close ${at(o)}`;
      }
    } else if (o.event.type.startsWith('agent.')) {
      const expected = closed
        ? channelRuleCodes.receptiveOnly
        : o.event.type === 'agent.closed' || o.event.type === 'agent.took'
          ? 'accepted'
          : outcome(o);
      if (outcome(o) !== expected)
        return `${o.event.type} ${at(o)}: ${outcome(o)}, expected ${expected}`;
    }
    if (isClose(o)) closed = true;
  }
  return null;
};

const spacingHeld: Rule = (observed) => {
  let last: number | null = null;
  for (const o of observed) {
    if (o.kind !== 'effect' || o.effect.kind !== 'message') continue;
    const { notBefore } = o.effect;
    if (notBefore < o.time)
      return `a message due ${notBefore - o.time} ms before its step ${at(o)}`;
    if (last !== null && notBefore - last < SPACING_MS) {
      return `two messages ${notBefore - last} ms apart ${at(o)}`;
    }
    last = notBefore;
  }
  return null;
};

const evaluationOnceAfterPublicAnswer: Rule = (observed) => {
  let open = true;
  let answered = false;
  let requested = false;
  for (const o of observed) {
    if (isClose(o)) open = false;
    if (o.kind === 'effect' && o.effect.kind === 'message' && o.effect.visibility === 'public') {
      answered = true;
    }
    if (
      o.kind === 'effect' &&
      o.effect.kind === 'channel.action' &&
      o.effect.action === 'evaluation.request'
    ) {
      if (!answered) return `evaluation requested before the public answer ${at(o)}`;
      if (requested) return `evaluation requested twice ${at(o)}`;
      requested = true;
    }
    if (o.kind === 'event' && o.event.type === 'agent.requested-evaluation') {
      const expected = !open
        ? channelRuleCodes.receptiveOnly
        : requested
          ? channelRuleCodes.evaluationAlreadyRequested
          : !answered
            ? channelRuleCodes.evaluationBeforeAnswer
            : 'accepted';
      if (outcome(o) !== expected)
        return `evaluation request ${at(o)}: ${outcome(o)}, expected ${expected}`;
    }
  }
  return null;
};

/**
 * RA takes an evaluation request only once the company's public answer is there, so the request
 * must not be due before the answer, which spacing may hold back past the step.
 */
const evaluationNotBeforeAnswerIsDue: Rule = (observed) => {
  let answerDue: number | null = null;
  for (const o of observed) {
    if (o.kind !== 'effect') continue;
    if (o.effect.kind === 'message' && o.effect.visibility === 'public')
      answerDue = o.effect.notBefore;
    if (o.effect.kind === 'channel.action' && o.effect.action === 'evaluation.request') {
      const due = o.effect.notBefore;
      if (answerDue !== null && due < answerDue) {
        return `evaluation requested ${at(o)}, due ${answerDue - due} ms before the public answer`;
      }
    }
  }
  return null;
};

const holds = (rule: Rule, channel?: ChannelDefinition) =>
  fc.property(cases, (each) => {
    expect(rule(observe(each, channel))).toBeNull();
  });

/** Reclame Aqui with some policies changed: a rule must catch the weakened channel. */
const weakened = (policies: Partial<ChannelPoliciesInput>) =>
  fakeChannel({
    type: 'reclame-aqui',
    policies: { ...reclameAqui.policies, ...policies },
    actions: reclameAqui.actions,
  });

const findsCounterexample = (
  rule: Rule,
  channel: ChannelDefinition | string,
  doctor: (observed: Observation[]) => Observation[] = (observed) => observed,
) =>
  fc.check(
    fc.property(cases, (each) => rule(doctor(observe(each, channel))) === null),
    { numRuns: 1000, endOnFailure: true },
  ).failed;

/** A run as an engine would give it that did not queue channel actions behind messages. */
const actionsDueAtOnce = (observed: Observation[]): Observation[] =>
  observed.map((o) =>
    o.kind === 'effect' && o.effect.kind === 'channel.action'
      ? { ...o, effect: { ...o.effect, notBefore: o.time } }
      : o,
  );

describe('reclame-aqui channel rules, over generated flows and events', () => {
  it('generated flows compile with the built-in nodes', () => {
    fc.assert(
      fc.property(arbitraryFlow(), (flow) => {
        expect(compileFlow(flow, registry).nodes.size).toBe(flow.nodes.length);
      }),
      runs,
    );
  });

  it('1. sends no automatic message publicly', () => {
    fc.assert(holds(automaticMessagesArePrivate), runs);
  });

  it('2. takes one public message at most, written by an agent', () => {
    fc.assert(holds(onePublicAnswerByAnAgent), runs);
  });

  it('3. sends nothing after close and refuses every agent action as receptive only', () => {
    fc.assert(holds(nothingAfterClose), runs);
  });

  it('4. keeps 25 s between outbound messages, never before the step', () => {
    fc.assert(holds(spacingHeld), runs);
  });

  it('5. requests the evaluation once, after the public answer', () => {
    fc.assert(holds(evaluationOnceAfterPublicAnswer), runs);
  });

  it('5b. requests the evaluation no earlier than the public answer is due', () => {
    fc.assert(holds(evaluationNotBeforeAnswerIsDue), runs);
  });

  it('each rule catches a channel that lacks its policy, or an engine that ignores it', () => {
    // Without `automaticVisibility` alone bots still write privately: the public answer is an
    // agent's, so the public-answer rule must go too before a bot can write publicly.
    const anyAuthor = { publicAnswer: { author: 'any', max: 1 } } as const;
    expect({
      automaticVisibility: findsCounterexample(
        automaticMessagesArePrivate,
        weakened({ automaticVisibility: undefined, ...anyAuthor }),
      ),
      publicAnswerMax: findsCounterexample(
        onePublicAnswerByAnAgent,
        weakened({ publicAnswer: { author: 'agent' } }),
      ),
      receptiveOnly: findsCounterexample(nothingAfterClose, weakened({ receptiveOnly: false })),
      minSpacing: findsCounterexample(spacingHeld, weakened({ minSpacingMs: 0 })),
      evaluation: findsCounterexample(
        evaluationOnceAfterPublicAnswer,
        weakened({ evaluation: { requires: 'none', once: false } }),
      ),
      actionQueue: findsCounterexample(
        evaluationNotBeforeAnswerIsDue,
        'reclame-aqui',
        actionsDueAtOnce,
      ),
    }).toEqual({
      automaticVisibility: true,
      publicAnswerMax: true,
      receptiveOnly: true,
      minSpacing: true,
      evaluation: true,
      actionQueue: true,
    });
  });
});
