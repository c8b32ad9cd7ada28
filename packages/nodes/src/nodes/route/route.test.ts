import { portsOf, validateFlow } from '@attendflow/engine';
import { fakeChannel, runFlow } from '@attendflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../testing/flow-builder.js';
import { registryOf } from '../../testing/registry-of.js';
import { autoMessageRuntime } from '../auto-message/runtime.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { route } from './definition.js';
import { routeRuntime } from './runtime.js';

const registry = registryOf([triggerRuntime, autoMessageRuntime, routeRuntime]);
const chat = fakeChannel({ type: 'fake-chat', policies: { visibilities: ['public'] } });

const rulesSettings = {
  mode: 'rules',
  rules: [
    {
      id: 'refund',
      label: 'Refund',
      when: { rules: [{ kind: 'keywords', keywords: ['reembolso', 'estorno'] }] },
      set: { sector: 'Financeiro', occurrenceType: 'Reclamação', occurrence: 'Reembolso' },
    },
    {
      id: 'vip',
      when: {
        match: 'any',
        rules: [
          { kind: 'customer-field', field: 'fields.plan', operator: 'equals', value: 'gold' },
        ],
      },
      set: { sector: 'VIP' },
    },
  ],
  otherwise: { set: { sector: '{{metadata.team}}' } },
};

function routedFlow(settings: Record<string, unknown>) {
  return buildFlow(
    [
      { id: 'start', type: 'trigger' },
      { id: 'route', type: 'route', settings },
      {
        id: 'refund-msg',
        type: 'auto-message',
        settings: {
          text: 'Seu reembolso está com o {{conversation.sector}}',
          visibility: 'public',
        },
      },
      {
        id: 'vip-msg',
        type: 'auto-message',
        settings: { text: 'Atendimento VIP', visibility: 'public' },
      },
      {
        id: 'other-msg',
        type: 'auto-message',
        settings: { text: 'Vamos analisar', visibility: 'public' },
      },
    ],
    [
      'start.next -> route',
      'route.refund -> refund-msg',
      'route.vip -> vip-msg',
      'route.otherwise -> other-msg',
    ],
  );
}

const exits = (run: ReturnType<typeof runFlow>) =>
  run.trace
    .filter((entry) => entry.kind === 'exit')
    .map((entry) => `${entry.nodeId}.${entry.port}`);

describe('route', () => {
  it('sets fixed values and leaves through next', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'trigger' },
        {
          id: 'route',
          type: 'route',
          settings: { set: { sector: 'Suporte', occurrence: 'Dúvida', solution: '' } },
        },
      ],
      ['start.next -> route'],
    );
    const run = runFlow(flow, [], { registry, channel: chat });
    expect(exits(run)).toEqual(['start.next', 'route.next']);
    expect(run.conversation).toMatchObject({
      sector: 'Suporte',
      occurrenceType: null,
      occurrence: 'Dúvida',
      solution: null,
    });
    expect(run.transcript.lines()).toEqual([
      '+0:00:00  system                ■ sector=Suporte occurrence=Dúvida',
      '+0:00:00  system                ■ flow ended',
    ]);
  });

  it('takes the first matching rule, in order, and its port', () => {
    // The message says "estorno" and the customer is gold: both rules match, the first one wins.
    const run = runFlow(routedFlow(rulesSettings), [], {
      registry,
      channel: chat,
      start: { text: 'Quero o ESTORNO da compra', customer: { fields: { plan: 'Gold' } } },
    });
    expect(exits(run)).toEqual(['start.next', 'route.refund', 'refund-msg.next']);
    expect(run.conversation).toMatchObject({
      sector: 'Financeiro',
      occurrenceType: 'Reclamação',
      occurrence: 'Reembolso',
    });
    expect(run.transcript.messages.map((line) => `${line.who}: ${line.text}`)).toEqual([
      'customer: Quero o ESTORNO da compra',
      'bot: Seu reembolso está com o Financeiro',
    ]);
  });

  it('falls through to a later rule, then to otherwise with its own rendered values', () => {
    const vip = runFlow(routedFlow(rulesSettings), [], {
      registry,
      channel: chat,
      start: { text: 'Oi', customer: { fields: { plan: 'gold' } } },
    });
    expect(exits(vip)).toEqual(['start.next', 'route.vip', 'vip-msg.next']);
    expect(vip.conversation.sector).toBe('VIP');

    const other = runFlow(routedFlow(rulesSettings), [], {
      registry,
      channel: chat,
      start: { text: 'Oi', metadata: { team: 'Geral' } },
    });
    expect(exits(other)).toEqual(['start.next', 'route.otherwise', 'other-msg.next']);
    expect(other.conversation).toMatchObject({ sector: 'Geral', occurrence: null });
  });

  it('has ports that follow its settings', () => {
    expect(portsOf(route, route.settings.parse({ set: { sector: 'A' } }))).toEqual(['next']);
    expect(portsOf(route, route.settings.parse(rulesSettings))).toEqual([
      'refund',
      'vip',
      'otherwise',
    ]);
    const fixed = validateFlow(routedFlow({ set: { sector: 'A' } }), registry);
    expect(
      fixed.issues
        .filter((issue) => issue.code === 'FLOW_EDGE_UNKNOWN_PORT')
        .map((issue) => issue.edgeId),
    ).toEqual(['e2', 'e3', 'e4']);
  });

  it('reports bad settings by field', () => {
    const issuesOf = (settings: Record<string, unknown>) =>
      validateFlow(routedFlow(settings), registry)
        .issues.filter((issue) => issue.code === 'FLOW_NODE_SETTINGS_INVALID')
        .map((issue) => issue.message);
    const [refund, vip] = rulesSettings.rules;
    expect(
      issuesOf({
        mode: 'rules',
        rules: [refund, { ...vip, id: 'refund' }, { ...vip, id: 'otherwise' }],
      }),
    ).toEqual([
      'route "route": settings.rules[1].id: rule id "refund" is used twice',
      'route "route": settings.rules[2].id: "otherwise" is a reserved port name',
    ]);
    expect(issuesOf({ mode: 'rules', rules: [{ ...vip, id: 'vip clients' }] })).toEqual([
      'route "route": settings.rules[0].id: use 1 to 64 letters, digits, "-" or "_": it names the port',
    ]);
    expect(issuesOf({ mode: 'rules' })).toEqual([
      'route "route": settings.rules: add at least one rule, or route by fixed values',
    ]);
    expect(issuesOf({ set: { sector: '  ' } })).toEqual([
      'route "route": settings.set: set at least one of sector, occurrence type, occurrence or solution',
    ]);
  });

  it('summarises itself', () => {
    const fixed = route.settings.parse({ set: { sector: 'Suporte', occurrence: 'Dúvida' } });
    expect(route.summary?.(fixed, { locale: 'en' })).toBe('sector=Suporte occurrence=Dúvida');
    expect(route.summary?.(fixed, { locale: 'pt-BR' })).toBe('setor=Suporte ocorrência=Dúvida');
    const rules = route.settings.parse(rulesSettings);
    expect(route.summary?.(rules, { locale: 'en' })).toBe(
      'Refund: says «reembolso» or «estorno» · vip: fields.plan = "gold"',
    );
    expect(route.summary?.(rules, { locale: 'pt-BR' })).toBe(
      'Refund: diz «reembolso» ou «estorno» · vip: fields.plan = "gold"',
    );
  });
});
