import type { Flow } from '@attendflow/engine';
import { autoMessage, humanHandoff } from '@attendflow/nodes/definitions';
import { describe, expect, it } from 'vitest';
import {
  addNode,
  addNote,
  connect,
  initialSettings,
  moveItems,
  removeItems,
  uniqueId,
} from './flow-edits';

const empty: Flow = { schemaVersion: 1, name: 'f', nodes: [], edges: [], variables: [], notes: [] };

describe('flow edits', () => {
  it('makes unique ids from a base', () => {
    expect(uniqueId('auto-message', new Set())).toBe('auto-message');
    expect(uniqueId('auto-message', new Set(['auto-message', 'auto-message-2']))).toBe(
      'auto-message-3',
    );
    expect(uniqueId('a b', new Set())).toBe('a-b');
  });

  it('gives a new node the schema defaults, leaving required fields empty', () => {
    expect(initialSettings(autoMessage)).toEqual({ visibility: 'default', attachments: [] });
    expect(initialSettings(humanHandoff)).toMatchObject({ sector: '', timeout: null });
  });

  it('adds, connects (one edge per port), moves and removes', () => {
    const first = addNode(empty, autoMessage, { x: 10.4, y: 20.6 });
    let flow = first.flow;
    const a = first.id;
    const second = addNode(flow, autoMessage, { x: 0, y: 0 });
    flow = second.flow;
    const b = second.id;
    expect([a, b]).toEqual(['auto-message', 'auto-message-2']);
    expect(flow.nodes[0]?.position).toEqual({ x: 10, y: 21 });
    flow = connect(flow, { source: a, sourcePort: 'next', target: b });
    flow = connect(flow, { source: a, sourcePort: 'next', target: a });
    expect(flow.edges.map((e) => [e.source, e.sourcePort, e.target])).toEqual([[a, 'next', a]]);
    flow = moveItems(flow, new Map([[b, { x: 5, y: 5 }]]));
    expect(flow.nodes[1]?.position).toEqual({ x: 5, y: 5 });
    const noted = addNote(flow, { x: 0, y: 0 }, 'hi');
    flow = removeItems(noted.flow, { nodes: [a], notes: [noted.id], edges: [] });
    expect(flow.nodes.map((n) => n.id)).toEqual([b]);
    expect(flow.edges).toEqual([]);
    expect(flow.notes).toEqual([]);
  });
});
