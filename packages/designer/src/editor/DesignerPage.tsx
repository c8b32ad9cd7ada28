import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { flowsApi, type FlowView } from '../api/flows-api';
import { takeStartFlow } from '../app/flow-prefetch';
import { useSession } from '../app/session-context';
import { emptyOverlay, type CanvasOverlay } from '../canvas/canvas-overlay';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { NodeSearch } from '../canvas/NodeSearch';
import { ShortcutHelp } from '../canvas/ShortcutHelp';
import { useCanvasCommands } from '../canvas/use-canvas-commands';
import { useKeyboardShortcuts, type ShortcutPanels } from '../canvas/use-keyboard-shortcuts';
import { useI18n } from '../i18n/I18nProvider';
import { useDraftIssues } from '../issues/use-draft-issues';
import { Palette } from '../palette/Palette';
import { designerRegistry } from '../registry/designer-registry';
import { createDesignerStore } from '../store/designer-store';
import { addNode } from '../store/flow-edits';
import { PublishDialog } from '../versions/PublishDialog';
import { ConflictBanner } from './ConflictBanner';
import { EditorContext, useEditor, type Editor } from './editor-context';
import { downloadExport } from './download-export';
import { SidePanel } from './SidePanel';
import { Toolbar } from './Toolbar';
import { useAutosave } from './use-autosave';

/** The flow designer: loads the flow, then canvas, palette, side panel and dialogs around one store. */
export function DesignerPage({ flowId, theme }: { flowId: string; theme: 'light' | 'dark' }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [view, setView] = useState<FlowView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => flowsApi.get(api, flowId);
    (takeStartFlow(flowId)?.catch(load) ?? load()).then(setView, (e: unknown) =>
      setError(t('designer.loadFailed', { message: e instanceof Error ? e.message : String(e) })),
    );
  }, [api, flowId, t]);
  if (error) return <p className="error page-message">{error}</p>;
  if (!view) return <p className="page-message">{t('app.loading')}</p>;
  return (
    <ReactFlowProvider>
      <LoadedDesigner view={view} theme={theme} />
    </ReactFlowProvider>
  );
}

type Dialog = 'publish' | 'help' | 'search' | null;

function LoadedDesigner({ view, theme }: { view: FlowView; theme: 'light' | 'dark' }) {
  const { api } = useSession();
  const [store] = useState(() => createDesignerStore(view.draft));
  const [versionsTick, setVersionsTick] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const flow = useSyncExternalStore(store.subscribe, () => store.getState().history.present);
  // The document says which channel it is designed for: an undoable, autosaved edit like any other.
  const channel = flow.channel ?? null;
  const issues = useDraftIssues(flow, channel);
  const autosave = useAutosave(api, view.id, store, view.revision);
  const [overlays, setOverlays] = useState<ReadonlyMap<string, CanvasOverlay>>(new Map());
  const [activePanel, setActivePanel] = useState('inspector');
  const setOverlay = useCallback((panel: string, overlay: CanvasOverlay | null) => {
    setOverlays((previous) => {
      if ((previous.get(panel) ?? null) === overlay) return previous;
      const next = new Map(previous);
      if (overlay) next.set(panel, overlay);
      else next.delete(panel);
      return next;
    });
  }, []);
  const overlay = overlays.get(activePanel) ?? emptyOverlay;
  const editor = useMemo<Editor>(
    () => ({
      flowId: view.id,
      store,
      registry: designerRegistry,
      channel,
      setChannel(next) {
        store.edit(({ channel: _previous, ...rest }) => (next ? { ...rest, channel: next } : rest));
      },
      issues,
      autosave,
      versionsTick,
      bumpVersions: () => setVersionsTick((n) => n + 1),
      overlay,
      setOverlay,
      activePanel,
      setActivePanel,
    }),
    [view.id, store, channel, issues, autosave, versionsTick, overlay, setOverlay, activePanel],
  );
  return (
    <EditorContext.Provider value={editor}>
      <DesignerLayout theme={theme} dialog={dialog} setDialog={setDialog} />
    </EditorContext.Provider>
  );
}

function DesignerLayout({
  theme,
  dialog,
  setDialog,
}: {
  theme: 'light' | 'dark';
  dialog: Dialog;
  setDialog: (dialog: Dialog) => void;
}) {
  const { store, registry } = useEditor();
  const commands = useCanvasCommands();
  const instance = useReactFlow();
  const panels = useMemo<ShortcutPanels>(
    () => ({
      openSearch: () => setDialog('search'),
      toggleHelp: () => setDialog(dialog === 'help' ? null : 'help'),
      closeAll: () => {
        setDialog(null);
        store.select({ nodes: [], notes: [], edges: [] });
      },
    }),
    [dialog, setDialog, store],
  );
  useKeyboardShortcuts(commands, panels);
  const addAtCenter = (type: string) => {
    const definition = registry.node(type);
    if (!definition) return;
    const center = instance.screenToFlowPosition({
      x: window.innerWidth / 2,
      y: window.innerHeight / 2,
    });
    store.edit((flow) => {
      const added = addNode(flow, definition, center);
      return { flow: added.flow, selection: { nodes: [added.id], notes: [], edges: [] } };
    });
  };
  return (
    <div className="designer">
      <Toolbar
        commands={commands}
        onPublish={() => setDialog('publish')}
        onExport={() => downloadExport(store.getState().history.present)}
        onSearch={() => setDialog('search')}
        onHelp={() => setDialog('help')}
      />
      <ConflictBanner />
      <div className="designer-body">
        <Palette onAdd={addAtCenter} />
        <FlowCanvas theme={theme} />
        <SidePanel onJump={commands.focusNode} />
      </div>
      {dialog === 'publish' && <PublishDialog onClose={() => setDialog(null)} />}
      {dialog === 'help' && <ShortcutHelp onClose={() => setDialog(null)} />}
      {dialog === 'search' && (
        <NodeSearch
          onClose={() => setDialog(null)}
          onPick={(id) => {
            commands.focusNode(id);
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}
