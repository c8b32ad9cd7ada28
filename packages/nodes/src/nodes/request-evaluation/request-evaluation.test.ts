import { describe, expect, it } from 'vitest';
import { validateFlow } from '@attendflow/engine';
import { runFlow, script } from '@attendflow/engine/testing';
import { buildFlow } from '../../testing/flow-builder.js';
import { chatLike, raLike } from '../../testing/ra-like.js';
import { registryOf } from '../../testing/registry-of.js';
import { autoMessageRuntime } from '../auto-message/runtime.js';
import { humanHandoffRuntime } from '../human-handoff/runtime.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { waitForCustomerRuntime } from '../wait-for-customer/runtime.js';
import { requestEvaluationRuntime } from './runtime.js';

const registry = registryOf([
  triggerRuntime,
  autoMessageRuntime,
  humanHandoffRuntime,
  requestEvaluationRuntime,
  waitForCustomerRuntime,
]);
const evaluation = { timeout: { amount: 1, unit: 'days' }, saveTo: 'nota' };

/** start → [before] → eval; evaluated → thanks, timeout → late, refused → refused. */
function evaluationFlow(before?: {
  type: string;
  settings?: Record<string, unknown>;
  port: string;
}) {
  return buildFlow(
    [
      { id: 'start', type: 'trigger' },
      ...(before ? [{ id: 'before', type: before.type, settings: before.settings ?? {} }] : []),
      { id: 'eval', type: 'request-evaluation', settings: evaluation },
      {
        id: 'thanks',
        type: 'auto-message',
        settings: { text: 'Obrigado! Sua nota: {{nota}}', visibility: 'public' },
      },
      { id: 'late', type: 'wait-for-customer' },
      { id: 'refused', type: 'wait-for-customer' },
    ],
    [
      ...(before
        ? ['start.next -> before', `before.${before.port} -> eval`]
        : ['start.next -> eval']),
      'eval.evaluated -> thanks',
      'eval.timeout -> late',
      'eval.refused -> refused',
    ],
    { variables: [{ name: 'nota', default: null }] },
  );
}

describe('request-evaluation', () => {
  it('requests the evaluation, waits for it and saves the rating', () => {
    const result = runFlow(
      evaluationFlow(),
      [script.wait('5m'), script.evaluate({ rating: 'good' })],
      {
        registry,
        channel: chatLike,
        start: { text: 'Oi' },
      },
    );
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  customer              «Oi»',
      '+0:00:00  bot                   ⚑ evaluation.request  (eval)',
      '+0:00:00  system                ■ status=awaiting-evaluation',
      '+0:05:00  customer              ★ evaluated: good',
      '+0:05:00  system                ■ status=waiting',
      '+0:05:00  bot           public  «Obrigado! Sua nota: good»  (thanks)',
      '+0:05:00  system                ■ flow ended',
    ]);
    expect(result.snapshot.context.variables).toEqual({ nota: 'good' });
  });

  it('on a Reclame Aqui-like channel is refused before the public answer: alerts and leaves through refused', () => {
    const result = runFlow(evaluationFlow(), [], { registry, channel: raLike });
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  system                ! Evaluation not requested: an evaluation can be requested only after the public answer  (eval)',
    ]);
    expect(result.at).toBe('refused');
    expect(result.conversation.status).toBe('waiting');
  });

  it('after the public answer of a handoff requests it and saves the score', () => {
    const flow = evaluationFlow({
      type: 'human-handoff',
      settings: { sector: 'Ouvidoria' },
      port: 'answered',
    });
    const result = runFlow(
      flow,
      [
        script.reply('Resolvemos o seu caso.'),
        script.wait('2h'),
        script.evaluate({ score: 8, resolved: true }),
      ],
      { registry, channel: raLike },
    );
    expect(result.transcript.lines().slice(2)).toEqual([
      '+0:00:00  system                ■ status=in-attendance queue=∅',
      '+0:00:25  bot                   ⚑ evaluation.request  (eval)',
      '+0:00:00  system                ■ status=awaiting-evaluation',
      '+2:00:00  customer              ★ evaluated: score 8, resolved',
      '+2:00:00  system                ■ status=in-attendance',
      '+2:00:00  bot           private «Obrigado! Sua nota: 8» [CHANNEL_AUTOMATIC_VISIBILITY]  (thanks)',
      '+2:00:00  system                ■ flow ended',
    ]);
    expect(result.snapshot.context.variables).toEqual({ nota: 8 });
  });

  it('waits without asking again when an agent already requested it, and an agent request meanwhile changes nothing', () => {
    const flow = evaluationFlow({ type: 'wait-for-customer', port: 'replied' });
    const steps = [
      script.requestEvaluation(),
      script.customer('Ok, vou avaliar'),
      script.requestEvaluation(),
    ];
    const waiting = runFlow(flow, steps, { registry, channel: chatLike });
    expect(waiting.at).toBe('eval');
    expect(
      waiting.transcript.entries
        .filter((entry) => entry.kind === 'action')
        .map((entry) => entry.who),
    ).toEqual(['agent:agent-1']);
    expect(waiting.rejections.map((rejection) => rejection.code)).toEqual([
      'CHANNEL_EVALUATION_ALREADY_REQUESTED',
    ]);

    const evaluated = runFlow(flow, [...steps, script.evaluate({ rating: 'bad' })], {
      registry,
      channel: chatLike,
    });
    expect(evaluated.at).toBe('$ended');
    expect(evaluated.snapshot.context.variables).toEqual({ nota: 'bad' });
  });

  it('leaves through evaluated at once when the evaluation already came', () => {
    const flow = evaluationFlow({ type: 'wait-for-customer', port: 'replied' });
    const steps = [
      script.requestEvaluation(),
      script.evaluate({ score: 10 }),
      script.customer('Obrigado!'),
    ];
    const result = runFlow(flow, steps, { registry, channel: chatLike });
    expect(result.transcript.messages.at(-1)?.text).toBe('Obrigado! Sua nota: 10');
    expect(
      result.trace
        .filter((entry) => entry.nodeId === 'eval')
        .map((entry) => entry.port ?? entry.kind),
    ).toEqual(['enter', 'evaluated']);
  });

  it('leaves through timeout when no evaluation came', () => {
    const result = runFlow(evaluationFlow(), [script.wait('23h'), script.nextTimer()], {
      registry,
      channel: chatLike,
    });
    expect(result.at).toBe('late');
    expect(result.trace.find((entry) => entry.port === 'timeout')?.at).toBe(86_400_000);
    expect(result.snapshot.context.variables).toEqual({ nota: null });
  });

  it('reports bad settings naming the field, and an evaluation before the answer at design time', () => {
    const flow = evaluationFlow();
    flow.nodes[1]!.settings = { saveTo: '1nota', timeout: { amount: 2, unit: 'weeks' } };
    const messages = validateFlow(flow, registry).issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^request-evaluation "eval": settings\.timeout\.unit: /),
        'request-evaluation "eval": settings.saveTo: use a variable name: a letter or "_" then letters, digits, "_"',
      ]),
    );
    const codes = validateFlow(evaluationFlow(), registry, raLike).issues.map(
      (issue) => issue.code,
    );
    expect(codes).toContain('CHANNEL_EVALUATION_BEFORE_ANSWER');
  });
});
