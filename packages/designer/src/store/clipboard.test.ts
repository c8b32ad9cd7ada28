import type { Flow } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { copySelection, parseFragment, pasteFragment } from './clipboard';

const flow: Flow = {
  schemaVersion: 1,
  name: 'f',
  nodes: [
    {
      id: 'a',
      type: 'auto-message',
      typeVersion: 1,
      settings: { text: 'hi' },
      position: { x: 0, y: 0 },
    },
    { id: 'b', type: 'close', typeVersion: 1, settings: {}, position: { x: 100, y: 0 } },
    { id: 'c', type: 'close', typeVersion: 1, settings: {}, position: { x: 200, y: 0 } },
  ],
  edges: [
    { id: 'a-next', source: 'a', sourcePort: 'next', target: 'b' },
    { id: 'b-x', source: 'b', sourcePort: 'x', target: 'c' },
  ],
  variables: [],
  notes: [{ id: 'n', text: 'note', position: { x: 0, y: 100 } }],
};

describe('clipboard', () => {
  it('copies the selection with the edges inside it, as JSON that parses back', () => {
    const fragment = copySelection(flow, { nodes: ['a', 'b'], notes: ['n'], edges: [] });
    expect(fragment?.edges.map((e) => e.id)).toEqual(['a-next']);
    expect(parseFragment(JSON.stringify(fragment))).toEqual(fragment);
    expect(parseFragment('hello')).toBeNull();
    expect(parseFragment('{"nodes":[]}')).toBeNull();
    expect(copySelection(flow, { nodes: [], notes: [], edges: ['a-next'] })).toBeNull();
  });

  it('pastes with fresh ids, rewired edges and an offset', () => {
    const fragment = copySelection(flow, { nodes: ['a', 'b'], notes: ['n'], edges: [] });
    if (!fragment) throw new Error('nothing copied');
    const { flow: pasted, selection } = pasteFragment(flow, fragment, { x: 40, y: 40 });
    expect(selection).toEqual({ nodes: ['a-2', 'b-2'], notes: ['n-2'], edges: [] });
    expect(pasted.nodes).toHaveLength(5);
    expect(pasted.edges.at(-1)).toMatchObject({ source: 'a-2', target: 'b-2', sourcePort: 'next' });
    expect(pasted.nodes.at(-1)?.position).toEqual({ x: 140, y: 40 });
    const twice = pasteFragment(pasted, fragment, { x: 0, y: 0 });
    expect(twice.selection.nodes).toEqual(['a-3', 'b-3']);
  });
});
