import { describe, expect, it } from 'vitest';
import { matchShortcut, type KeyPress } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it('maps keys to commands with Ctrl or Cmd as Mod', () => {
    expect(matchShortcut(press('z', { ctrlKey: true }))).toBe('undo');
    expect(matchShortcut(press('z', { metaKey: true }))).toBe('undo');
    expect(matchShortcut(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(matchShortcut(press('y', { ctrlKey: true }))).toBe('redo');
    expect(matchShortcut(press('d', { ctrlKey: true }))).toBe('duplicate');
    expect(matchShortcut(press('Delete'))).toBe('delete');
    expect(matchShortcut(press('?', { shiftKey: true }))).toBe('help');
    expect(matchShortcut(press('!', { shiftKey: true, code: 'Digit1' }))).toBe('fit');
    expect(matchShortcut(press('¬', { shiftKey: true, altKey: true, code: 'KeyL' }))).toBe(
      'layout',
    );
  });

  it('does not fire without the right modifiers', () => {
    expect(matchShortcut(press('z'))).toBeNull();
    expect(matchShortcut(press('c', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(matchShortcut(press('n', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press('n'))).toBe('note');
  });
});
