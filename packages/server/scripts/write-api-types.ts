/** Writes the designer's API types from the server's OpenAPI document (`src/openapi/api-types.ts`). */
import { writeFileSync } from 'node:fs';
import { apiTypesFile, apiTypesText, openApiDocument } from '../src/openapi/api-types.js';

writeFileSync(apiTypesFile, await apiTypesText(await openApiDocument()));
console.log(`wrote ${apiTypesFile}`);
