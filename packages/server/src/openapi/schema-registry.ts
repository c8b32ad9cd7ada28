import { flowSchema, jsonSchema } from '@attendflow/engine';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The engine's schemas the OpenAPI document names as components, each with the engine's types of
 * what a call answers (`id`) and of what it takes (`<id>Input`, the provider's name for the input
 * side). A recursive schema must be one: the zod transform writes its recursion as a `$ref` to a
 * component, which exists only if it is registered (before, `Json`, the value a flow variable or a
 * customer field holds, was a `$ref` to `schema0`, a component the document never had). The flow
 * document, in a dozen calls' bodies and answers, is written once.
 */
export const engineComponents = [
  {
    id: 'Json',
    schema: jsonSchema,
    description: 'Any JSON value',
    type: 'Json',
    inputType: 'Json',
  },
  {
    id: 'Flow',
    schema: flowSchema,
    description: 'A flow document: nodes, edges between their ports, variables and notes',
    type: 'Flow',
    inputType: 'FlowInput',
  },
] as const;

const openApiSchemas = z.registry<{ id: string; description?: string }>();
for (const { schema, id, description } of engineComponents)
  openApiSchemas.add(schema, { id, description });

type Transform = ReturnType<typeof createJsonSchemaTransform>;

/**
 * Every 204 documented as no content. The zod transform writes `z.null()` in OpenAPI 3.0's terms (a
 * nullable string), which @fastify/swagger documents as a JSON body; `{ type: 'null' }` is what it
 * documents as none.
 */
function documentingNoContent(transform: Transform): Transform {
  return (document) => {
    const transformed = transform(document);
    const response = (transformed.schema as { response?: Record<string, unknown> } | undefined)
      ?.response;
    if (response && '204' in response)
      response['204'] = { type: 'null', description: 'No content' };
    return transformed;
  };
}

/** The routes' zod schemas as the document's JSON Schema (with every 204 as no content). */
export const openApiTransform: Transform = documentingNoContent(
  createJsonSchemaTransform({ schemaRegistry: openApiSchemas }),
);

/** The document's components: the registered schemas. */
export const openApiTransformObject = createJsonSchemaTransformObject({
  schemaRegistry: openApiSchemas,
});
