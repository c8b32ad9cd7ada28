import { flowSchema, jsonSchema } from '@attendflow/engine';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentingNoContent } from '../routes/no-content.js';

/**
 * The schemas the OpenAPI document names as components (`Flow` and `FlowInput`, `Json` and
 * `JsonInput`: what a call answers, and what it takes). A recursive schema must be one: the zod
 * transform writes its recursion as a `$ref` to a component, which exists only if it is registered
 * here (before, `Json`, the value a flow variable or a customer field holds, was a `$ref` to
 * `schema0`, a component the document never had). The flow document, in a dozen calls' bodies and
 * answers, is written once.
 */
export const openApiSchemas = z.registry<{ id: string; description?: string }>();
openApiSchemas.add(jsonSchema, { id: 'Json', description: 'Any JSON value' });
openApiSchemas.add(flowSchema, {
  id: 'Flow',
  description: 'A flow document: nodes, edges between their ports, variables and notes',
});

/** The routes' zod schemas as the document's JSON Schema (with every 204 as no content). */
export const openApiTransform: ReturnType<typeof createJsonSchemaTransform> = documentingNoContent(
  createJsonSchemaTransform({ schemaRegistry: openApiSchemas }),
);

/** The document's components: the registered schemas. */
export const openApiTransformObject = createJsonSchemaTransformObject({
  schemaRegistry: openApiSchemas,
});
