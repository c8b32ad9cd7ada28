import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useMemo, useRef, useState, type DragEvent } from 'react';
import { useDesigner, useEditor } from '../editor/editor-context';
import { issuesByNode } from '../issues/draft-validator';
import { addNode, connect, moveItems, updateNote, type Point } from '../store/flow-edits';
import { applySelection } from './apply-selection';
import { FlowNode } from './FlowNode';
import { NoteNode } from './NoteNode';
import { fromCanvasId, toCanvasEdges, toCanvasNodes, type CanvasNode } from './to-canvas';

const nodeTypes = { flow: FlowNode, note: NoteNode };
// Never zoom past 100 % to fit: a new flow's lone trigger would fill the screen.
const fitViewOptions = { maxZoom: 1, padding: 0.2 };

/** The MIME type a palette item carries when dragged onto the canvas. */
export const paletteDragType = 'application/x-attendflow-node-type';

/** The canvas: the store's document drawn with React Flow; every change goes back to the store. */
export function FlowCanvas({ theme }: { theme: 'light' | 'dark' }) {
  const { store, registry, issues } = useEditor();
  const flow = useDesigner((state) => state.history.present);
  const selection = useDesigner((state) => state.selection);
  const instance = useReactFlow();
  const [measured, setMeasured] = useState(
    () => new Map<string, { width: number; height: number }>(),
  );
  const dragSession = useRef(0);
  const dragging = useRef(false);

  const byNode = useMemo(() => issuesByNode(issues), [issues]);
  const nodes = useMemo(
    () =>
      toCanvasNodes(flow, registry, selection, byNode).map((node): CanvasNode => {
        const size = measured.get(node.id);
        return size ? { ...node, measured: size } : node;
      }),
    [flow, registry, selection, byNode, measured],
  );
  const edges = useMemo(() => toCanvasEdges(flow, selection), [flow, selection]);

  const onNodesChange = (changes: NodeChange<CanvasNode>[]) => {
    const positions = new Map<string, Point>();
    let isDragEnd = false;
    const sizes: Array<{ id: string; width: number; height: number; isResize: boolean }> = [];
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
  };

  const applySizes = (
    sizes: Array<{ id: string; width: number; height: number; isResize: boolean }>,
  ) => {
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
  };

  const onEdgesChange = (changes: EdgeChange[]) => {
    const selected = new Map<string, boolean>();
    for (const change of changes)
      if (change.type === 'select') selected.set(change.id, change.selected);
    if (selected.size > 0)
      store.select(applySelection(store.getState().selection, selected, 'edge'));
  };

  const onConnect = (connection: Connection) => {
    if (!connection.sourceHandle) return;
    const link = {
      source: connection.source,
      sourcePort: connection.sourceHandle,
      target: connection.target,
    };
    store.edit((current) => connect(current, link));
  };

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
      className="canvas"
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
        multiSelectionKeyCode={['Meta', 'Control']}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}
