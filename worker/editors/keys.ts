/**
 * Splits raw terminal input (xterm's `onData`) into editor keys. The editors
 * get the bytes as a program in raw mode reads them from a tty: VT sequences
 * for arrows (`ESC [ A`, or `ESC O A` in application cursor mode), `ESC [ 3 ~`
 * for Delete, `\r` for Enter, DEL (0x7f) for Backspace, control characters
 * for Ctrl-letters, and a bracketed paste as its text.
 */

/** A named key (`Up`, `Escape`, `C-x` for Ctrl-X) or one printable character. */
export type EditorKey = string;

const SEQUENCES: Record<string, EditorKey> = {
  '[A': 'Up',
  '[B': 'Down',
  '[C': 'Right',
  '[D': 'Left',
  OA: 'Up',
  OB: 'Down',
  OC: 'Right',
  OD: 'Left',
  '[H': 'Home',
  '[F': 'End',
  OH: 'Home',
  OF: 'End',
  '[1~': 'Home',
  '[4~': 'End',
  '[3~': 'Delete',
  '[5~': 'PageUp',
  '[6~': 'PageDown',
};

/** The keys in `data`; an unknown escape sequence becomes `Unknown`, a lone ESC `Escape`. */
export function editorKeys(data: string): EditorKey[] {
  const keys: EditorKey[] = [];
  let i = 0;
  while (i < data.length) {
    const c = data[i]!;
    if (c === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z])/.exec(data.slice(i));
      if (m === null) {
        keys.push('Escape');
        i++;
        continue;
      }
      i += m[0].length;
      // Bracketed paste markers carry no key; the pasted text between them is typed as is.
      if (m[1] === '[200~' || m[1] === '[201~') continue;
      keys.push(SEQUENCES[m[1]!] ?? 'Unknown');
      continue;
    }
    i++;
    if (c === '\r' || c === '\n') keys.push('Enter');
    else if (c === '\x7f' || c === '\b') keys.push('Backspace');
    else if (c === '\t') keys.push('Tab');
    else if (c < ' ') keys.push(`C-${String.fromCharCode(c.charCodeAt(0) + 96)}`);
    else keys.push(c);
  }
  return keys;
}

/** UTF-8 byte length of a text (vim and nano count bytes in their messages). */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Buffer lines of a file's text: a final newline ends the last line rather than starting an empty one. */
export function splitLines(text: string): string[] {
  if (text === '') return [''];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
