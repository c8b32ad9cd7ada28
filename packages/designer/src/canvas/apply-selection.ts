import type { Selection } from '../store/flow-edits';
import { fromCanvasId } from './to-canvas';

/** Applies React Flow's select changes (canvas ids) to the store's selection. */
export function applySelection(
  current: Selection,
  changes: ReadonlyMap<string, boolean>,
  kind: 'node' | 'edge',
): Selection {
  if (kind === 'edge') {
    return { ...current, edges: toggle(current.edges, changes) };
  }
  const nodeChanges = new Map<string, boolean>();
  const noteChanges = new Map<string, boolean>();
  for (const [canvasId, isSelected] of changes) {
    const target = fromCanvasId(canvasId);
    (target.kind === 'note' ? noteChanges : nodeChanges).set(target.id, isSelected);
  }
  return {
    ...current,
    nodes: toggle(current.nodes, nodeChanges),
    notes: toggle(current.notes, noteChanges),
  };
}

function toggle(ids: readonly string[], changes: ReadonlyMap<string, boolean>): string[] {
  const next = new Set(ids);
  for (const [id, isSelected] of changes) {
    if (isSelected) next.add(id);
    else next.delete(id);
  }
  return [...next];
}
