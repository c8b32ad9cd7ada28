import type { Flow } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { designerRegistry } from '../registry/designer-registry';
import { fromCanvasId, toCanvasEdges, toCanvasNodes } from './to-canvas';

const flow: Flow = {
  schemaVersion: 1,
  name: 'f',
  nodes: [
    { id: 'a', type: 'trigger', typeVersion: 1, settings: {}, position: { x: 1, y: 2 } },
    { id: 'b', type: 'close', typeVersion: 1, settings: {}, position: { x: 3, y: 4 } },
  ],
  edges: [{ id: 'e', source: 'a', sourcePort: 'next', target: 'b' }],
  variables: [],
  notes: [{ id: 'a', text: 'same id as a node', position: { x: 0, y: 0 } }],
};

describe('toCanvas', () => {
  it('draws nodes and notes with separate ids and the selection', () => {
    const issue = { severity: 'error' as const, code: 'X', message: 'm', nodeId: 'b' };
    const nodes = toCanvasNodes(
      flow,
      designerRegistry,
      { nodes: ['b'], notes: ['a'], edges: [] },
      new Map([['b', [issue]]]),
    );
    expect(nodes.map((n) => [n.id, n.type, n.selected])).toEqual([
      ['note:a', 'note', true],
      ['a', 'flow', false],
      ['b', 'flow', true],
    ]);
    const b = nodes[2];
    expect(b?.type === 'flow' ? b.data.issues : null).toEqual([issue]);
    expect(fromCanvasId('note:a')).toEqual({ kind: 'note', id: 'a' });
    expect(fromCanvasId('a')).toEqual({ kind: 'node', id: 'a' });
  });

  it('maps edges to handles named by port', () => {
    expect(toCanvasEdges(flow, { nodes: [], notes: [], edges: ['e'] })[0]).toMatchObject({
      source: 'a',
      sourceHandle: 'next',
      target: 'b',
      targetHandle: 'in',
      selected: true,
    });
  });
});
