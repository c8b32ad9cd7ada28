import { useEffect, useRef } from 'react';
import { matchShortcut, type ShortcutCommand } from './shortcuts';
import type { CanvasCommands } from './use-canvas-commands';

/** Panels that are opened by shortcuts but live outside the canvas. */
export interface ShortcutPanels {
  openSearch: () => void;
  toggleHelp: () => void;
  closeAll: () => void;
}

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Binds the shortcut table to the commands while the designer is open. Copy, cut and paste go
 * through the browser's clipboard events (no permission prompt, works across tabs and flows).
 */
export function useKeyboardShortcuts(commands: CanvasCommands, panels: ShortcutPanels): void {
  const pendingPaste = useRef(false);
  useEffect(() => {
    const run: Partial<Record<ShortcutCommand, () => void>> = {
      undo: commands.undo,
      redo: commands.redo,
      duplicate: commands.duplicate,
      delete: commands.remove,
      selectAll: commands.selectAll,
      search: panels.openSearch,
      layout: () => void commands.layout(),
      fit: commands.fit,
      note: commands.addNote,
      help: panels.toggleHelp,
      escape: panels.closeAll,
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target)) return;
      const command = matchShortcut(event);
      if (command === 'copy' || command === 'cut') {
        // The clipboard event follows; keep a copy in memory in case it does not.
        commands.copy();
        return;
      }
      if (command === 'paste') {
        pendingPaste.current = true;
        // When the browser sends no paste event (no clipboard access), paste the last copy.
        setTimeout(() => {
          if (pendingPaste.current) commands.paste();
          pendingPaste.current = false;
        }, 0);
        return;
      }
      const action = command ? run[command] : undefined;
      if (!action) return;
      event.preventDefault();
      action();
    };
    const onCopy = (event: ClipboardEvent, isCut: boolean) => {
      if (isEditable(event.target)) return;
      const text = isCut ? commands.cut() : commands.copy();
      if (!text || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target)) return;
      pendingPaste.current = false;
      commands.paste(event.clipboardData?.getData('text/plain') ?? '');
      event.preventDefault();
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', onPaste);
    };
  }, [commands, panels]);
}
