import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useDesigner, useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { issuesByNode } from '../issues/draft-validator';
import { addNode, connect, moveItems, updateNote, type Point } from '../store/flow-edits';
import { applySelection } from './apply-selection';
import { createCanvasCache } from './canvas-cache';
import { FarZoomContext, farZoom } from './far-zoom';
import { fitOptions, fitViewport } from './fit-viewport';
import { FlowNode } from './FlowNode';
import { NoteNode } from './NoteNode';
import './canvas-speed.css';
import { fromCanvasId, type CanvasNode } from './to-canvas';

const nodeTypes = { flow: FlowNode, note: NoteNode };
const proOptions = { hideAttribution: true };
const multiSelectionKeys = ['Meta', 'Control'];

type Size = { id: string; width: number; height: number; isResize: boolean };
/** From this many nodes, nodes and edges out of view are not in the DOM (small flows keep all). */
const virtualizeFrom = 200;
const isFarSelector = (state: { transform: [number, number, number] }) =>
  state.transform[2] < farZoom;

/** The MIME type a palette item carries when dragged onto the canvas. */
export const paletteDragType = 'application/x-attendflow-node-type';

/** The canvas: the store's document drawn with React Flow; every change goes back to the store. */
export function FlowCanvas({ theme }: { theme: 'light' | 'dark' }) {
  const { store, registry, issues, overlay } = useEditor();
  const { locale } = useI18n();
  const flow = useDesigner((state) => state.history.present);
  const selection = useDesigner((state) => state.selection);
  const instance = useReactFlow();
  const isFar = useStore(isFarSelector);
  // Sizes of notes (flow nodes come with theirs). Not state: a measured size changes no node object
  // (React Flow already holds it), it is only read when a note's object is rebuilt.
  const measured = useRef(new Map<string, { width: number; height: number }>());
  const pane = useRef<HTMLDivElement>(null);
  const [initialViewport, setInitialViewport] = useState<Viewport | null>(null);
  const [cache] = useState(createCanvasCache);
  const dragSession = useRef(0);
  const dragging = useRef(false);

  const byNode = useMemo(() => issuesByNode(issues), [issues]);
  const nodes = useMemo(
    () =>
      cache.nodes({
        flow,
        registry,
        selection,
        issues: byNode,
        overlay,
        measured: measured.current,
      }),
    [cache, flow, registry, selection, byNode, overlay],
  );
  const edges = useMemo(
    () => cache.edges({ flow, registry, selection, overlay, locale }),
    [cache, flow, registry, selection, overlay, locale],
  );

  // React Flow mounts once the pane's size is known, already fitted: no unfitted first frame, and
  // only the nodes in the fitted view are mounted (its own fitView waits for a first render).
  useLayoutEffect(() => {
    const box = pane.current?.getBoundingClientRect();
    if (box) setInitialViewport(fitViewport(nodes, box));
  }, []); // fitted once, when the flow opens: later edits never move the view

  // Stable callbacks: React Flow re-renders less when its handlers keep their identity.
  const applySizes = useCallback(
    (sizes: Size[]) => {
      for (const size of sizes) {
        measured.current.set(size.id, { width: size.width, height: size.height });
        const target = fromCanvasId(size.id);
        if (target.kind !== 'note' || !size.isResize) continue;
        store.edit(
          (current) => updateNote(current, target.id, { width: size.width, height: size.height }),
          `resize:${target.id}`,
        );
      }
    },
    [store],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const positions = new Map<string, Point>();
      let isDragEnd = false;
      const sizes: Size[] = [];
      const selected = new Map<string, boolean>();
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          positions.set(fromCanvasId(change.id).id, change.position);
          if (change.dragging === false) isDragEnd = true;
        } else if (change.type === 'position' && change.dragging === false) {
          isDragEnd = true;
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes.push({
            id: change.id,
            ...change.dimensions,
            isResize: change.resizing !== undefined,
          });
        } else if (change.type === 'select') {
          selected.set(change.id, change.selected);
        }
      }
      if (positions.size > 0) {
        if (!dragging.current) dragSession.current += 1;
        dragging.current = !isDragEnd;
        store.edit((current) => moveItems(current, positions), `drag:${dragSession.current}`);
      } else if (isDragEnd) {
        dragging.current = false;
      }
      if (sizes.length > 0) applySizes(sizes);
      if (selected.size > 0)
        store.select(applySelection(store.getState().selection, selected, 'node'));
    },
    [store, applySizes],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selected = new Map<string, boolean>();
      for (const change of changes)
        if (change.type === 'select') selected.set(change.id, change.selected);
      if (selected.size > 0)
        store.select(applySelection(store.getState().selection, selected, 'edge'));
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle) return;
      const link = {
        source: connection.source,
        sourcePort: connection.sourceHandle,
        target: connection.target,
      };
      store.edit((current) => connect(current, link));
    },
    [store],
  );

  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(paletteDragType);
    const definition = registry.node(type);
    if (!definition) return;
    event.preventDefault();
    const position = instance.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    store.edit((current) => {
      const added = addNode(current, definition, position);
      return { flow: added.flow, selection: { nodes: [added.id], notes: [], edges: [] } };
    });
  };

  return (
    <div
      className={isFar ? 'canvas is-far' : 'canvas'}
      data-testid="canvas"
      ref={pane}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(paletteDragType)) event.preventDefault();
      }}
      onDrop={onDrop}
    >
      {initialViewport && (
        <FarZoomContext.Provider value={isFar}>
          <ReactFlow<CanvasNode>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            colorMode={theme}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={multiSelectionKeys}
            defaultViewport={initialViewport}
            minZoom={fitOptions.minZoom}
            onlyRenderVisibleElements={flow.nodes.length > virtualizeFrom}
            proOptions={proOptions}
          >
            <Background />
            <MiniMap pannable zoomable />
            <Controls />
          </ReactFlow>
        </FarZoomContext.Provider>
      )}
    </div>
  );
}
