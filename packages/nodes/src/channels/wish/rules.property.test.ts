import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelRuleCodes,
  type ChannelDefinition,
  type ChannelPoliciesInput,
  type Json,
} from '@attendflow/engine';
import { fakeChannel } from '@attendflow/engine/testing';
import { createBuiltInRegistry } from '../../runtime.js';
import { arbitraryFlow, longText, shortText } from '../../testing/arbitrary-flow.js';
import { arbitraryScript } from '../../testing/arbitrary-script.js';
import { observeScript, type Observation } from '../../testing/observe-script.js';
import { wish } from './definition.js';

// Every generated (flow, script) runs the real built-in nodes through the engine on Wish, and a
// model kept here from what the host sees (events, rejections, effects) judges the run.
// Replay a failure with FC_SEED=<seed> FC_PATH=<path> from fast-check's report.

const registry = createBuiltInRegistry();
const MAX_BODY = 2000;
const DEADLINE_MS = 48 * 3_600_000;
const runs = {
  numRuns: 1000,
  ...(process.env.FC_SEED === undefined
    ? {}
    : { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH }),
};

const ticketActions = fc.oneof(
  fc.constantFrom<{ action: string; payload: Record<string, Json> }>(
    { action: 'ticket.appeal', payload: {} },
    { action: 'ticket.close', payload: {} },
  ),
  fc.oneof(shortText, longText).map((reply) => ({ action: 'ticket.reopen', payload: { reply } })),
  shortText.map((reply) => ({ action: 'ticket.reply-and-resolve', payload: { reply } })),
);
const cases = fc.record({
  flow: arbitraryFlow(),
  script: arbitraryScript({ actions: ticketActions }),
});
type Case = typeof cases extends fc.Arbitrary<infer T> ? T : never;

// A Wish ticket always opens with the buyer's question: the start makes it await the merchant.
const observe = ({ flow, script }: Case, channel: string | ChannelDefinition = 'wish') =>
  observeScript(flow, script, {
    registry,
    channel,
    start: {
      subject: 'Where is my order?',
      text: 'My order has not arrived',
      customer: { name: 'Ana', fields: {} },
    },
  });

/** The first violation of each Wish rule in a run (null: the rule held). */
interface Verdict {
  awaiting: string | null;
  bodyLength: string | null;
  deadline: string | null;
}

const at = (o: Observation) => `at ${new Date(o.time).toISOString()}`;

/**
 * Replays a run against a model of the ticket: it awaits the merchant from the start and again
 * after each buyer message that follows a merchant message; a message is due only then, and the
 * answer is due 48 h after the buyer message that made the ticket await the merchant.
 */
function judge(observed: Observation[]): Verdict {
  const verdict: Verdict = { awaiting: null, bodyLength: null, deadline: null };
  const report = (rule: keyof Verdict, text: string) => (verdict[rule] ??= text);
  let open = true;
  let awaitingMerchant = true;
  let since = observed[0]?.time ?? 0;
  let hostDue: number | null = null;
  const checkDeadline = (o: Observation | null) => {
    const expected = open && awaitingMerchant ? since + DEADLINE_MS : null;
    if (hostDue !== expected) {
      report(
        'deadline',
        `answerDueAt ${iso(hostDue)}, expected ${iso(expected)} ${o ? at(o) : 'at the end'}`,
      );
    }
  };
  for (const o of observed.slice(1)) {
    if (o.kind === 'event') {
      checkDeadline(o);
      const { event } = o;
      const got = o.rejection?.code ?? 'accepted';
      if (event.type === 'customer.message' && open && !awaitingMerchant) {
        awaitingMerchant = true;
        since = o.time;
      }
      if (event.type === 'agent.reply') {
        const tooLong = event.text.length > MAX_BODY;
        const expected = !open
          ? channelRuleCodes.closed
          : tooLong
            ? channelRuleCodes.bodyTooLong
            : !awaitingMerchant
              ? channelRuleCodes.notAwaitingCompany
              : event.visibility === 'private'
                ? channelRuleCodes.visibilityUnsupported
                : 'accepted';
        if (got !== expected) {
          report(
            tooLong ? 'bodyLength' : 'awaiting',
            `reply of ${event.text.length} chars ${at(o)}: ${got}, expected ${expected}`,
          );
        }
      } else if (event.type.startsWith('agent.') && !open && got !== channelRuleCodes.closed) {
        report('awaiting', `${event.type} after close ${at(o)}: ${got}`);
      }
      continue;
    }
    const { effect } = o;
    if (effect.kind === 'message') {
      if (effect.text.length > MAX_BODY)
        report('bodyLength', `a message of ${effect.text.length} chars ${at(o)}`);
      if (!open) report('awaiting', `a message after close ${at(o)}`);
      else if (!awaitingMerchant)
        report('awaiting', `a ${effect.author} message while awaiting the buyer ${at(o)}`);
      awaitingMerchant = false;
    } else if (effect.kind === 'message.blocked') {
      const tooLong = effect.text.length > MAX_BODY;
      const expected = tooLong
        ? channelRuleCodes.bodyTooLong
        : awaitingMerchant
          ? 'sent'
          : channelRuleCodes.notAwaitingCompany;
      if (effect.code !== expected) {
        report(
          tooLong ? 'bodyLength' : 'awaiting',
          `${effect.nodeId} blocked ${at(o)}: ${effect.code}, expected ${expected}`,
        );
      }
    } else if (effect.kind === 'conversation.update') {
      if (effect.changes.answerDueAt !== undefined) hostDue = effect.changes.answerDueAt;
      if (effect.changes.status === 'closed') open = false;
    }
  }
  checkDeadline(null);
  return verdict;
}

const iso = (time: number | null) => (time === null ? 'none' : new Date(time).toISOString());

const holds = (rule: keyof Verdict) =>
  fc.property(cases, (each) => {
    expect(judge(observe(each))[rule]).toBeNull();
  });

/** Wish with some policies changed: the rule must catch the weakened channel. */
const findsCounterexample = (rule: keyof Verdict, policies: Partial<ChannelPoliciesInput>) => {
  const channel = fakeChannel({
    type: 'wish',
    policies: { ...wish.policies, ...policies },
    actions: wish.actions,
  });
  return fc.check(
    fc.property(cases, (each) => judge(observe(each, channel))[rule] === null),
    { numRuns: 1000, endOnFailure: true },
  ).failed;
};

// 1000 generated runs per rule: generous time for a machine shared with other test runs.
describe('wish channel rules, over generated flows and events', { timeout: 30_000 }, () => {
  it('sends a message (bot or agent) only while the ticket awaits the merchant', () => {
    fc.assert(holds('awaiting'), runs);
  });

  it(`accepts no body over ${MAX_BODY} characters and refuses such replies as too long`, () => {
    fc.assert(holds('bodyLength'), runs);
  });

  it('sets the answer deadline 48 h after the buyer message that awaits the merchant', () => {
    fc.assert(holds('deadline'), runs);
  });

  it('each rule catches a channel that lacks its policy', () => {
    expect({
      awaiting: findsCounterexample('awaiting', { replyOnlyWhenAwaitingCompany: false }),
      bodyLength: findsCounterexample('bodyLength', { maxBodyLength: undefined }),
      deadline: findsCounterexample('deadline', { answerDeadlineMs: 24 * 3_600_000 }),
    }).toEqual({ awaiting: true, bodyLength: true, deadline: true });
  });
});
