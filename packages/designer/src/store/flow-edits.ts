import {
  settingsJsonSchema,
  type Flow,
  type FlowEdge,
  type FlowNode,
  type FlowNote,
  type NodeDefinition,
} from '@attendflow/engine';

/** A point on the canvas. */
export interface Point {
  x: number;
  y: number;
}

/** What is selected on the canvas, by kind. */
export interface Selection {
  nodes: readonly string[];
  notes: readonly string[];
  edges: readonly string[];
}

/** Nothing selected. */
export const emptySelection: Selection = { nodes: [], notes: [], edges: [] };

/** An id built from `base` that none of `taken` uses (`auto-message`, `auto-message-2` …). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56) || 'item';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

/** Every id used by a node, edge or note of the flow (they share one namespace on the canvas). */
export function idsOf(flow: Flow): Set<string> {
  return new Set([...flow.nodes, ...flow.edges, ...flow.notes].map((item) => item.id));
}

/** A new node's settings: the schema's defaults, leaving required fields for the person to fill. */
export function initialSettings(definition: NodeDefinition): Record<string, unknown> {
  const parsed = definition.settings.safeParse({});
  if (parsed.success && typeof parsed.data === 'object' && parsed.data !== null) {
    return parsed.data as Record<string, unknown>;
  }
  const schema = settingsJsonSchema(definition.settings) as {
    properties?: Record<string, { default?: unknown }>;
  };
  const settings: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (property.default !== undefined) settings[key] = property.default;
  }
  return settings;
}

/** Adds a node of `definition` at `position`; returns the flow and the new node's id. */
export function addNode(
  flow: Flow,
  definition: NodeDefinition,
  position: Point,
): { flow: Flow; id: string } {
  const id = uniqueId(definition.type, idsOf(flow));
  const node: FlowNode = {
    id,
    type: definition.type,
    typeVersion: definition.version,
    settings: initialSettings(definition),
    position: roundPoint(position),
  };
  return { flow: { ...flow, nodes: [...flow.nodes, node] }, id };
}

/** Moves nodes and notes to new positions (ids of either kind). */
export function moveItems(flow: Flow, positions: ReadonlyMap<string, Point>): Flow {
  const move = <T extends { id: string; position: Point }>(item: T): T => {
    const to = positions.get(item.id);
    return to ? { ...item, position: roundPoint(to) } : item;
  };
  return { ...flow, nodes: flow.nodes.map(move), notes: flow.notes.map(move) };
}

/** Replaces one node's fields (settings, label). */
export function updateNode(
  flow: Flow,
  id: string,
  patch: Partial<Pick<FlowNode, 'settings' | 'label'>>,
): Flow {
  return {
    ...flow,
    nodes: flow.nodes.map((node) => {
      if (node.id !== id) return node;
      const next = { ...node, ...patch };
      if (next.label === '' || next.label === undefined) delete next.label;
      return next;
    }),
  };
}

/**
 * Connects a node's port to a target. A port has one exit, so an edge already leaving that port
 * is replaced rather than doubled.
 */
export function connect(
  flow: Flow,
  link: { source: string; sourcePort: string; target: string },
): Flow {
  const kept = flow.edges.filter(
    (edge) => !(edge.source === link.source && edge.sourcePort === link.sourcePort),
  );
  const id = uniqueId(`${link.source}-${link.sourcePort}`, idsOf(flow));
  const edge: FlowEdge = { id, ...link };
  return { ...flow, edges: [...kept, edge] };
}

/** Removes the selected items, and the edges of removed nodes. */
export function removeItems(flow: Flow, selection: Selection): Flow {
  const nodes = new Set(selection.nodes);
  const notes = new Set(selection.notes);
  const edges = new Set(selection.edges);
  return {
    ...flow,
    nodes: flow.nodes.filter((node) => !nodes.has(node.id)),
    notes: flow.notes.filter((note) => !notes.has(note.id)),
    edges: flow.edges.filter(
      (edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target),
    ),
  };
}

/** Adds a sticky note; returns the flow and the note's id. */
export function addNote(flow: Flow, position: Point, text = ''): { flow: Flow; id: string } {
  const id = uniqueId('note', idsOf(flow));
  const note: FlowNote = { id, text, position: roundPoint(position), width: 220, height: 120 };
  return { flow: { ...flow, notes: [...flow.notes, note] }, id };
}

/** Replaces one note's fields. */
export function updateNote(
  flow: Flow,
  id: string,
  patch: Partial<Pick<FlowNote, 'text' | 'width' | 'height'>>,
): Flow {
  return {
    ...flow,
    notes: flow.notes.map((note) => (note.id === id ? { ...note, ...patch } : note)),
  };
}

function roundPoint(point: Point): Point {
  return { x: Math.round(point.x), y: Math.round(point.y) };
}
