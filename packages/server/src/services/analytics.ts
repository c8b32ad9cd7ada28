import { and, desc, eq } from 'drizzle-orm';
import {
  flowSchema,
  migrateFlow,
  portsOf,
  prepareFlow,
  type Flow,
  type Registry,
} from '@attendflow/engine';
import type { Database } from '../db/database.js';
import { flows, flowVersions } from '../db/schema/index.js';
import { ServerError } from './errors.js';

/** One node's figures; `dropOff` counts conversations whose flow stopped or still waits there. */
export interface NodeAnalytics {
  nodeId: string;
  type: string;
  label: string | null;
  /** Conversations that entered the node (each counted once). */
  visits: number;
  /** Times the node was entered (above `visits` when a flow loops). */
  entries: number;
  /** Times the node was left, per port. */
  exits: Record<string, number>;
  dropOff: number;
  /** Of `dropOff`, the conversations still waiting in the node now. */
  waiting: number;
}

/** Per node and per edge figures of one flow version, from the event log's traces. */
export interface FlowAnalytics {
  flowId: string;
  version: { id: string; number: number; createdAt: string };
  conversations: number;
  nodes: NodeAnalytics[];
  edges: Array<{
    edgeId: string;
    source: string;
    sourcePort: string;
    target: string;
    traversals: number;
  }>;
}

// Every trace entry of the version's events, in the order the engine wrote them.
const traceCte = `with t as (
  select e.conversation_id, e.seq, x.ord, x.entry->>'nodeId' as node_id,
         x.entry->>'kind' as kind, x.entry->>'port' as port
  from events e cross join lateral jsonb_array_elements(e.trace) with ordinality as x(entry, ord)
  where e.flow_version_id = $1)`;

/** Visits, exits per port and drop-off per node, traversals per edge, of a flow version (the latest when no number is given). */
export async function flowAnalytics(
  database: Database,
  registry: Registry,
  flowId: string,
  versionNumber?: number,
): Promise<FlowAnalytics> {
  const version = await findVersion(database, flowId, versionNumber);
  const counts = await database.rows<{
    node_id: string;
    kind: string;
    port: string | null;
    n: number;
    visitors: number;
  }>(
    `${traceCte}
     select node_id, kind, port, count(*)::int as n, count(distinct conversation_id)::int as visitors
     from t group by node_id, kind, port`,
    [version.id],
  );
  const stops = await database.rows<{ node_id: string; stopped: number; waiting: number }>(
    `${traceCte}, last as (
       select distinct on (conversation_id) conversation_id, node_id
       from t order by conversation_id, seq desc, ord desc)
     select l.node_id, count(*)::int as stopped,
            count(*) filter (where c.flow_state = l.node_id)::int as waiting
     from last l join conversations c on c.id = l.conversation_id group by l.node_id`,
    [version.id],
  );
  const [total] = await database.rows<{ n: number }>(
    'select count(*)::int as n from conversations where flow_version_id = $1',
    [version.id],
  );
  const graph = readGraph(version.document, registry);
  const nodes = graph.nodes.map((node): NodeAnalytics => {
    const mine = counts.filter((row) => row.node_id === node.id);
    const entered = mine.find((row) => row.kind === 'enter');
    const exits: Record<string, number> = Object.fromEntries(node.ports.map((port) => [port, 0]));
    for (const row of mine) if (row.kind === 'exit' && row.port) exits[row.port] = row.n;
    const stop = stops.find((row) => row.node_id === node.id);
    return {
      nodeId: node.id,
      type: node.type,
      label: node.label ?? null,
      visits: entered?.visitors ?? 0,
      entries: entered?.n ?? 0,
      exits,
      dropOff: stop?.stopped ?? 0,
      waiting: stop?.waiting ?? 0,
    };
  });
  // A port leads to one node, so leaving through it is crossing its edge.
  const edges = graph.edges.map((edge) => ({
    edgeId: edge.id,
    source: edge.source,
    sourcePort: edge.sourcePort,
    target: edge.target,
    traversals: nodes.find((node) => node.nodeId === edge.source)?.exits[edge.sourcePort] ?? 0,
  }));
  return {
    flowId,
    version: {
      id: version.id,
      number: version.number,
      createdAt: version.createdAt.toISOString(),
    },
    conversations: total?.n ?? 0,
    nodes,
    edges,
  };
}

async function findVersion(database: Database, flowId: string, versionNumber?: number) {
  const { db } = database;
  const [flow] = await db.select({ id: flows.id }).from(flows).where(eq(flows.id, flowId));
  if (!flow) throw new ServerError('NOT_FOUND', `flow ${flowId} does not exist`);
  const [version] = await db
    .select()
    .from(flowVersions)
    .where(
      versionNumber === undefined
        ? eq(flowVersions.flowId, flowId)
        : and(eq(flowVersions.flowId, flowId), eq(flowVersions.number, versionNumber)),
    )
    .orderBy(desc(flowVersions.number))
    .limit(1);
  if (!version) {
    throw new ServerError(
      'NOT_FOUND',
      versionNumber === undefined
        ? `flow ${flowId} has no published version`
        : `flow ${flowId} has no version ${versionNumber}`,
    );
  }
  return version;
}

type Graph = {
  nodes: Array<{ id: string; type: string; label?: string | undefined; ports: string[] }>;
  edges: Flow['edges'];
};

/**
 * The version's nodes with their ports, and its edges. A version the registry no longer accepts
 * (a plugin removed) still gets its figures, with the ports its edges name.
 */
function readGraph(document: unknown, registry: Registry): Graph {
  let flow: Flow | null;
  try {
    flow = prepareFlow(document, registry);
  } catch {
    const migrated = migrateFlow(document);
    const parsed = migrated.ok ? flowSchema.safeParse(migrated.document) : null;
    flow = parsed?.success ? parsed.data : null;
  }
  if (!flow) return { nodes: [], edges: [] };
  const edges = flow.edges;
  return {
    nodes: flow.nodes.map((node) => {
      const definition = registry.node(node.type);
      const declared = definition ? portsOf(definition, node.settings) : [];
      const linked = edges.filter((e) => e.source === node.id).map((e) => e.sourcePort);
      return {
        id: node.id,
        type: node.type,
        label: node.label,
        ports: [...new Set([...declared, ...linked])],
      };
    }),
    edges,
  };
}
