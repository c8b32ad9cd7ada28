import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { useEditor } from '../editor/editor-context';
import {
  copySelection,
  parseFragment,
  pasteFragment,
  type ClipboardFragment,
} from '../store/clipboard';
import { addNote, moveItems, removeItems } from '../store/flow-edits';
import { layoutFlow, type Size } from './auto-layout';
import { noteCanvasId } from './to-canvas';

/** The canvas commands that toolbar buttons and keyboard shortcuts both run. */
export interface CanvasCommands {
  undo: () => void;
  redo: () => void;
  /** The selection as clipboard JSON (also kept in memory for paste without clipboard access). */
  copy: () => string | null;
  cut: () => string | null;
  /** Pastes clipboard JSON (or the last copy when `text` is not a fragment). */
  paste: (text?: string) => void;
  duplicate: () => void;
  remove: () => void;
  selectAll: () => void;
  layout: () => Promise<void>;
  fit: () => void;
  addNote: () => void;
  focusNode: (id: string) => void;
}

const pasteOffset = { x: 40, y: 40 };

/** Builds the commands over the editor's store and the React Flow instance. */
export function useCanvasCommands(): CanvasCommands {
  const { store } = useEditor();
  const instance = useReactFlow();
  const lastCopy = useRef<ClipboardFragment | null>(null);
  return useMemo<CanvasCommands>(() => {
    const copy = () => {
      const { history, selection } = store.getState();
      const fragment = copySelection(history.present, selection);
      if (!fragment) return null;
      lastCopy.current = fragment;
      return JSON.stringify(fragment);
    };
    const paste = (text?: string) => {
      const fragment = (text !== undefined ? parseFragment(text) : null) ?? lastCopy.current;
      if (!fragment) return;
      store.edit((flow) => pasteFragment(flow, fragment, pasteOffset));
      // The next paste of the same fragment lands further along instead of on top.
      lastCopy.current = shift(fragment);
    };
    return {
      undo: () => store.undo(),
      redo: () => store.redo(),
      copy,
      cut() {
        const text = copy();
        if (text) store.edit((flow) => removeItems(flow, store.getState().selection));
        return text;
      },
      paste,
      duplicate() {
        const text = copy();
        if (text) paste(text);
      },
      remove() {
        const { selection } = store.getState();
        if (selection.nodes.length + selection.notes.length + selection.edges.length === 0) return;
        store.edit((flow) => removeItems(flow, selection));
      },
      selectAll() {
        const flow = store.getState().history.present;
        store.select({
          nodes: flow.nodes.map((n) => n.id),
          notes: flow.notes.map((n) => n.id),
          edges: flow.edges.map((e) => e.id),
        });
      },
      async layout() {
        const flow = store.getState().history.present;
        const sizes = new Map<string, Size>();
        for (const node of flow.nodes) {
          const measured = instance.getInternalNode(node.id)?.measured;
          if (measured?.width && measured.height) {
            sizes.set(node.id, { width: measured.width, height: measured.height });
          }
        }
        const positions = await layoutFlow(flow, sizes);
        store.edit((current) => moveItems(current, positions));
        await instance.fitView({ duration: 0 });
      },
      fit: () => void instance.fitView({ duration: 0 }),
      addNote() {
        const center = instance.screenToFlowPosition({
          x: window.innerWidth / 2,
          y: window.innerHeight / 2,
        });
        store.edit((flow) => {
          const added = addNote(flow, center);
          return { flow: added.flow, selection: { nodes: [], notes: [added.id], edges: [] } };
        });
      },
      focusNode(id) {
        const internal = instance.getInternalNode(id) ?? instance.getInternalNode(noteCanvasId(id));
        if (internal) {
          const { x, y } = internal.internals.positionAbsolute;
          const width = internal.measured.width ?? 0;
          const height = internal.measured.height ?? 0;
          void instance.setCenter(x + width / 2, y + height / 2, { zoom: 1.2, duration: 0 });
        }
        store.select({ nodes: [id], notes: [], edges: [] });
      },
    };
  }, [store, instance]);
}

function shift(fragment: ClipboardFragment): ClipboardFragment {
  const move = <T extends { position: { x: number; y: number } }>(item: T): T => ({
    ...item,
    position: { x: item.position.x + pasteOffset.x, y: item.position.y + pasteOffset.y },
  });
  return { ...fragment, nodes: fragment.nodes.map(move), notes: fragment.notes.map(move) };
}
