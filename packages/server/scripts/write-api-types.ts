/** Writes the designer's API types from the server's OpenAPI document (`src/openapi/api-types.ts`). */
import { writeFileSync } from 'node:fs';
import { apiTypesFile, apiTypesText } from '../src/openapi/api-types.js';

writeFileSync(apiTypesFile, await apiTypesText());
console.log(`wrote ${apiTypesFile}`);
