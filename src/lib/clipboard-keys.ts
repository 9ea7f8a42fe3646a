/**
 * Copy and paste keys as the terminals learners know map them: on Linux and
 * Windows, Ctrl+Shift+C / Ctrl+Shift+V (GNOME Terminal, Konsole, Windows
 * Terminal), Ctrl+V pastes and Ctrl+C copies when text is selected
 * (Windows Terminal), otherwise Ctrl+C stays the interrupt; on macOS, Cmd+C /
 * Cmd+V (Terminal.app, iTerm2) and Ctrl+C always interrupts.
 */

/** The parts of a keyboard event the mapping reads. */
export interface KeyPress {
  type: string;
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * What a key press does:
 * - `copy`: the page copies the selection (and swallows the key);
 * - `paste`: the key is kept from the terminal so that the browser's own
 *   paste event fires (it needs no clipboard permission) and xterm pastes it;
 * - `swallow`: neither the terminal nor the browser acts (Ctrl+Shift+C with
 *   nothing selected would open the browser's element inspector);
 * - `undefined`: the terminal handles the key as usual.
 */
export type ClipboardAction = 'copy' | 'paste' | 'swallow' | undefined;

/**
 * Maps a key press; `mac` selects the macOS keys, `selected` says whether
 * text is selected, `fullScreen` whether a full-screen program (nano, vi:
 * the alternate screen) owns the terminal: plain Ctrl+V is then the
 * program's (nano's Next Page, vim's block selection) and Ctrl+Shift+V pastes.
 */
export function clipboardAction(e: KeyPress, mac: boolean, selected: boolean, fullScreen = false): ClipboardAction {
  const key = e.key.toLowerCase();
  if (e.altKey || (key !== 'c' && key !== 'v')) return undefined;
  const shortcut = mac ? e.metaKey && !e.ctrlKey && !e.shiftKey : e.ctrlKey && !e.metaKey;
  if (!shortcut) return undefined;
  if (!mac && fullScreen && key === 'v' && !e.shiftKey) return undefined;
  // Every event of a paste key is kept from the terminal (keydown, keypress, keyup), none is cancelled.
  if (key === 'v') return 'paste';
  // Copying happens on keydown; xterm sends nothing for a keyup.
  if (e.type !== 'keydown') return undefined;
  if (selected) return 'copy';
  return mac || e.shiftKey ? 'swallow' : undefined;
}

/** Whether this browser runs on macOS (or iOS), where Cmd is the clipboard modifier. */
export function isMac(platform = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /Mac|iPhone|iPad|iPod/.test(platform);
}
