import type { Flow } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import type { FlowDiff } from './diff-api';
import { diffCounts, diffOverlay, diffRows, labelsOf } from './diff-overlay';

const diff: FlowDiff = {
  from: 1,
  to: 'draft',
  hasChanges: true,
  nodes: {
    added: [{ id: 'new', type: 'auto-message', label: 'Hello' }],
    removed: [{ id: 'gone', type: 'close' }],
    changed: [
      { id: 'ack', type: 'auto-message', settings: ['text'] },
      {
        id: 'route',
        type: 'route',
        position: { before: { x: 0, y: 0 }, after: { x: 5, y: 0 } },
        settings: [],
      },
      {
        id: 'delay',
        type: 'auto-reply-delay',
        label: { before: null, after: 'Wait' },
        position: { before: { x: 0, y: 0 }, after: { x: 1, y: 1 } },
        settings: ['delay.amount'],
      },
    ],
  },
  edges: {
    added: [{ id: 'server-id', source: 'ack', sourcePort: 'next', target: 'new' }],
    removed: [],
  },
  document: {},
  variables: { added: [], removed: [], changed: [] },
  notes: { added: [], removed: [], changed: [] },
};

const flow = {
  edges: [
    { id: 'x1', source: 'ack', sourcePort: 'next', target: 'new' },
    { id: 'x2', source: 'new', sourcePort: 'next', target: 'route' },
  ],
} as Flow;

describe('version diff', () => {
  it('lists added, changed, moved and removed nodes with what changed', () => {
    const rows = diffRows(diff);
    expect(rows.map((row) => [row.kind, row.nodeId, row.fields.join(',')])).toEqual([
      ['added', 'new', ''],
      ['changed', 'ack', 'settings.text'],
      ['changed', 'delay', 'label,settings.delay.amount,position'],
      ['moved', 'route', 'position'],
      ['removed', 'gone', ''],
    ]);
    expect(rows[2]?.label).toBe('Wait');
    expect(rows[1]?.label).toBeNull();
    const named = diffRows(
      diff,
      labelsOf({
        nodes: [
          { id: 'ack', label: 'Acknowledge' },
          { id: 'delay', label: 'Old' },
        ],
      } as Flow),
    );
    expect(named.map((row) => row.label)).toEqual(['Hello', 'Acknowledge', 'Wait', null, null]);
    expect(diffCounts(rows)).toEqual({ added: 1, removed: 1, changed: 2, moved: 1 });
  });

  it('marks nodes on the canvas and highlights added edges matched by connection', () => {
    const overlay = diffOverlay(diff, flow);
    expect(Object.fromEntries([...overlay.nodes].map(([id, o]) => [id, o.diff]))).toEqual({
      new: 'added',
      ack: 'changed',
      delay: 'changed',
      route: 'moved',
    });
    expect([...overlay.edges.keys()]).toEqual(['x1']);
  });
});
