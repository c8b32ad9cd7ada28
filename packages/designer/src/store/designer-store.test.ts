import type { Flow } from '@attendflow/engine';
import { autoMessage } from '@attendflow/nodes/definitions';
import { describe, expect, it } from 'vitest';
import { createDesignerStore } from './designer-store';
import { addNode, moveItems } from './flow-edits';

const empty: Flow = { schemaVersion: 1, name: 'f', nodes: [], edges: [], variables: [], notes: [] };

describe('designer store', () => {
  it('undoes an add and drops the selection of what is gone', () => {
    const store = createDesignerStore(empty);
    let notified = 0;
    store.subscribe(() => notified++);
    store.edit((flow) => {
      const added = addNode(flow, autoMessage, { x: 0, y: 0 });
      return { flow: added.flow, selection: { nodes: [added.id], notes: [], edges: [] } };
    });
    expect(store.getState().selection.nodes).toEqual(['auto-message']);
    store.undo();
    expect(store.getState().history.present.nodes).toEqual([]);
    expect(store.getState().selection.nodes).toEqual([]);
    store.redo();
    expect(store.getState().history.present.nodes).toHaveLength(1);
    expect(notified).toBe(3);
  });

  it('merges a drag into one undo step', () => {
    const store = createDesignerStore(addNode(empty, autoMessage, { x: 0, y: 0 }).flow);
    for (const x of [10, 20, 30]) {
      store.edit((flow) => moveItems(flow, new Map([['auto-message', { x, y: 0 }]])), 'drag-1');
    }
    expect(store.getState().history.past).toHaveLength(1);
    store.undo();
    expect(store.getState().history.present.nodes[0]?.position.x).toBe(0);
  });
});
