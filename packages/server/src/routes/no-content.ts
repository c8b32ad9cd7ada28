import type { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The answer of a call that answers nothing (204: revoked, deleted). */
export const noContent = z.null().describe('No content');

type Transform = typeof jsonSchemaTransform;

/**
 * The OpenAPI transform, with every 204 documented as no content. The zod transform writes
 * `z.null()` in OpenAPI 3.0's terms (a nullable string), which @fastify/swagger documents as a JSON
 * body; `{ type: 'null' }` is what it documents as none.
 */
export function documentingNoContent(transform: Transform): Transform {
  return (document) => {
    const transformed = transform(document);
    const response = (transformed.schema as { response?: Record<string, unknown> } | undefined)
      ?.response;
    if (response && '204' in response)
      response['204'] = { type: 'null', description: 'No content' };
    return transformed;
  };
}
