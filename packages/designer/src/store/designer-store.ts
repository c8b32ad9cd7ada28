import type { Flow } from '@attendflow/engine';
import { emptySelection, type Selection } from './flow-edits';
import { commit, createHistory, redo, undo, type History } from './history';

/** The designer's state: the flow document with its history, plus UI state kept out of history. */
export interface DesignerState {
  history: History<Flow>;
  selection: Selection;
}

/** What a change of the document returns when it also chooses the selection. */
export interface EditResult {
  flow: Flow;
  selection?: Selection;
}

/** The designer's store: every change of the document goes through `edit`, so undo covers it. */
export interface DesignerStore {
  getState: () => DesignerState;
  subscribe: (listener: () => void) => () => void;
  /** Applies a change as one undo step (or merges it into the last one with the same `key`). */
  edit: (change: (flow: Flow) => Flow | EditResult, key?: string | null) => void;
  select: (selection: Selection) => void;
  undo: () => void;
  redo: () => void;
  /** Replaces the document (loaded from the server), forgetting history and selection. */
  reset: (flow: Flow) => void;
}

/** Creates a store holding `flow` with empty history. */
export function createDesignerStore(flow: Flow): DesignerStore {
  let state: DesignerState = { history: createHistory(flow), selection: emptySelection };
  const listeners = new Set<() => void>();
  const set = (next: DesignerState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const travel = (history: History<Flow>) =>
    set({ history, selection: pruneSelection(history.present, state.selection) });
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    edit(change, key = null) {
      const result = change(state.history.present);
      const { flow, selection } =
        'flow' in result ? result : { flow: result, selection: undefined };
      const history = commit(state.history, flow, key);
      set({ history, selection: pruneSelection(flow, selection ?? state.selection) });
    },
    select: (selection) => set({ ...state, selection }),
    undo: () => travel(undo(state.history)),
    redo: () => travel(redo(state.history)),
    reset: (next) => set({ history: createHistory(next), selection: emptySelection }),
  };
}

/** Drops selected ids that the flow no longer has (after an undo, a delete …). */
export function pruneSelection(flow: Flow, selection: Selection): Selection {
  const keep = (ids: readonly string[], items: readonly { id: string }[]) => {
    const present = new Set(items.map((item) => item.id));
    return ids.every((id) => present.has(id)) ? ids : ids.filter((id) => present.has(id));
  };
  const nodes = keep(selection.nodes, flow.nodes);
  const notes = keep(selection.notes, flow.notes);
  const edges = keep(selection.edges, flow.edges);
  if (nodes === selection.nodes && notes === selection.notes && edges === selection.edges) {
    return selection;
  }
  return { nodes, notes, edges };
}
