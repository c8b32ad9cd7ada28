import { localizeNode, type Flow } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { designerRegistry } from '../registry/designer-registry';
import { createCanvasCache, type CanvasInput } from './canvas-cache';
import { emptyOverlay } from './canvas-overlay';
import { fromCanvasId } from './to-canvas';

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
const input: CanvasInput = {
  flow,
  registry: designerRegistry,
  selection: { nodes: ['b'], notes: ['a'], edges: [] },
  issues: new Map(),
  overlay: emptyOverlay,
  measured: new Map(),
  locale: 'en',
};

describe('canvas cache', () => {
  it('draws nodes and notes with separate ids, the selection and the issues', () => {
    const issue = { severity: 'error' as const, code: 'X', message: 'm', nodeId: 'b' };
    const nodes = createCanvasCache().nodes({ ...input, issues: new Map([['b', [issue]]]) });
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

  it('hands back the same object for every node a change did not touch', () => {
    const cache = createCanvasCache();
    const first = cache.nodes(input);
    const moved: Flow = {
      ...flow,
      nodes: [flow.nodes[0]!, { ...flow.nodes[1]!, position: { x: 50, y: 60 } }],
    };
    const second = cache.nodes({ ...input, flow: moved, issues: new Map([['a', []]]) });
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
    expect(second[2]?.position).toEqual({ x: 50, y: 60 });
    const highlighted = cache.nodes({
      ...input,
      flow: moved,
      overlay: { nodes: new Map([['a', { isActive: true }]]), edges: new Map() },
    });
    expect(highlighted[1]).not.toBe(second[1]);
    expect(highlighted[1]?.data).toMatchObject({ overlay: { isActive: true } });
    expect(highlighted[2]).toBe(second[2]);
  });

  it('maps edges to handles named by port, with overlay labels, reusing unchanged ones', () => {
    const cache = createCanvasCache();
    const [edge] = cache.edges({ ...input, selection: { nodes: [], notes: [], edges: ['e'] } });
    expect(edge).toMatchObject({
      source: 'a',
      sourceHandle: 'next',
      target: 'b',
      targetHandle: 'in',
      selected: true,
    });
    const overlay = {
      nodes: new Map(),
      edges: new Map([['e', { label: '12', isHighlighted: true }]]),
    };
    const [labelled] = cache.edges({ ...input, overlay });
    expect(labelled).toMatchObject({ label: '12', className: 'edge-highlighted', selected: false });
    expect(cache.edges({ ...input, overlay })[0]).toBe(labelled);
  });
});

describe('canvas edge labels', () => {
  it("names a port in the UI language, from the node type's translation", () => {
    const waiting: Flow = {
      ...flow,
      nodes: [
        flow.nodes[0]!,
        {
          id: 'w',
          type: 'wait-for-customer',
          typeVersion: 1,
          settings: { timeout: { amount: 1, unit: 'hours' } },
          position: { x: 0, y: 0 },
        },
        flow.nodes[1]!,
      ],
      edges: [{ id: 't', source: 'w', sourcePort: 'timeout', target: 'b' }],
    };
    const definition = designerRegistry.node('wait-for-customer')!;
    const cache = createCanvasCache();
    const [english] = cache.edges({ ...input, flow: waiting });
    expect(english?.label).toBe(localizeNode(definition, 'en').port('timeout'));
    const [portuguese] = cache.edges({ ...input, flow: waiting, locale: 'pt-BR' });
    expect(portuguese?.label).toBe(localizeNode(definition, 'pt-BR').port('timeout'));
    expect(portuguese?.label).not.toBe(english?.label);
  });
});

describe('canvas cache boxes', () => {
  it('hands React Flow each node with its size and handles, so nothing waits for a measure', () => {
    const [, trigger, close] = createCanvasCache().nodes(input);
    expect(trigger).toMatchObject({ width: 240, measured: { width: 240 } });
    expect(trigger?.handles?.map((handle) => handle.id)).toEqual(['next']);
    expect(close?.handles?.map((handle) => handle.id)).toEqual(['in', 'error']);
    expect(close?.type === 'flow' ? close.data.box.height : 0).toBe(close?.height);
  });

  it('makes room for the issue row when a node gets an issue', () => {
    const cache = createCanvasCache();
    const before = cache.nodes(input)[2]?.height ?? 0;
    const issue = { severity: 'warning' as const, code: 'X', message: 'm', nodeId: 'b' };
    const after = cache.nodes({ ...input, issues: new Map([['b', [issue]]]) })[2]?.height ?? 0;
    expect(after - before).toBe(18);
  });
});

describe('canvas cache arrays', () => {
  it('keeps the edges array when no edge changed, so React Flow keeps its lookups', () => {
    const cache = createCanvasCache();
    const first = cache.edges(input);
    const moved: Flow = { ...flow, nodes: [...flow.nodes] };
    expect(cache.edges({ ...input, flow: moved })).toBe(first);
    expect(cache.nodes(input)).toBe(cache.nodes({ ...input }));
  });
});
