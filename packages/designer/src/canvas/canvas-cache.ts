import type { Edge } from '@xyflow/react';
import {
  localizeNode,
  type Flow,
  type FlowIssue,
  type FlowNode,
  type Registry,
} from '@attendflow/engine';
import type { Selection } from '../store/flow-edits';
import {
  hasOverlayBadges,
  type CanvasOverlay,
  type EdgeOverlay,
  type NodeOverlay,
} from './canvas-overlay';
import { describeNode, type NodeView } from './describe-node';
import { nodeBox } from './node-box';
import { toCanvasEdge, toCanvasNote, type CanvasNode } from './to-canvas';

/** Everything the canvas is drawn from. */
export interface CanvasInput {
  flow: Flow;
  registry: Registry;
  selection: Selection;
  issues: ReadonlyMap<string, FlowIssue[]>;
  overlay: CanvasOverlay;
  /**
   * Sizes React Flow measured of the notes (flow nodes come with their size), by canvas id. Read
   * when a note is built, never a reason to rebuild one: React Flow keeps the size of an object it
   * already has, and a rebuilt object needs it.
   */
  measured: ReadonlyMap<string, { width: number; height: number }>;
  /** The UI language: edges are labelled with their port's name in it. */
  locale: string;
}

/** Builds the canvas' nodes and edges, reusing the object of every item whose inputs did not change. */
export interface CanvasCache {
  nodes(input: Omit<CanvasInput, 'locale'>): CanvasNode[];
  edges(input: Pick<CanvasInput, 'flow' | 'registry' | 'selection' | 'overlay' | 'locale'>): Edge[];
}

interface NodeEntry {
  node: FlowNode;
  ports: string;
  view: NodeView;
  selected: boolean;
  issues: FlowIssue[];
  overlay: NodeOverlay | undefined;
  value: CanvasNode;
}

const none: FlowIssue[] = [];

/**
 * Creates the cache. React Flow compares node objects by identity: handing back the same object
 * for an unchanged node keeps a drag of one node among 1,000 from re-rendering the other 999.
 */
export function createCanvasCache(): CanvasCache {
  let nodeEntries = new Map<string, NodeEntry>();
  let noteEntries = new Map<string, { key: unknown[]; value: CanvasNode }>();
  // A drag changes the nodes every frame, never the edges: the ports in use follow the edges only.
  let portsFor: { edges: Flow['edges']; used: Map<string, string[]> } | null = null;
  const portsUsedBy = (edges: Flow['edges']) => {
    if (portsFor?.edges !== edges) portsFor = { edges, used: portsInUse(edges) };
    return portsFor.used;
  };
  let edgeEntries = new Map<string, { key: unknown[]; value: Edge }>();
  // The arrays too: a new edges array makes React Flow rebuild its connection lookup.
  let lastNodes: CanvasNode[] = [];
  let lastEdges: Edge[] = [];
  return {
    nodes({ flow, registry, selection, issues, overlay, measured }) {
      const selectedNodes = new Set(selection.nodes);
      const selectedNotes = new Set(selection.notes);
      const portsUsed = portsUsedBy(flow.edges);
      const nextNotes = new Map<string, { key: unknown[]; value: CanvasNode }>();
      const notes = flow.notes.map((note) => {
        const isSelected = selectedNotes.has(note.id);
        const key = [note, isSelected];
        const hit = noteEntries.get(note.id);
        const entry =
          hit && sameList(hit.key, key)
            ? hit
            : { key, value: withSize(toCanvasNote(note, isSelected), measured) };
        nextNotes.set(note.id, entry);
        return entry.value;
      });
      const nextNodes = new Map<string, NodeEntry>();
      const nodes = flow.nodes.map((node) => {
        const usedList = portsUsed.get(node.id) ?? [];
        const ports = usedList.join('\0');
        const selected = selectedNodes.has(node.id);
        const nodeIssues = issues.get(node.id) ?? none;
        const nodeOverlay = overlay.nodes.get(node.id);
        const hit = nodeEntries.get(node.id);
        if (
          hit &&
          hit.node === node &&
          hit.ports === ports &&
          hit.selected === selected &&
          sameList(hit.issues, nodeIssues) &&
          sameShallow(hit.overlay, nodeOverlay)
        ) {
          nextNodes.set(node.id, hit);
          return hit.value;
        }
        const view =
          hit && hit.node === node && hit.ports === ports
            ? hit.view
            : describeNode(node, registry, usedList);
        const box = nodeBox({
          hasOverlay: hasOverlayBadges(nodeOverlay),
          hasSummary: view.summary !== '',
          hasIssue: nodeIssues.length > 0,
          ports: view.ports,
          isEntry: view.definition?.isEntry ?? false,
        });
        const { width, height, handles } = box;
        const value: CanvasNode = {
          id: node.id,
          type: 'flow',
          position: node.position,
          selected,
          width,
          height,
          measured: { width, height },
          handles,
          data: {
            node,
            view,
            box,
            issues: nodeIssues,
            ...(nodeOverlay ? { overlay: nodeOverlay } : {}),
          },
        };
        nextNodes.set(node.id, {
          node,
          ports,
          view,
          selected,
          issues: nodeIssues,
          overlay: nodeOverlay,
          value,
        });
        return value;
      });
      nodeEntries = nextNodes;
      noteEntries = nextNotes;
      const all = [...notes, ...nodes];
      if (!sameList(all, lastNodes)) lastNodes = all;
      return lastNodes;
    },
    edges({ flow, registry, selection, overlay, locale }) {
      const selected = new Set(selection.edges);
      const next = new Map<string, { key: unknown[]; value: Edge }>();
      const typeOf = new Map(flow.nodes.map((node) => [node.id, node.type]));
      // An edge is labelled with its port's name in the UI language (the node type's translation).
      const portLabel = (edge: Flow['edges'][number]) => {
        const definition = registry.node(typeOf.get(edge.source) ?? '');
        return definition
          ? localizeNode(definition, locale).port(edge.sourcePort)
          : edge.sourcePort;
      };
      const edges = flow.edges.map((edge) => {
        const edgeOverlay: EdgeOverlay | undefined = overlay.edges.get(edge.id);
        const isSelected = selected.has(edge.id);
        const hit = edgeEntries.get(edge.id);
        const key = [edge, isSelected, edgeOverlay?.label, edgeOverlay?.isHighlighted, locale];
        const entry =
          hit && sameList(hit.key, key)
            ? hit
            : { key, value: toCanvasEdge(edge, isSelected, edgeOverlay, portLabel(edge)) };
        next.set(edge.id, entry);
        return entry.value;
      });
      edgeEntries = next;
      if (!sameList(edges, lastEdges)) lastEdges = edges;
      return lastEdges;
    },
  };
}

function withSize<T extends CanvasNode>(node: T, measured: CanvasInput['measured']): T {
  const size = measured.get(node.id);
  return size ? { ...node, measured: size } : node;
}

function portsInUse(edges: Flow['edges']): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const edge of edges) {
    const list = used.get(edge.source);
    if (list) list.push(edge.sourcePort);
    else used.set(edge.source, [edge.sourcePort]);
  }
  return used;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]));
}

function sameShallow(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key])
  );
}
