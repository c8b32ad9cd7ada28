import {
  flowEdgeSchema,
  flowVariableSchema,
  jsonSchema,
  positionSchema,
  type Flow,
  type FlowEdge,
  type FlowNode,
  type FlowVariable,
} from '@attendflow/engine';
import { z } from 'zod';

const change = <T extends z.ZodType>(value: T) => z.object({ before: value, after: value });
const nodeBrief = z.object({ id: z.string(), type: z.string(), label: z.string().optional() });

/** A node present in both documents whose content differs. */
export const nodeChangeSchema = z.object({
  id: z.string(),
  type: z.string(),
  /** Set when another node type now sits under the same id. */
  typeChange: change(z.string()).optional(),
  typeVersion: change(z.number()).optional(),
  label: change(z.string().nullable()).optional(),
  position: change(positionSchema).optional(),
  /** Paths of the settings that differ, as people read them: `timeout.amount`, `rules[0].when`. */
  settings: z.array(z.string()),
});

/** What changed between two flow documents, for review before publishing or rolling back. */
export const flowDiffSchema = z.object({
  hasChanges: z.boolean(),
  document: z.object({
    name: change(z.string()).optional(),
    description: change(z.string().nullable()).optional(),
  }),
  nodes: z.object({
    added: z.array(nodeBrief),
    removed: z.array(nodeBrief),
    changed: z.array(nodeChangeSchema),
  }),
  /** Edges compared by what they connect (source, port, target): edge ids carry no meaning. */
  edges: z.object({ added: z.array(flowEdgeSchema), removed: z.array(flowEdgeSchema) }),
  variables: z.object({
    added: z.array(flowVariableSchema),
    removed: z.array(flowVariableSchema),
    changed: z.array(
      z.object({
        name: z.string(),
        default: change(jsonSchema).optional(),
        description: change(z.string().nullable()).optional(),
      }),
    ),
  }),
  /** Ids of sticky notes. */
  notes: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.string()),
  }),
});

/** See {@link nodeChangeSchema}. */
export type NodeChange = z.infer<typeof nodeChangeSchema>;
/** See {@link flowDiffSchema}. */
export type FlowDiff = z.infer<typeof flowDiffSchema>;
/** A value before and after. */
export type Change<T> = { before: T; after: T };

/** Compares two flow documents: nodes by id, edges by connection, variables by name. */
export function diffFlows(before: Flow, after: Flow): FlowDiff {
  const diff: FlowDiff = {
    hasChanges: false,
    document: {
      ...changeOf('name', before.name, after.name),
      ...changeOf('description', before.description ?? null, after.description ?? null),
    },
    nodes: diffNodes(before.nodes, after.nodes),
    edges: diffEdges(before.edges, after.edges),
    variables: diffVariables(before.variables, after.variables),
    notes: diffById(before.notes, after.notes),
  };
  const lists: unknown[][] = [
    ...Object.values(diff.nodes),
    ...Object.values(diff.edges),
    ...Object.values(diff.variables),
    ...Object.values(diff.notes),
  ];
  diff.hasChanges = Object.keys(diff.document).length > 0 || lists.some((list) => list.length > 0);
  return diff;
}

function diffNodes(before: FlowNode[], after: FlowNode[]): FlowDiff['nodes'] {
  const old = new Map(before.map((node) => [node.id, node]));
  const ids = new Set(after.map((node) => node.id));
  const brief = ({ id, type, label }: FlowNode) => ({ id, type, ...(label ? { label } : {}) });
  const changed: NodeChange[] = [];
  for (const node of after) {
    const previous = old.get(node.id);
    if (!previous) continue;
    const fields = {
      ...changeOf('typeChange', previous.type, node.type),
      ...changeOf('typeVersion', previous.typeVersion, node.typeVersion),
      ...changeOf('label', previous.label ?? null, node.label ?? null),
      ...changeOf('position', previous.position, node.position),
    };
    const settings = changedPaths(previous.settings, node.settings);
    if (Object.keys(fields).length > 0 || settings.length > 0)
      changed.push({ id: node.id, type: node.type, ...fields, settings });
  }
  return {
    added: after.filter((node) => !old.has(node.id)).map(brief),
    removed: before.filter((node) => !ids.has(node.id)).map(brief),
    changed,
  };
}

function diffEdges(before: FlowEdge[], after: FlowEdge[]): FlowDiff['edges'] {
  const key = (edge: FlowEdge) => JSON.stringify([edge.source, edge.sourcePort, edge.target]);
  // Counted, not a set: a duplicated edge removed once still shows as removed.
  const remaining = new Map<string, number>();
  for (const edge of before) remaining.set(key(edge), (remaining.get(key(edge)) ?? 0) + 1);
  const added: FlowEdge[] = [];
  for (const edge of after) {
    const left = remaining.get(key(edge)) ?? 0;
    if (left > 0) remaining.set(key(edge), left - 1);
    else added.push(edge);
  }
  const removed = before.filter((edge) => {
    const left = remaining.get(key(edge)) ?? 0;
    if (left > 0) remaining.set(key(edge), left - 1);
    return left > 0;
  });
  return { added, removed };
}

function diffVariables(before: FlowVariable[], after: FlowVariable[]): FlowDiff['variables'] {
  const old = new Map(before.map((variable) => [variable.name, variable]));
  const names = new Set(after.map((variable) => variable.name));
  const changed: FlowDiff['variables']['changed'] = [];
  for (const variable of after) {
    const previous = old.get(variable.name);
    if (!previous) continue;
    const change = {
      name: variable.name,
      ...changeOf('default', previous.default, variable.default),
      ...changeOf('description', previous.description ?? null, variable.description ?? null),
    };
    if (Object.keys(change).length > 1) changed.push(change);
  }
  return {
    added: after.filter((variable) => !old.has(variable.name)),
    removed: before.filter((variable) => !names.has(variable.name)),
    changed,
  };
}

function diffById<T extends { id: string }>(before: T[], after: T[]): FlowDiff['notes'] {
  const old = new Map(before.map((item) => [item.id, item]));
  const ids = new Set(after.map((item) => item.id));
  return {
    added: after.filter((item) => !old.has(item.id)).map((item) => item.id),
    removed: before.filter((item) => !ids.has(item.id)).map((item) => item.id),
    changed: after
      .filter((item) => old.has(item.id) && !isEqual(old.get(item.id), item))
      .map((item) => item.id),
  };
}

/** `{ [key]: { before, after } }` when the values differ, else nothing (spread into a change). */
function changeOf<K extends string, T>(key: K, before: T, after: T): Partial<Record<K, Change<T>>> {
  return isEqual(before, after) ? {} : ({ [key]: { before, after } } as Record<K, Change<T>>);
}

/** The paths where two JSON values differ, descending into objects and arrays. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) =>
      changedPaths(before[key], after[key], prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) =>
      changedPaths(before[index], after[index], `${prefix}[${index}]`),
    ).flat();
  }
  return isEqual(before, after) ? [] : [prefix];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values (key order ignored). */
function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => isEqual(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => isEqual(a[key], b[key]));
  }
  return false;
}
