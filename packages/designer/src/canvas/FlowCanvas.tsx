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
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useDesigner, useEditor } from '../editor/editor-context';
import { issuesByNode } from '../issues/draft-validator';
import { addNode, connect, moveItems, updateNote, type Point } from '../store/flow-edits';
import { applySelection } from './apply-selection';
import { createCanvasCache } from './canvas-cache';
import { FlowNode } from './FlowNode';
import { NoteNode } from './NoteNode';
import './canvas-speed.css';
import { fromCanvasId, type CanvasNode } from './to-canvas';

const nodeTypes = { flow: FlowNode, note: NoteNode };
// Never zoom past 100 % to fit: a new flow's lone trigger would fill the screen.
const fitViewOptions = { maxZoom: 1, padding: 0.2 };
const proOptions = { hideAttribution: true };
const multiSelectionKeys = ['Meta', 'Control'];

type Size = { id: string; width: number; height: number; isResize: boolean };
/** From this many nodes, nodes and edges out of view are not in the DOM (small flows keep all). */
const virtualizeFrom = 200;
/** Below this zoom the nodes' small print is unreadable anyway: it is hidden, not painted. */
const farZoom = 0.35;
const isFarSelector = (state: { transform: [number, number, number] }) =>
  state.transform[2] < farZoom;

/** The MIME type a palette item carries when dragged onto the canvas. */
export const paletteDragType = 'application/x-attendflow-node-type';

/** The canvas: the store's document drawn with React Flow; every change goes back to the store. */
export function FlowCanvas({ theme }: { theme: 'light' | 'dark' }) {
  const { store, registry, issues, overlay } = useEditor();
  const flow = useDesigner((state) => state.history.present);
  const selection = useDesigner((state) => state.selection);
  const instance = useReactFlow();
  const isFar = useStore(isFarSelector);
  const [measured, setMeasured] = useState<ReadonlyMap<string, { width: number; height: number }>>(
    () => new Map(),
  );
  const [cache] = useState(createCanvasCache);
  const dragSession = useRef(0);
  const dragging = useRef(false);

  const byNode = useMemo(() => issuesByNode(issues), [issues]);
  const nodes = useMemo(
    () => cache.nodes({ flow, registry, selection, issues: byNode, overlay, measured }),
    [cache, flow, registry, selection, byNode, overlay, measured],
  );
  const edges = useMemo(
    () => cache.edges({ flow, selection, overlay }),
    [cache, flow, selection, overlay],
  );

  // Stable callbacks: React Flow re-renders less when its handlers keep their identity.
  const applySizes = useCallback(
    (sizes: Size[]) => {
      setMeasured((previous) => {
        const next = new Map(previous);
        for (const size of sizes) next.set(size.id, { width: size.width, height: size.height });
        return next;
      });
      for (const size of sizes) {
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
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(paletteDragType)) event.preventDefault();
      }}
      onDrop={onDrop}
    >
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
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        onlyRenderVisibleElements={flow.nodes.length > virtualizeFrom}
        proOptions={proOptions}
      >
        <Background />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}
