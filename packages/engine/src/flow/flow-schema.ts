import { z } from 'zod';
import { jsonSchema } from '../json.js';

/** The flow document version this engine writes; older documents are migrated on load. */
export const CURRENT_FLOW_SCHEMA_VERSION = 1;

/** Ids of nodes, edges and notes: stable, URL- and state-key-safe. */
export const flowIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1 to 64 letters, digits, "-" or "_"');

/** A point on the designer's canvas. */
export const positionSchema = z.object({ x: z.number(), y: z.number() });

/** One node of a flow; its `settings` are checked by its node type's own schema. */
export const flowNodeSchema = z.object({
  id: flowIdSchema,
  type: z.string().min(1),
  typeVersion: z.number().int().positive(),
  settings: z.record(z.string(), z.unknown()),
  position: positionSchema,
  label: z.string().max(200).optional(),
});

/** A connection from a node's named exit port to another node. */
export const flowEdgeSchema = z.object({
  id: flowIdSchema,
  source: flowIdSchema,
  sourcePort: z.string().min(1),
  target: flowIdSchema,
});

/** A flow variable with its default value. */
export const flowVariableSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'use a letter or "_" then letters, digits, "_"'),
  default: jsonSchema.default(null),
  description: z.string().optional(),
});

/** A sticky note on the canvas; no effect on the run. */
export const flowNoteSchema = z.object({
  id: flowIdSchema,
  text: z.string().max(5000),
  position: positionSchema,
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

/**
 * The flow document: the single truth for the designer's store, the server's request validation
 * and the engine's compiler.
 *
 * @example
 * const flow = flowSchema.parse(JSON.parse(text));
 */
export const flowSchema = z.object({
  schemaVersion: z.literal(CURRENT_FLOW_SCHEMA_VERSION),
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  /**
   * The channel type the flow is designed for: the designer's palette and validation follow it,
   * and publishing checks its rules as well as those of every connection running the flow.
   */
  channel: z.string().min(1).max(100).optional(),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema),
  variables: z.array(flowVariableSchema).default([]),
  notes: z.array(flowNoteSchema).default([]),
});

/** A parsed flow document. */
export type Flow = z.infer<typeof flowSchema>;
/** The flow document as authored (defaults not yet applied). */
export type FlowInput = z.input<typeof flowSchema>;
/** A node of a {@link Flow}. */
export type FlowNode = z.infer<typeof flowNodeSchema>;
/** An edge of a {@link Flow}. */
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
/** A variable of a {@link Flow}. */
export type FlowVariable = z.infer<typeof flowVariableSchema>;
/** A sticky note of a {@link Flow}. */
export type FlowNote = z.infer<typeof flowNoteSchema>;
