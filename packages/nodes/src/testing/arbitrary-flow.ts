import fc from 'fast-check';
import { portsOf, type FlowInput } from '@attendflow/engine';
import { nodeDefinitions } from '../definitions.js';
import { buildFlow } from './flow-builder.js';

const words = ['Olá', 'pedido', 'reembolso', 'atraso', 'entrega', 'obrigado', 'protocolo', 'troca'];

/** A few words, some of which the generated keyword rules look for. */
export const shortText = fc
  .array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 })
  .map((picked) => picked.join(' '));

/** A text around the 2,000-character body limit of Wish (1,990 to 2,600 characters). */
export const longText = fc
  .oneof(fc.constantFrom(2000, 2001), fc.integer({ min: 1990, max: 2600 }))
  .map((length) => 'Texto longo: '.padEnd(length, '.'));

// Templates render the customer's saved message, which may itself be long.
const messageText = fc.oneof(
  { arbitrary: shortText, weight: 6 },
  { arbitrary: longText, weight: 2 },
  { arbitrary: fc.constant('Olá {{customer.name}}, você disse: {{answer}}'), weight: 1 },
);
const visibility = fc.constantFrom('default', 'public', 'private');
const duration = fc.record({
  amount: fc.integer({ min: 1, max: 90 }),
  unit: fc.constantFrom('seconds', 'minutes', 'hours', 'days'),
});
const saveTo = fc.constantFrom('', 'answer', 'score');
const sector = fc.constantFrom('Vendas', 'Suporte');

const rule = fc.oneof(
  fc.record({
    kind: fc.constant('keywords'),
    keywords: fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('channel'),
    channels: fc.subarray(['reclame-aqui', 'wish', 'web-chat'], { minLength: 1 }),
  }),
  fc.record({
    kind: fc.constant('variable'),
    name: fc.constant('answer'),
    operator: fc.constant('exists'),
  }),
  fc.record({ kind: fc.constant('business-hours'), is: fc.constantFrom('open', 'closed') }),
);
const ruleGroup = fc.record({
  match: fc.constantFrom('all', 'any'),
  rules: fc.array(rule, { minLength: 1, maxLength: 3 }),
});

const allDay = [{ from: '00:00', to: '24:00' }];
const schedule = fc.constantFrom(
  {},
  { weekly: Array.from({ length: 7 }, () => allDay) },
  { weekly: Array.from({ length: 7 }, () => []) },
);

/** Settings of each built-in node type but the trigger, as an admin could draw them. */
const settingsByType: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'auto-message': fc.record({ text: messageText, visibility }),
  route: fc.oneof(
    fc.record({
      mode: fc.constant('fixed'),
      set: fc.record({ sector, occurrence: fc.constant('Atraso') }),
    }),
    fc
      .array(fc.record({ when: ruleGroup, set: fc.record({ sector }) }), {
        minLength: 1,
        maxLength: 3,
      })
      .map((rules) => ({
        mode: 'rules',
        rules: rules.map((each, index) => ({ id: `r${index + 1}`, ...each })),
        otherwise: { set: { occurrence: 'Outro' } },
      })),
  ),
  'auto-reply-delay': fc.record({
    delay: duration,
    text: messageText,
    visibility,
    repeat: fc.constantFrom('off', 'every-delay'),
    maxRepeats: fc.integer({ min: 1, max: 3 }),
    continueAfter: fc.constantFrom('timeout', 'keep-waiting'),
  }),
  'human-handoff': fc.record({
    sector: fc.constantFrom('', 'Vendas', 'Suporte'),
    timeout: fc.option(duration, { nil: null }),
    timeoutAlert: fc.constantFrom('', 'Sem resposta: {{subject}}'),
    requirePublicAnswer: fc.boolean(),
  }),
  'request-evaluation': fc.record({ timeout: duration, saveTo }),
  close: fc.record({
    message: fc.oneof(fc.constant(''), messageText),
    visibility,
    solution: fc.constantFrom('', 'resolvido'),
  }),
  condition: ruleGroup,
  'business-hours': fc.record({ schedule }),
  'wait-for-customer': fc.record({ timeout: duration, saveTo }),
  'set-variable': fc
    .oneof(
      fc.record({ name: fc.constant('protocol'), source: fc.constant('value'), value: fc.nat() }),
      fc.record({
        name: fc.constant('answer'),
        source: fc.constant('template'),
        template: fc.constant('{{subject}}'),
      }),
    )
    .map((assignment) => ({ assignments: [assignment] })),
};

/** A target choice per port (`null`: the port is left unconnected). */
const links = fc.array(fc.option(fc.nat(), { nil: null, freq: 5 }), { minLength: 5, maxLength: 5 });
// The engine's own `error` port is wired now and then.
const errorLink = fc.oneof(
  { arbitrary: fc.constant(null), weight: 9 },
  { arbitrary: fc.nat(), weight: 1 },
);

const nodeSpec = fc.oneof(
  ...Object.entries(settingsByType).map(([type, settings]) =>
    fc.record({ type: fc.constant(type), settings, links, onError: errorLink }),
  ),
);

/** A generated node before wiring: what it is, and how its ports choose their targets. */
type NodeSpec = {
  type: string;
  settings: Record<string, unknown>;
  links: (number | null)[];
  onError: number | null;
};

const definitions = new Map(nodeDefinitions.map((definition) => [definition.type, definition]));

/**
 * Wires the nodes: a port of a node that does not wait leads only forward, so every loop passes
 * through a node that waits (the compiler refuses loops that would run without an event).
 */
function wire(specs: readonly NodeSpec[], entry: number): FlowInput {
  const nodes = [
    { id: 'start', type: 'trigger' },
    ...specs.map((spec, index) => ({
      id: `${spec.type}-${index + 1}`,
      type: spec.type,
      settings: spec.settings,
    })),
  ];
  const edges = [`start.next -> ${nodes[1 + (entry % specs.length)]!.id}`];
  specs.forEach((spec, index) => {
    const position = index + 1;
    const definition = definitions.get(spec.type)!;
    const targets = definition.waits ? nodes.slice(1) : nodes.slice(position + 1);
    const ports = portsOf(definition, definition.settings.parse(spec.settings));
    const choices: Array<[string, number | null]> = [
      ...ports.map((port, at): [string, number | null] => [
        port,
        spec.links[at % spec.links.length] ?? null,
      ]),
      ['error', spec.onError],
    ];
    for (const [port, choice] of choices) {
      const target = choice === null ? undefined : targets[choice % Math.max(targets.length, 1)];
      if (target) edges.push(`${nodes[position]!.id}.${port} -> ${target.id}`);
    }
  });
  return buildFlow(nodes, edges);
}

/**
 * A flow of the built-in nodes that compiles: a trigger and 1 to `maxNodes` nodes with random
 * settings, each port wired to a random node or left unconnected, loops only through nodes that
 * wait. Channel rules are not taken into account: public automatic messages are drawn on purpose.
 *
 * @example
 * fc.assert(fc.property(arbitraryFlow(), (flow) => { engine.compile({ id: 'f', flow }); }));
 */
export function arbitraryFlow(maxNodes = 12): fc.Arbitrary<FlowInput> {
  return fc
    .tuple(fc.array(nodeSpec, { minLength: 1, maxLength: maxNodes }), fc.nat())
    .map(([specs, entry]) => wire(specs, entry));
}
