import { describe, expect, it } from 'vitest';
import { commit, createHistory, redo, undo } from './history';

describe('history', () => {
  it('undoes and redoes commits in order', () => {
    let h = createHistory(1);
    h = commit(h, 2);
    h = commit(h, 3);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe(3);
    expect(redo(h)).toBe(h);
  });

  it('merges commits with the same key into one step', () => {
    let h = createHistory('a');
    h = commit(h, 'ab', 'typing');
    h = commit(h, 'abc', 'typing');
    h = commit(h, 'abcd', 'other');
    expect(h.past).toEqual(['a', 'abc']);
    expect(undo(undo(h)).present).toBe('a');
  });

  it('drops the redo branch on a new commit', () => {
    const h = commit(undo(commit(createHistory(0), 1)), 5);
    expect(h.future).toEqual([]);
    expect(h.present).toBe(5);
  });
});
