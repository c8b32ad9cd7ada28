import type { MessageKey } from '../i18n/messages-en';

/** A designer command bound to keys. */
export type ShortcutCommand =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'selectAll'
  | 'search'
  | 'layout'
  | 'fit'
  | 'note'
  | 'help'
  | 'escape';

/** One binding: `Mod` is Ctrl (Cmd on macOS). */
export interface Shortcut {
  command: ShortcutCommand;
  keys: readonly string[];
  label: MessageKey;
}

/** Every shortcut of the canvas; the help panel lists this table, so they cannot drift apart. */
export const shortcuts: readonly Shortcut[] = [
  { command: 'undo', keys: ['Mod+Z'], label: 'shortcut.undo' },
  { command: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], label: 'shortcut.redo' },
  { command: 'copy', keys: ['Mod+C'], label: 'shortcut.copy' },
  { command: 'cut', keys: ['Mod+X'], label: 'shortcut.cut' },
  { command: 'paste', keys: ['Mod+V'], label: 'shortcut.paste' },
  { command: 'duplicate', keys: ['Mod+D'], label: 'shortcut.duplicate' },
  { command: 'delete', keys: ['Delete', 'Backspace'], label: 'shortcut.delete' },
  { command: 'selectAll', keys: ['Mod+A'], label: 'shortcut.selectAll' },
  { command: 'search', keys: ['Mod+F', '/'], label: 'shortcut.search' },
  { command: 'layout', keys: ['Shift+Alt+L'], label: 'shortcut.layout' },
  { command: 'fit', keys: ['Shift+1'], label: 'shortcut.fit' },
  { command: 'note', keys: ['N'], label: 'shortcut.note' },
  { command: 'help', keys: ['?'], label: 'shortcut.help' },
  { command: 'escape', keys: ['Escape'], label: 'shortcut.escape' },
];

/** The parts of a keyboard event a shortcut looks at. */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command bound to a key press, if any. */
export function matchShortcut(press: KeyPress): ShortcutCommand | null {
  for (const shortcut of shortcuts) {
    if (shortcut.keys.some((combo) => matches(combo, press))) return shortcut.command;
  }
  return null;
}

function matches(combo: string, press: KeyPress): boolean {
  const parts = combo.split('+');
  const key = parts.pop() ?? '';
  const wants = new Set(parts);
  const mod = press.ctrlKey || press.metaKey;
  if (wants.has('Mod') !== mod) return false;
  if (wants.has('Alt') !== press.altKey) return false;
  // "?" and "/" are typed with or without Shift depending on the layout: ignore Shift for symbols.
  const isLetterOrDigit = /^[A-Za-z0-9]$/.test(key);
  if ((isLetterOrDigit || key.length > 1) && wants.has('Shift') !== press.shiftKey) return false;
  if (isLetterOrDigit) {
    // Layout-proof: Shift+1 types "!", Alt+L types "¬"; the physical key still says which.
    const code = press.code ?? '';
    return (
      press.key.toLowerCase() === key.toLowerCase() ||
      code === `Key${key}` ||
      code === `Digit${key}`
    );
  }
  return press.key === key;
}
