import { describe, expect, it } from 'vitest';
import { applySelection } from './apply-selection';

describe('applySelection', () => {
  it('splits canvas ids into nodes and notes, adding and removing', () => {
    const current = { nodes: ['a'], notes: [], edges: ['e'] };
    const next = applySelection(
      current,
      new Map([
        ['a', false],
        ['b', true],
        ['note:n', true],
      ]),
      'node',
    );
    expect(next).toEqual({ nodes: ['b'], notes: ['n'], edges: ['e'] });
    expect(applySelection(next, new Map([['e', false]]), 'edge').edges).toEqual([]);
  });
});
