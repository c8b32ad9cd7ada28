import { Position, type NodeHandle } from '@xyflow/react';
import type { CSSProperties } from 'react';

/** What decides the size of a drawn node: the rows it shows and its exit ports. */
export interface NodeRows {
  hasOverlay: boolean;
  hasSummary: boolean;
  hasIssue: boolean;
  /** Exit ports, top to bottom. */
  ports: readonly string[];
  /** An entry node (the trigger) has no `in` and no `error` handle. */
  isEntry: boolean;
}

/** A node's size and handles in flow coordinates, from the node's top left corner. */
export interface NodeBox {
  /** The rows the box has room for: the renderer draws exactly these. */
  rows: NodeRows;
  width: number;
  height: number;
  handles: NodeHandle[];
}

/**
 * Pixel sizes of a node's rows; the stylesheet (`.flow-node` in styles.css) gives every row the
 * same fixed height, so text never decides a node's size.
 */
export const nodeMetrics = {
  width: 240,
  border: 1,
  padding: 8,
  head: 16,
  overlay: 22,
  /** Summary and issue rows: a 4 px gap, then one line. */
  summary: 4 + 14,
  issue: 4 + 14,
  portsGap: 6,
  port: 14,
  portSpacing: 4,
  handle: 10,
  errorHandle: 8,
} as const;

/**
 * The box a node is drawn in, from its rows. React Flow gets the size and the handles with the
 * node, so it draws only the nodes in view (it draws every node it has no size for) and an edge
 * meets its handle from the first frame; the handles are placed from the same numbers.
 */
export function nodeBox(rows: NodeRows): NodeBox {
  const m = nodeMetrics;
  let y = m.border + m.padding + m.head;
  if (rows.hasOverlay) y += m.overlay;
  if (rows.hasSummary) y += m.summary;
  if (rows.hasIssue) y += m.issue;
  const handles: NodeHandle[] = [];
  if (rows.ports.length > 0) {
    y += m.portsGap;
    const top = y;
    rows.ports.forEach((id, i) => {
      const rowTop = top + i * (m.port + m.portSpacing);
      handles.push(
        handle(id, 'source', Position.Right, m.width + m.handle / 2, rowTop + m.port / 2),
      );
    });
    y += rows.ports.length * m.port + (rows.ports.length - 1) * m.portSpacing;
  }
  const height = y + m.padding + m.border;
  if (!rows.isEntry) {
    handles.unshift(handle('in', 'target', Position.Left, 0, height / 2));
    handles.push(handle('error', 'source', Position.Bottom, m.width / 2, height, m.errorHandle));
  }
  return { rows, width: m.width, height, handles };
}

function handle(
  id: string,
  type: NodeHandle['type'],
  position: Position,
  centreX: number,
  centreY: number,
  size: number = nodeMetrics.handle,
): NodeHandle {
  return {
    id,
    type,
    position,
    x: centreX - size / 2,
    y: centreY - size / 2,
    width: size,
    height: size,
  };
}

/**
 * Where the DOM draws a handle: at its place in the box (absolute, inside the node's border),
 * whatever React Flow's stylesheet says for the side it is on.
 */
export function handleStyle(handle: NodeHandle): CSSProperties {
  return {
    left: handle.x - nodeMetrics.border,
    top: handle.y - nodeMetrics.border,
    width: handle.width,
    height: handle.height,
    right: 'auto',
    bottom: 'auto',
    transform: 'none',
  };
}
