import type { Flow, FlowIssue, FlowNode, FlowNote, Registry } from '@attendflow/engine';
import type { Edge, Node } from '@xyflow/react';
import type { Selection } from '../store/flow-edits';
import { describeNode, type NodeView } from './describe-node';

/** Data of a flow node on the canvas. */
export interface FlowNodeData extends Record<string, unknown> {
  node: FlowNode;
  view: NodeView;
  issues: FlowIssue[];
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

/** The canvas nodes of a flow: one generic `flow` node per document node, plus the notes. */
export function toCanvasNodes(
  flow: Flow,
  registry: Registry,
  selection: Selection,
  issues: ReadonlyMap<string, FlowIssue[]>,
): CanvasNode[] {
  const selectedNodes = new Set(selection.nodes);
  const selectedNotes = new Set(selection.notes);
  const portsUsed = new Map<string, string[]>();
  for (const edge of flow.edges) {
    portsUsed.set(edge.source, [...(portsUsed.get(edge.source) ?? []), edge.sourcePort]);
  }
  const nodes: CanvasNode[] = flow.nodes.map((node) => ({
    id: node.id,
    type: 'flow',
    position: node.position,
    selected: selectedNodes.has(node.id),
    data: {
      node,
      view: describeNode(node, registry, portsUsed.get(node.id)),
      issues: issues.get(node.id) ?? [],
    },
  }));
  const notes: CanvasNode[] = flow.notes.map((note) => ({
    id: noteCanvasId(note.id),
    type: 'note',
    position: note.position,
    selected: selectedNotes.has(note.id),
    width: note.width ?? 220,
    height: note.height ?? 120,
    zIndex: -1,
    data: { note },
  }));
  return [...notes, ...nodes];
}

/** The canvas edges of a flow; the handle of the source is its port. */
export function toCanvasEdges(flow: Flow, selection: Selection): Edge[] {
  const selected = new Set(selection.edges);
  return flow.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    targetHandle: 'in',
    selected: selected.has(edge.id),
    label: edge.sourcePort === 'next' ? undefined : edge.sourcePort,
    className: edge.sourcePort === 'error' ? 'edge-error' : undefined,
  }));
}
