import type { FlowEdge, FlowIssue, FlowNode, FlowNote } from '@attendflow/engine';
import type { Edge, Node } from '@xyflow/react';
import type { EdgeOverlay, NodeOverlay } from './canvas-overlay';
import type { NodeView } from './describe-node';
import type { NodeBox } from './node-box';

/** Data of a flow node on the canvas. */
export interface FlowNodeData extends Record<string, unknown> {
  node: FlowNode;
  view: NodeView;
  /** Size and handles, computed from the rows the node draws (React Flow need not measure). */
  box: NodeBox;
  issues: FlowIssue[];
  /** What the active side panel draws over the node (simulator, diff, analytics). */
  overlay?: NodeOverlay;
}

/** Data of a sticky note on the canvas. */
export interface NoteNodeData extends Record<string, unknown> {
  note: FlowNote;
}

/** A canvas node: a flow node or a sticky note. */
export type CanvasNode = Node<FlowNodeData, 'flow'> | Node<NoteNodeData, 'note'>;

/** Canvas ids of notes are prefixed: notes and nodes may share an id in the document. */
export const noteCanvasId = (id: string) => `note:${id}`;

/** The document id behind a canvas id, with its kind. */
export function fromCanvasId(canvasId: string): { kind: 'node' | 'note'; id: string } {
  return canvasId.startsWith('note:')
    ? { kind: 'note', id: canvasId.slice(5) }
    : { kind: 'node', id: canvasId };
}

/** The canvas node of a sticky note. */
export function toCanvasNote(note: FlowNote, selected: boolean): CanvasNode {
  return {
    id: noteCanvasId(note.id),
    type: 'note',
    position: note.position,
    selected,
    width: note.width ?? 220,
    height: note.height ?? 120,
    zIndex: -1,
    data: { note },
  };
}

/**
 * The canvas edge of a flow edge, labelled with its port's name (`portLabel`, the port id when not
 * given; none for `next`); an overlay label (analytics) follows it.
 */
export function toCanvasEdge(
  edge: FlowEdge,
  selected: boolean,
  overlay?: EdgeOverlay,
  portLabel: string = edge.sourcePort,
): Edge {
  const port = edge.sourcePort === 'next' ? undefined : portLabel;
  const label =
    overlay?.label === undefined ? port : port ? `${port} · ${overlay.label}` : overlay.label;
  const classes = [
    edge.sourcePort === 'error' ? 'edge-error' : null,
    overlay?.isHighlighted ? 'edge-highlighted' : null,
  ].filter((name) => name !== null);
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    targetHandle: 'in',
    selected,
    label,
    className: classes.length > 0 ? classes.join(' ') : undefined,
  };
}
