import { z } from 'zod';
import { flowSchema } from './flow-schema.js';

/** The `$id` of the flow document's JSON Schema. */
export const FLOW_JSON_SCHEMA_ID = 'https://attendflow.dev/schemas/flow.schema.json';

/**
 * JSON Schema (draft 2020-12) of the flow document as authored, derived from `flowSchema`, for
 * outside tools and editors (fields with defaults are optional). Node settings are open objects
 * here: each node type publishes its own settings schema.
 *
 * @example
 * const schema = flowJsonSchema();
 * writeFileSync('flow.schema.json', JSON.stringify(schema, null, 2));
 */
export function flowJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(flowSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  });
  return {
    $schema,
    $id: FLOW_JSON_SCHEMA_ID,
    title: 'attendflow flow document',
    description:
      'A customer-service attendance flow: nodes, edges between their ports, variables and notes.',
    ...schema,
  };
}
