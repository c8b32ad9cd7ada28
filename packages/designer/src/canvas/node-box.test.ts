import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { handleStyle, nodeBox, nodeMetrics } from './node-box';

const rows = { hasOverlay: false, hasSummary: false, hasIssue: false, ports: [], isEntry: false };

describe('node box', () => {
  it('is as tall as its rows, with one exit handle centred on each port row', () => {
    const box = nodeBox({ ...rows, hasSummary: true, ports: ['yes', 'no'] });
    // border 1 + padding 8, head 16, summary 4 + 14, ports 6 + 14 + 4 + 14, padding 8 + border 1
    expect(box.height).toBe(90);
    expect(box.width).toBe(nodeMetrics.width);
    expect(box.handles.map((h) => [h.id, h.type, h.position, h.x, h.y])).toEqual([
      ['in', 'target', Position.Left, -5, 40],
      ['yes', 'source', Position.Right, 240, 51],
      ['no', 'source', Position.Right, 240, 69],
      ['error', 'source', Position.Bottom, 116, 86],
    ]);
  });

  it('grows by one fixed row per overlay, summary and issue, and has no in/error on an entry', () => {
    const bare = nodeBox({ ...rows, isEntry: true, ports: ['next'] });
    const full = nodeBox({
      ...rows,
      isEntry: true,
      ports: ['next'],
      hasOverlay: true,
      hasSummary: true,
      hasIssue: true,
    });
    const m = nodeMetrics;
    expect(full.height - bare.height).toBe(m.overlay + m.summary + m.issue);
    expect(bare.handles.map((h) => h.id)).toEqual(['next']);
    expect(nodeBox({ ...rows }).height).toBe(2 * (m.border + m.padding) + m.head);
  });

  it('places a handle in the DOM where the box says, inside the node border', () => {
    const [handle] = nodeBox({ ...rows, isEntry: true, ports: ['next'] }).handles;
    expect(handle && handleStyle(handle)).toEqual({
      left: 239,
      top: handle ? handle.y - 1 : 0,
      width: 10,
      height: 10,
      right: 'auto',
      bottom: 'auto',
      transform: 'none',
    });
  });
});
