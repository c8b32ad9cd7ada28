import { describe, expect, it } from 'vitest';
import { secretFieldsOf } from '@attendflow/engine';
import { runFlow, script } from '@attendflow/engine/testing';
import { buildFlow } from '../../testing/flow-builder.js';
import { registryOf } from '../../testing/registry-of.js';
import { autoMessageRuntime } from '../../nodes/auto-message/runtime.js';
import { closeRuntime } from '../../nodes/close/runtime.js';
import { humanHandoffRuntime } from '../../nodes/human-handoff/runtime.js';
import { requestEvaluationRuntime } from '../../nodes/request-evaluation/runtime.js';
import { triggerRuntime } from '../../nodes/trigger/runtime.js';
import { reclameAqui } from './definition.js';
import { moderationRequestSchema } from './moderation-request.js';
import { raRequestEvaluationRuntime } from './nodes/ra-request-evaluation.runtime.js';
import { raRequestModerationRuntime } from './nodes/ra-request-moderation.runtime.js';

const registry = registryOf(
  [
    triggerRuntime,
    autoMessageRuntime,
    humanHandoffRuntime,
    requestEvaluationRuntime,
    closeRuntime,
    raRequestModerationRuntime,
    raRequestEvaluationRuntime,
  ],
  [reclameAqui],
);

const good = {
  description: 'RA — Loja Exemplo',
  companyEmail: 'sac@loja.example',
  user: 'client-id-123',
  password: 'client-secret',
};

const pathsOf = (value: unknown) =>
  reclameAqui.settings
    .safeParse(value)
    .error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('reclame-aqui channel', () => {
  it('accepts good settings and fills the defaults', () => {
    expect(
      reclameAqui.settings.parse({ ...good, retroactiveMonths: 12, spacingSeconds: 30 }),
    ).toMatchObject({
      syncIntervalMinutes: 30,
      retroactiveMonths: 12,
      syncGroup: '',
      spacingSeconds: 30,
    });
  });

  it('rejects bad settings naming the field', () => {
    expect(pathsOf({ ...good, syncIntervalMinutes: 5 })).toEqual([
      ['syncIntervalMinutes', 'sync at most every 10 minutes'],
    ]);
    expect(pathsOf({ ...good, syncIntervalMinutes: 1441 })).toEqual([
      ['syncIntervalMinutes', 'sync at least once a day (1440 minutes)'],
    ]);
    expect(pathsOf({ ...good, retroactiveMonths: -1 })).toEqual([
      ['retroactiveMonths', 'use 0 for today only'],
    ]);
    expect(pathsOf({ ...good, spacingSeconds: 10 })).toEqual([
      ['spacingSeconds', 'keep at least 25 seconds between messages'],
    ]);
    expect(pathsOf({ ...good, companyEmail: 'sac' })).toEqual([
      ['companyEmail', 'enter the company e-mail registered at Reclame Aqui'],
    ]);
    expect(pathsOf({ ...good, companyPageId: 'Loja' })).toEqual([
      ['companyPageId', 'pick one of the company pages found with your user and password'],
    ]);
    expect(pathsOf({ ...good, baseUrl: 'hugme' })).toEqual([
      ['baseUrl', 'the API address must be an http(s) URL'],
    ]);
    expect(pathsOf({ ...good, password: '' })).toEqual([
      ['password', 'enter the password supplied by Reclame Aqui'],
    ]);
  });

  it('marks the password as the secret', () => {
    expect(secretFieldsOf(reclameAqui.settings)).toEqual(['password']);
  });

  it('checks moderation requests: a reason code, and the target company for "another company"', () => {
    expect(moderationRequestSchema.parse({ reason: 4, message: 'Duplicada da 123' })).toEqual({
      reason: 4,
      message: 'Duplicada da 123',
      attachments: [],
    });
    const missingTarget = moderationRequestSchema.safeParse({ reason: 1, message: 'Não é nossa' });
    expect(missingTarget.error?.issues.map((issue) => issue.path)).toEqual([['migrateTo']]);
    const badReason = moderationRequestSchema.safeParse({ reason: 2, message: 'x' });
    expect(badReason.error?.issues[0]).toMatchObject({ path: ['reason'] });
    expect(badReason.error?.issues[0]?.message).toMatch(
      /^reason must be one of 1 \(.*\), 4 .*19 \(Fraud\)$/,
    );
  });

  it('sends automatic messages privately, spaced, takes one public answer, and nothing after close', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'trigger' },
        {
          id: 'ack',
          type: 'auto-message',
          settings: { text: 'Recebemos sua reclamação', visibility: 'public' },
        },
        {
          id: 'info',
          type: 'auto-message',
          settings: { text: 'Responderemos em breve', visibility: 'private' },
        },
        { id: 'handoff', type: 'human-handoff', settings: { sector: 'Ouvidoria' } },
        { id: 'eval', type: 'request-evaluation' },
        {
          id: 'close',
          type: 'close',
          settings: { message: 'Obrigado pela avaliação', solution: 'resolvido' },
        },
      ],
      [
        'start.next -> ack',
        'ack.next -> info',
        'info.next -> handoff',
        'handoff.answered -> eval',
        'eval.evaluated -> close',
      ],
    );
    const result = runFlow(
      flow,
      [
        script.wait('1h'),
        {
          type: 'agent.action',
          agentId: 'agent-1',
          action: 'moderation.request',
          payload: { reason: 1, message: 'Outra loja' },
        },
        script.reply('Seu pedido foi reenviado.', 'public'),
        script.reply('Mais um detalhe público', 'public'),
        script.wait('1d'),
        script.evaluate({ score: 9, resolved: true }),
        script.reply('Obrigado!', 'private'),
      ],
      { registry, channel: 'reclame-aqui', start: { text: 'Pedido não entregue' } },
    );
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  customer              «Pedido não entregue»',
      '+0:00:00  bot           private «Recebemos sua reclamação» [CHANNEL_AUTOMATIC_VISIBILITY]  (ack)',
      '+0:00:25  bot           private «Responderemos em breve»  (info)',
      '+0:00:00  system                ■ sector=Ouvidoria queue=Ouvidoria',
      '+1:00:00  agent:agent-1         ✗ refused: agent.action: moderation.request: migrateTo: give the Reclame Aqui id of the company the complaint is meant for (required with reason 1) [CHANNEL_ACTION_INVALID]',
      '+1:00:00  agent:agent-1 public  «Seu pedido foi reenviado.»',
      '+1:00:00  system                ■ status=in-attendance queue=∅',
      '+1:00:25  bot                   ⚑ evaluation.request  (eval)',
      '+1:00:00  system                ■ status=awaiting-evaluation',
      '+1:00:00  agent:agent-1         ✗ refused: public reply «Mais um detalhe público»: this channel takes at most 1 public answer(s) per conversation [CHANNEL_PUBLIC_ANSWER_LIMIT]',
      '+1d 1:00:00   customer              ★ evaluated: score 9, resolved',
      '+1d 1:00:00   system                ■ status=in-attendance',
      '+1d 1:00:00   bot           private «Obrigado pela avaliação»  (close)',
      '+1d 1:00:00   system                ■ status=closed solution=resolvido',
      '+1d 1:00:00   agent:agent-1         ✗ refused: private reply «Obrigado!»: the attendance is closed and this channel is receptive only: nothing can be sent [CHANNEL_RECEPTIVE_ONLY]',
    ]);
    expect(result.rejections.map((rejection) => rejection.code)).toEqual([
      'CHANNEL_ACTION_INVALID',
      'CHANNEL_PUBLIC_ANSWER_LIMIT',
      'CHANNEL_RECEPTIVE_ONLY',
    ]);
    expect(result.at).toBe('$closed');
  });

  it('takes a valid moderation request from an agent, and a connection’s spacing as a policy override', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'trigger' },
        { id: 'ack', type: 'auto-message', settings: { text: 'Um' } },
        { id: 'info', type: 'auto-message', settings: { text: 'Dois' } },
        { id: 'handoff', type: 'human-handoff' },
      ],
      ['start.next -> ack', 'ack.next -> info', 'info.next -> handoff'],
    );
    const payload = { reason: 1, message: 'Reclamação da loja vizinha', migrateTo: '98765' };
    const result = runFlow(
      flow,
      [{ type: 'agent.action', agentId: 'agent-2', action: 'moderation.request', payload }],
      {
        registry,
        channel: 'reclame-aqui',
        start: {
          policies: reclameAqui.policiesFrom?.(
            reclameAqui.settings.parse({ ...good, spacingSeconds: 30 }),
          ),
        },
      },
    );
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  bot           private «Um»  (ack)',
      '+0:00:30  bot           private «Dois»  (info)',
      '+0:01:00  agent:agent-2         ⚑ moderation.request',
    ]);
    expect(result.effects.find((effect) => effect.kind === 'channel.action')).toMatchObject({
      payload: { ...payload, attachments: [] },
    });
  });
});
