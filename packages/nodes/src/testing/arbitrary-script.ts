import fc from 'fast-check';
import type { Json } from '@attendflow/engine';
import type { ScriptStep } from '@attendflow/engine/testing';
import { longText, shortText } from './arbitrary-flow.js';
import { DAY, HOUR, MINUTE, SECOND } from './time.js';

/** A channel action an agent may ask for, with its payload. */
export interface AgentActionRequest {
  action: string;
  payload: Record<string, Json>;
}

/** Options of {@link arbitraryScript}. */
export interface ArbitraryScriptOptions {
  maxSteps?: number;
  /** Channel actions agents ask for now and then (e.g. Reclame Aqui's moderation request). */
  actions?: fc.Arbitrary<AgentActionRequest>;
}

const agentId = fc.constantFrom('agent-1', 'agent-2');
const replyText = fc.oneof({ arbitrary: shortText, weight: 4 }, { arbitrary: longText, weight: 1 });
const wait = fc
  .oneof(
    fc.integer({ min: SECOND, max: MINUTE }),
    fc.integer({ min: MINUTE, max: HOUR }),
    fc.integer({ min: HOUR, max: DAY }),
    fc.integer({ min: DAY, max: 7 * DAY }),
  )
  .map((ms): ScriptStep => ({ wait: ms }));

/**
 * What happens on a conversation after it starts: 1 to `maxSteps` customer messages, agent
 * actions (take, public/private replies of any length, evaluation requests, close), customer
 * evaluations, time passing (seconds to days) and timers falling due.
 */
export function arbitraryScript(options: ArbitraryScriptOptions = {}): fc.Arbitrary<ScriptStep[]> {
  const steps: Array<fc.WeightedArbitrary<ScriptStep>> = [
    {
      weight: 3,
      arbitrary: fc
        .oneof({ arbitrary: shortText, weight: 5 }, { arbitrary: longText, weight: 1 })
        .map((text) => ({ type: 'customer.message', text })),
    },
    { weight: 1, arbitrary: agentId.map((id) => ({ type: 'agent.took', agentId: id })) },
    {
      weight: 3,
      arbitrary: fc
        .record({ agentId, text: replyText, visibility: fc.constantFrom('public', 'private') })
        .map((reply) => ({ type: 'agent.reply', ...reply })),
    },
    {
      weight: 1,
      arbitrary: agentId.map((id) => ({ type: 'agent.requested-evaluation', agentId: id })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.integer({ min: 0, max: 10 }).map((score) => ({ score })),
          fc.constantFrom('good', 'bad').map((rating) => ({ rating })),
        )
        .map((evaluation) => ({ type: 'customer.evaluated', ...evaluation })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ agentId, solution: fc.option(fc.constant('resolvido'), { nil: undefined }) })
        .map(({ agentId: id, solution }) => ({
          type: 'agent.closed',
          agentId: id,
          ...(solution === undefined ? {} : { solution }),
        })),
    },
    { weight: 2, arbitrary: wait },
    { weight: 2, arbitrary: fc.constant({ nextTimer: true }) },
  ];
  if (options.actions) {
    steps.push({
      weight: 1,
      arbitrary: fc
        .tuple(agentId, options.actions)
        .map(([id, request]) => ({ type: 'agent.action', agentId: id, ...request })),
    });
  }
  return fc.array(fc.oneof(...steps), { minLength: 1, maxLength: options.maxSteps ?? 25 });
}
