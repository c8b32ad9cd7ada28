import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import ts from 'typescript';
import { buildApp } from '../app.js';
import { createCore } from '../core.js';
import { openDatabase } from '../db/database.js';
import { engineComponents } from './schema-registry.js';

/**
 * Where the designer reads the API's types from: generated from this server's OpenAPI document
 * (the routes' zod schemas), so they are never written twice. `pnpm --filter @attendflow/server
 * api-types` writes it; a test fails when it is stale.
 */
export const apiTypesFile = fileURLToPath(
  new URL('../../../designer/src/api/server-api.generated.ts', import.meta.url),
);

/** The server's OpenAPI document, as `/docs/json` serves it (an app on an empty database). */
export async function openApiDocument(): Promise<OpenAPI3> {
  const database = await openDatabase({ memory: true });
  try {
    const app = await buildApp({ core: createCore({ database, secretKey: randomBytes(32) }) });
    await app.ready();
    const document = app.swagger() as OpenAPI3;
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}

/** The components that are engine schemas (`schema-registry.ts`), by the engine's type for each. */
const engineTypes: Record<string, string> = Object.fromEntries(
  engineComponents.flatMap(({ id, type, inputType }) => [
    [id, type],
    [`${id}Input`, inputType],
  ]),
);

/**
 * The TypeScript of the REST API's paths (those under `/api`: the pages, `/health` and `/metrics`
 * are not the designer's to call), their parameters, bodies and answers.
 */
export async function renderApiTypes(document: OpenAPI3): Promise<string> {
  const paths = Object.fromEntries(
    Object.entries(document.paths ?? {}).filter(([path]) => path.startsWith('/api/')),
  );
  const ast = await openapiTS(
    { ...document, paths },
    {
      alphabetize: true,
      // The components that are the engine's schemas are the engine's types (and the recursive
      // JSON value could not be a type alias: it cannot recurse through the components' index).
      transform: (_schema, { path }) => {
        const engineType = path && engineTypes[path.replace('#/components/schemas/', '')];
        return engineType ? ts.factory.createTypeReferenceNode(engineType) : undefined;
      },
    },
  );
  return [
    "// Generated from the server's OpenAPI document by `pnpm --filter @attendflow/server api-types`",
    "// (packages/server/src/openapi/api-types.ts). Do not edit: change the route's zod schema.",
    `import type { ${[...new Set(Object.values(engineTypes))].sort().join(', ')} } from '@attendflow/engine';`,
    '',
    astToString(ast),
  ].join('\n');
}

/** The file's text as the repository keeps it: the rendered types, formatted by its prettier. */
export async function apiTypesText(document: OpenAPI3): Promise<string> {
  const text = await renderApiTypes(document);
  const options = (await resolveConfig(apiTypesFile)) ?? {};
  return format(text, { ...options, filepath: apiTypesFile });
}
