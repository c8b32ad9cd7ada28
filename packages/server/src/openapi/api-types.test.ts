import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, apiTypesText, openApiDocument, renderApiTypes } from './api-types.js';

describe("the designer's API types", () => {
  it('are those of the OpenAPI document as it is (run `pnpm --filter @attendflow/server api-types`)', async () => {
    expect(readFileSync(apiTypesFile, 'utf8')).toBe(await apiTypesText());
  }, 60_000);

  it("follow the routes' schemas: a conversation's status, the event log's effects", async () => {
    const text = await renderApiTypes(await openApiDocument());
    expect(text).toContain("import type { Flow, FlowInput, Json } from '@attendflow/engine';");
    expect(text).toMatch(/draft: components\["schemas"\]\["Flow"\];/);
    expect(text).toMatch(
      /status: "waiting" \| "in-attendance" \| "awaiting-evaluation" \| "closed"/,
    );
    expect(text).toMatch(/effects: unknown\[\];/);
  }, 60_000);
});
