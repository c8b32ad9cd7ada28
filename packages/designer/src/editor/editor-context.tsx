import type { FlowIssue, Registry } from '@attendflow/engine';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CanvasOverlay } from '../canvas/canvas-overlay';
import type { DesignerState, DesignerStore } from '../store/designer-store';
import type { Autosave } from './use-autosave';

/**
 * What every panel of the designer page shares. Later panels (simulator, analytics overlay) read
 * the same store and issues from here rather than being handed props through the tree.
 */
export interface Editor {
  flowId: string;
  store: DesignerStore;
  registry: Registry;
  /** The channel the flow is designed for: palette and validation follow it. */
  channel: string | null;
  setChannel: (channel: string | null) => void;
  issues: FlowIssue[];
  autosave: Autosave;
  /** Bumped after publish or roll back, so version lists reload. */
  versionsTick: number;
  bumpVersions: () => void;
  /** What the active side panel draws over the canvas (current node, diff, figures). */
  overlay: CanvasOverlay;
  /** A panel publishes its overlay; only the active panel's is drawn. `null` withdraws it. */
  setOverlay: (panel: string, overlay: CanvasOverlay | null) => void;
  /** The side panel tab on screen. */
  activePanel: string;
  setActivePanel: (panel: string) => void;
}

export const EditorContext = createContext<Editor | null>(null);

/** The designer page's shared state. */
export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside the designer page');
  return editor;
}

/** A slice of the designer store; re-renders when it changes (select stable values). */
export function useDesigner<T>(select: (state: DesignerState) => T): T {
  const { store } = useEditor();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
