import type { Flow } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { layoutFlow } from './auto-layout';

const node = (id: string) => ({
  id,
  type: 'close',
  typeVersion: 1,
  settings: {},
  position: { x: 0, y: 0 },
});

describe('layoutFlow', () => {
  it('places each node right of the one before it, without overlaps', async () => {
    const flow: Flow = {
      schemaVersion: 1,
      name: 'f',
      nodes: [node('a'), node('b'), node('c'), node('d')],
      edges: [
        { id: 'ab', source: 'a', sourcePort: 'next', target: 'b' },
        { id: 'bc', source: 'b', sourcePort: 'x', target: 'c' },
        { id: 'bd', source: 'b', sourcePort: 'y', target: 'd' },
      ],
      variables: [],
      notes: [],
    };
    const at = await layoutFlow(flow);
    const x = (id: string) => at.get(id)?.x ?? Number.NaN;
    const y = (id: string) => at.get(id)?.y ?? Number.NaN;
    expect(x('b')).toBeGreaterThanOrEqual(x('a') + 240);
    expect(x('c')).toBeGreaterThanOrEqual(x('b') + 240);
    expect(x('c')).toBe(x('d'));
    expect(Math.abs(y('c') - y('d'))).toBeGreaterThanOrEqual(90);
  });
});
