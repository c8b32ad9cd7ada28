import { describe, expect, it } from 'vitest';
import { FLOW_JSON_SCHEMA_ID, flowJsonSchema } from './flow-json-schema.js';

type Schema = Record<string, unknown> & {
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
};

describe('flowJsonSchema', () => {
  const schema = flowJsonSchema() as Schema;

  it('is a draft 2020-12 object schema with an $id and a title', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: FLOW_JSON_SCHEMA_ID,
      title: 'attendflow flow document',
      type: 'object',
    });
  });

  it('has nodes and edges as arrays, required, and variables and notes optional (they default)', () => {
    expect(schema.properties?.['nodes']?.['type']).toBe('array');
    expect(schema.properties?.['edges']?.['type']).toBe('array');
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'name', 'nodes', 'edges']),
    );
    expect(schema.required).not.toContain('variables');
    expect(schema.required).not.toContain('notes');
  });

  it('pins schemaVersion to the current version, 1', () => {
    expect(schema.properties?.['schemaVersion']).toMatchObject({ const: 1 });
  });

  it('describes a node and an edge with the fields the designer writes', () => {
    const nodeSchema = schema.properties?.['nodes']?.items;
    const edgeSchema = schema.properties?.['edges']?.items;

    expect(nodeSchema?.required).toEqual(['id', 'type', 'typeVersion', 'settings', 'position']);
    expect(edgeSchema?.required).toEqual(['id', 'source', 'sourcePort', 'target']);
    expect(edgeSchema?.properties?.['id']).toMatchObject({
      type: 'string',
      pattern: '^[A-Za-z0-9_-]{1,64}$',
    });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
