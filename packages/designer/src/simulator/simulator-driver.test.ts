import type { Flow } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { pathOverlay } from '../canvas/canvas-overlay';
import { createSimulationRegistry } from './simulation-registry';
import { startSimulator } from './simulator-driver';
import { authorKind } from './transcript-view';
import exampleText from '../../../../examples/flows/reclame-aqui-complaint.flow.json?raw';

const example = JSON.parse(exampleText) as Flow;
const registry = createSimulationRegistry();
const start = {
  channel: 'reclame-aqui',
  customerName: 'Ana',
  subject: 'Entrega',
  text: 'A entrega atrasou',
};
const line = (e: { who: string; visibility?: string; kind: string; text: string; code?: string }) =>
  `${e.who} ${e.visibility ?? '-'} ${e.kind}: ${e.text}${e.code ? ` [${e.code}]` : ''}`;

describe('startSimulator', () => {
  it('runs the Reclame Aqui example with the channel rules applied, to the close', () => {
    const sim = startSimulator(example, registry, start);
    const first = sim.view();
    expect(first.at).toBe('delay');
    expect(first.entries.map(line).slice(0, 2)).toEqual([
      'customer - message: A entrega atrasou',
      'bot private message: Olá Ana, recebemos sua reclamação “Entrega” (protocolo SIM-1). Nossa equipe já está analisando o seu caso.',
    ]);
    expect(first.nextTimerIn).toBe(30 * 60_000);

    const waited = sim.act({ kind: 'next-timer' });
    expect(waited.elapsed).toBe(30 * 60_000);
    expect(waited.entries.map(line)).toContain(
      'bot private message: Ana, sua reclamação está com a equipe de Logística. Em breve você receberá nossa resposta.',
    );

    expect(sim.act({ kind: 'take' }).fields.status).toBe('in-attendance');
    const answered = sim.act({ kind: 'reply', text: 'Entregamos amanhã.', visibility: 'public' });
    expect(answered.rejection).toBeNull();
    expect(answered.at).toBe('evaluation');
    expect(answered.entries.map(line)).toContain(
      'agent:simulator public message: Entregamos amanhã.',
    );

    const again = sim.act({ kind: 'reply', text: 'De novo', visibility: 'public' });
    expect(again.rejection?.code).toBe('CHANNEL_PUBLIC_ANSWER_LIMIT');
    expect(again.entries.at(-1)?.kind).toBe('refused');

    const closed = sim.act({ kind: 'evaluate', score: 9, resolved: true });
    expect(closed.at).toBe('$closed');
    expect(closed.fields).toMatchObject({ status: 'closed', solution: 'resolvida' });
    expect(sim.act({ kind: 'reply', text: 'Oi?', visibility: 'private' }).rejection?.code).toBe(
      'CHANNEL_RECEPTIVE_ONLY',
    );
    const overlay = pathOverlay(example, closed.path, closed.at);
    expect([...overlay.nodes.keys()]).toEqual([
      'start',
      'ack',
      'route',
      'delay',
      'handoff',
      'evaluation',
      'close',
    ]);
    expect([...overlay.edges.keys()].sort()).toEqual(['e1', 'e10', 'e2', 'e3', 'e6', 'e8']);
  });

  it('sends a public automatic message privately on Reclame Aqui and marks the adjustment', () => {
    const publicAck: Flow = {
      ...example,
      nodes: example.nodes.map((node) =>
        node.id === 'ack'
          ? { ...node, settings: { ...node.settings, visibility: 'public' } }
          : node,
      ),
    };
    const ack = startSimulator(publicAck, registry, start).view().entries[1];
    expect(ack).toMatchObject({ who: 'bot', visibility: 'private', nodeId: 'ack' });
    expect(ack?.code).toBe('CHANNEL_AUTOMATIC_VISIBILITY');
  });

  it('labels transcript authors', () => {
    expect(['customer', 'bot', 'agent:ana', 'agent', 'system'].map(authorKind)).toEqual([
      'customer',
      'bot',
      'agent',
      'agent',
      'system',
    ]);
  });

  it('marks the node the run waits in as active', () => {
    const view = startSimulator(example, registry, start).view();
    const overlay = pathOverlay(example, view.path, view.at);
    expect(overlay.nodes.get('delay')).toEqual({ isVisited: true, isActive: true });
    expect(overlay.nodes.get('handoff')).toBeUndefined();
  });
});
