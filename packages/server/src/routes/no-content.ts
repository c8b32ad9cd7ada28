import { z } from 'zod';

/**
 * The answer of a call that answers nothing (204: revoked, deleted); the OpenAPI transform
 * (`openapi/schema-registry.ts`) documents it as no content.
 */
export const noContent = z.null().describe('No content');
