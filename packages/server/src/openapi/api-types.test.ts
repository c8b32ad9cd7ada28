import { readFileSync } from 'node:fs';
import type { OpenAPI3 } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiTypesFile, apiTypesText, openApiDocument, renderApiTypes } from './api-types.js';

describe("the designer's API types", () => {
  let document: OpenAPI3;

  beforeAll(async () => {
    document = await openApiDocument();
  }, 60_000);

  it('are those of the OpenAPI document as it is (run `pnpm --filter @attendflow/server api-types`)', async () => {
    expect(readFileSync(apiTypesFile, 'utf8')).toBe(await apiTypesText(document));
  });

  it("follow the routes' schemas: a conversation's status, the event log's effects", async () => {
    const text = await renderApiTypes(document);
    expect(text).toContain("import type { Flow, FlowInput, Json } from '@attendflow/engine';");
    expect(text).toMatch(/draft: components\["schemas"\]\["Flow"\];/);
    expect(text).toMatch(
      /status: "waiting" \| "in-attendance" \| "awaiting-evaluation" \| "closed"/,
    );
    expect(text).toMatch(/effects: unknown\[\];/);
  });
});
