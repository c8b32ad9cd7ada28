import { describe, expect, it } from 'vitest';
import { flowSchema } from './flow-schema.js';
import { migrateFlow } from './migrate-flow.js';

const node = { id: 't', type: 'trigger', typeVersion: 1, settings: {}, position: { x: 0, y: 0 } };

describe('migrateFlow', () => {
  it('brings a version-0 draft (no schemaVersion, edges with sourceHandle) to version 1', () => {
    const draft = {
      name: 'old draft',
      nodes: [node, { ...node, id: 'a', type: 'auto-message' }],
      edges: [{ id: 'e1', source: 't', sourceHandle: 'next', target: 'a' }],
    };

    const result = migrateFlow(draft);

    expect(result).toEqual({
      ok: true,
      fromVersion: 0,
      document: {
        schemaVersion: 1,
        name: 'old draft',
        nodes: draft.nodes,
        edges: [{ id: 'e1', source: 't', sourcePort: 'next', target: 'a' }],
      },
    });
    expect(result.ok && flowSchema.safeParse(result.document).success).toBe(true);
  });

  it('keeps sourcePort when a version-0 edge already has one, and does not touch its input', () => {
    const draft = {
      name: 'mixed',
      nodes: [node],
      edges: [{ id: 'e1', source: 't', sourcePort: 'next', sourceHandle: 'stale', target: 't' }],
    };

    const result = migrateFlow(draft);

    expect(result.ok && result.document).toMatchObject({
      edges: [{ id: 'e1', source: 't', sourcePort: 'next', target: 't' }],
    });
    expect(draft.edges[0]).toHaveProperty('sourceHandle', 'stale');
  });

  it('leaves a current document as it is', () => {
    const current = { schemaVersion: 1, name: 'now', nodes: [node], edges: [] };

    expect(migrateFlow(current)).toEqual({ ok: true, fromVersion: 1, document: current });
  });

  it('refuses documents newer than the engine', () => {
    expect(migrateFlow({ schemaVersion: 2, name: 'future', nodes: [], edges: [] })).toEqual({
      ok: false,
      message: 'schemaVersion 2 is newer than this engine (1); upgrade attendflow',
      params: { version: 2, current: 1 },
    });
  });

  it.each([null, [], 'flow', 42, undefined])('refuses %j: not an object', (raw) => {
    expect(migrateFlow(raw)).toEqual({
      ok: false,
      message: 'a flow document must be a JSON object',
    });
  });

  it.each([-1, 1.5, '1'])('refuses schemaVersion %j', (schemaVersion) => {
    expect(migrateFlow({ schemaVersion, nodes: [], edges: [] })).toEqual({
      ok: false,
      message: 'schemaVersion must be a non-negative integer',
    });
  });

  it('refuses when a migration step is missing', () => {
    expect(migrateFlow({ name: 'x', nodes: [], edges: [] }, [])).toEqual({
      ok: false,
      message: 'no migration from schemaVersion 0',
    });
  });
});
