import type { Flow, FlowEdge, FlowNode, FlowNote } from '@attendflow/engine';
import { idsOf, uniqueId, type Point, type Selection } from './flow-edits';

/** What copy puts on the clipboard (as JSON text), so a paste works in another flow or tab. */
export interface ClipboardFragment {
  attendflowClipboard: 1;
  nodes: FlowNode[];
  edges: FlowEdge[];
  notes: FlowNote[];
}

/** The selected nodes and notes, with the edges between selected nodes. */
export function copySelection(flow: Flow, selection: Selection): ClipboardFragment | null {
  const nodeIds = new Set(selection.nodes);
  const noteIds = new Set(selection.notes);
  const nodes = flow.nodes.filter((node) => nodeIds.has(node.id));
  const notes = flow.notes.filter((note) => noteIds.has(note.id));
  if (nodes.length === 0 && notes.length === 0) return null;
  const edges = flow.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target));
  return { attendflowClipboard: 1, nodes, edges, notes };
}

/** Reads clipboard text back into a fragment; anything else (plain text …) gives null. */
export function parseFragment(text: string): ClipboardFragment | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const fragment = value as Partial<ClipboardFragment>;
  if (fragment.attendflowClipboard !== 1) return null;
  if (!Array.isArray(fragment.nodes) || !Array.isArray(fragment.edges)) return null;
  return {
    attendflowClipboard: 1,
    nodes: fragment.nodes,
    edges: fragment.edges,
    notes: Array.isArray(fragment.notes) ? fragment.notes : [],
  };
}

/**
 * Adds a fragment to the flow with fresh ids, shifted by `offset`; returns the new flow and what
 * was pasted (to select it).
 */
export function pasteFragment(
  flow: Flow,
  fragment: ClipboardFragment,
  offset: Point,
): { flow: Flow; selection: Selection } {
  const taken = idsOf(flow);
  const renamed = new Map<string, string>();
  const fresh = (id: string) => {
    const next = uniqueId(id.replace(/-\d+$/, ''), taken);
    taken.add(next);
    renamed.set(id, next);
    return next;
  };
  const shift = (p: Point) => ({ x: p.x + offset.x, y: p.y + offset.y });
  const nodes = fragment.nodes.map((node) => ({
    ...node,
    id: fresh(node.id),
    position: shift(node.position),
  }));
  const notes = fragment.notes.map((note) => ({
    ...note,
    id: fresh(note.id),
    position: shift(note.position),
  }));
  const edges = fragment.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (!source || !target) return [];
    const id = uniqueId(`${source}-${edge.sourcePort}`, taken);
    taken.add(id);
    return [{ ...edge, id, source, target }];
  });
  return {
    flow: {
      ...flow,
      nodes: [...flow.nodes, ...nodes],
      notes: [...flow.notes, ...notes],
      edges: [...flow.edges, ...edges],
    },
    selection: { nodes: nodes.map((n) => n.id), notes: notes.map((n) => n.id), edges: [] },
  };
}
