import { describe, expect, it } from 'vitest';
import { validateFlow } from '@attendflow/engine';
import { runFlow, script } from '@attendflow/engine/testing';
import { buildFlow } from '../../../testing/flow-builder.js';
import { registryOf } from '../../../testing/registry-of.js';
import { closeRuntime } from '../../../nodes/close/runtime.js';
import { humanHandoffRuntime } from '../../../nodes/human-handoff/runtime.js';
import { triggerRuntime } from '../../../nodes/trigger/runtime.js';
import { reclameAqui } from '../definition.js';
import { raRequestEvaluationRuntime } from './ra-request-evaluation.runtime.js';
import { raRequestModerationRuntime } from './ra-request-moderation.runtime.js';

const registry = registryOf(
  [
    triggerRuntime,
    humanHandoffRuntime,
    closeRuntime,
    raRequestModerationRuntime,
    raRequestEvaluationRuntime,
  ],
  [reclameAqui],
);
const start = { text: 'Pedido não entregue' };

describe('Reclame Aqui channel nodes', () => {
  const evaluationFlow = buildFlow(
    [
      { id: 'start', type: 'trigger' },
      { id: 'handoff', type: 'human-handoff', settings: { sector: 'SAC' } },
      {
        id: 'eval',
        type: 'ra-request-evaluation',
        settings: { saveGradeTo: 'nota', saveDealAgainTo: 'voltaria' },
      },
      { id: 'ok', type: 'close', settings: { solution: 'resolvido' } },
      { id: 'again', type: 'human-handoff', settings: { sector: 'Ouvidoria' } },
    ],
    [
      'start.next -> handoff',
      'handoff.answered -> eval',
      'eval.resolved -> ok',
      'eval.not-resolved -> again',
    ],
  );

  it('requests the evaluation after the public answer and routes on "resolved", saving the answers', () => {
    const result = runFlow(
      evaluationFlow,
      [
        script.reply('Resolvemos o seu caso.', 'public'),
        script.wait('2d'),
        { type: 'customer.evaluated', score: 8, resolved: true, wouldDoBusinessAgain: true },
      ],
      { registry, channel: 'reclame-aqui', start },
    );
    expect(result.at).toBe('$closed');
    expect(result.snapshot.context.variables).toMatchObject({ nota: 8, voltaria: true });
    expect(
      result.effects
        .filter((e) => e.kind === 'channel.action')
        .map((e) => e.kind === 'channel.action' && e.action),
    ).toEqual(['evaluation.request']);
  });

  it('sends a not-resolved evaluation back to an agent', () => {
    const result = runFlow(
      evaluationFlow,
      [script.reply('Resposta', 'public'), script.evaluate({ score: 2, resolved: false })],
      {
        registry,
        channel: 'reclame-aqui',
        start,
      },
    );
    const exits = result.trace
      .filter((e) => e.kind === 'exit')
      .map((e) => `${e.nodeId}.${e.port ?? ''}`);
    // The second handoff leaves at once: the one public answer is already given.
    expect(exits).toEqual([
      'start.next',
      'handoff.answered',
      'eval.not-resolved',
      'again.answered',
    ]);
    expect([
      result.snapshot.context.variables['nota'],
      result.snapshot.context.variables['voltaria'],
    ]).toEqual([2, null]);
  });

  const moderationFlow = (settings: Record<string, unknown>) =>
    buildFlow(
      [
        { id: 'start', type: 'trigger' },
        { id: 'mod', type: 'ra-request-moderation', settings },
        { id: 'gone', type: 'close', settings: { solution: 'moderada' } },
        { id: 'handoff', type: 'human-handoff', settings: { sector: 'SAC' } },
      ],
      [
        'start.next -> mod',
        'mod.accepted -> gone',
        'mod.denied -> handoff',
        'mod.timeout -> handoff',
        'mod.refused -> handoff',
      ],
    );

  it('requests moderation with the reason code and waits for RA’s decision', () => {
    const flow = moderationFlow({
      reason: '1',
      message: 'Reclamação sobre {{subject}}',
      migrateTo: '5678',
    });
    const decided = (accepted: boolean) => ({
      type: 'channel.moderation.decided' as const,
      payload: { accepted, reason: 1 },
    });
    const accepted = runFlow(flow, [script.wait('3d'), decided(true)], {
      registry,
      channel: 'reclame-aqui',
      start: { ...start, subject: 'Pedido 42' },
    });
    expect(accepted.at).toBe('$closed');
    expect(accepted.effects.find((e) => e.kind === 'channel.action')).toMatchObject({
      action: 'moderation.request',
      payload: {
        reason: 1,
        message: 'Reclamação sobre Pedido 42',
        migrateTo: '5678',
        attachments: [],
      },
      author: 'bot',
    });
    expect(runFlow(flow, [decided(false)], { registry, channel: 'reclame-aqui', start }).at).toBe(
      'handoff',
    );
    expect(
      runFlow(flow, [script.wait('16d')], { registry, channel: 'reclame-aqui', start }).at,
    ).toBe('handoff');
  });

  it('names a missing target company at design time, and is offered on Reclame Aqui only', () => {
    const issues = validateFlow(
      moderationFlow({ reason: '1', message: 'Outra empresa' }),
      registry,
      'reclame-aqui',
    ).issues;
    expect(issues.map((i) => [i.nodeId, i.path?.join('.'), i.message])).toContainEqual([
      'mod',
      'nodes.1.settings.migrateTo',
      'ra-request-moderation "mod": settings.migrateTo: give the Reclame Aqui id of the company (required with reason 1)',
    ]);
    expect(reclameAqui.nodes.map((n) => n.type)).toEqual([
      'ra-request-moderation',
      'ra-request-evaluation',
    ]);
  });
});
