import type { Flow } from '@attendflow/engine';
import {
  pathOverlay,
  type CanvasOverlay,
  type EdgeOverlay,
  type NodeOverlay,
  type PathStep,
} from '../canvas/canvas-overlay';
import type { FlowFigures, LoggedEvent } from './analytics-api';

/** Visits and drop-off as node badges, traversals as edge labels. */
export function figuresOverlay(figures: FlowFigures): CanvasOverlay {
  const nodes = new Map<string, NodeOverlay>(
    figures.nodes.map((node) => [node.nodeId, { visits: node.visits, dropOff: node.dropOff }]),
  );
  const edges = new Map<string, EdgeOverlay>(
    figures.edges.map((edge) => [
      edge.edgeId,
      { label: String(edge.traversals), isHighlighted: edge.traversals > 0 },
    ]),
  );
  return { nodes, edges };
}

/** One step of a replay: a node entered, with the event that led there. */
export interface ReplayStep {
  nodeId: string;
  /** The event type that moved the conversation (customer.message, timer.fired …). */
  event: string;
  seq: number;
  /** The path up to and including this node. */
  path: PathStep[];
}

/** The replay of a conversation from its event log: one step per node entered, in order. */
export function replaySteps(events: readonly LoggedEvent[]): ReplayStep[] {
  const path: PathStep[] = [];
  const steps: ReplayStep[] = [];
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    for (const entry of event.trace) {
      const step = traceStep(entry);
      if (!step) continue;
      path.push(step);
      if (step.kind === 'enter')
        steps.push({ nodeId: step.nodeId, event: event.type, seq: event.seq, path: [...path] });
    }
  }
  return steps;
}

/** The canvas overlay at one step of a replay: the path so far, the node reached marked. */
export function replayOverlay(flow: Flow, step: ReplayStep): CanvasOverlay {
  return pathOverlay(flow, step.path, step.nodeId);
}

function traceStep(entry: unknown): PathStep | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { nodeId, kind, port } = entry as Record<string, unknown>;
  if (typeof nodeId !== 'string' || (kind !== 'enter' && kind !== 'exit')) return null;
  return { nodeId, kind, ...(typeof port === 'string' ? { port } : {}) };
}
