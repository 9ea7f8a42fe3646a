/**
 * Splits what a terminal sends (xterm's `onData`) into keys the line editor
 * understands. xterm sends VT sequences: CSI arrows (`ESC [ A`), SS3 arrows
 * in application cursor mode (`ESC O A`), `ESC [ H`/`ESC [ F` or `ESC [ 1 ~`
 * /`ESC [ 4 ~` for Home/End, `ESC [ 3 ~` for Delete, control characters for
 * Ctrl-letters, DEL (0x7f) for Backspace, and a pasted text either as is or
 * wrapped in bracketed-paste markers (`ESC [ 200 ~ … ESC [ 201 ~`).
 */

/** One key or a run of printable text. */
export type Key =
  /** Printable text; `echoed` when the page has already shown it (local echo, see Console.input). */
  | { kind: 'text'; text: string; echoed?: boolean }
  | { kind: 'paste'; text: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  | { kind: 'delete' }
  | { kind: 'tab' }
  | { kind: 'up' }
  | { kind: 'down' }
  | { kind: 'left' }
  | { kind: 'right' }
  | { kind: 'home' }
  | { kind: 'end' }
  | { kind: 'word-left' }
  | { kind: 'word-right' }
  /** Ctrl plus a letter, lower case (`'c'` for Ctrl-C). */
  | { kind: 'ctrl'; letter: string }
  /** A sequence the editor does not handle; ignored as readline ignores unbound keys. */
  | { kind: 'unknown'; seq: string };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

// CSI/SS3 final sequences → keys. `1;5C` is Ctrl-Right in xterm (modifier 5 = Ctrl).
const SEQUENCES: Record<string, Key> = {
  '[A': { kind: 'up' },
  '[B': { kind: 'down' },
  '[C': { kind: 'right' },
  '[D': { kind: 'left' },
  OA: { kind: 'up' },
  OB: { kind: 'down' },
  OC: { kind: 'right' },
  OD: { kind: 'left' },
  '[H': { kind: 'home' },
  '[F': { kind: 'end' },
  OH: { kind: 'home' },
  OF: { kind: 'end' },
  '[1~': { kind: 'home' },
  '[7~': { kind: 'home' },
  '[4~': { kind: 'end' },
  '[8~': { kind: 'end' },
  '[3~': { kind: 'delete' },
  '[1;5C': { kind: 'word-right' },
  '[1;5D': { kind: 'word-left' },
  '[1;3C': { kind: 'word-right' },
  '[1;3D': { kind: 'word-left' },
  f: { kind: 'word-right' },
  b: { kind: 'word-left' },
};

/** Parses one `onData` chunk into keys, in order. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = (): void => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    if (data.startsWith(PASTE_START, i)) {
      flush();
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const stop = end < 0 ? data.length : end;
      keys.push({ kind: 'paste', text: data.slice(i + PASTE_START.length, stop) });
      i = end < 0 ? data.length : end + PASTE_END.length;
      continue;
    }
    const ch = data[i]!;
    const code = ch.charCodeAt(0);
    if (ch === '\x1b') {
      flush();
      const seq = escapeSequence(data, i + 1);
      keys.push(SEQUENCES[seq] ?? { kind: 'unknown', seq });
      i += 1 + seq.length;
      continue;
    }
    if (code < 0x20 || code === 0x7f) {
      flush();
      keys.push(controlKey(code));
      i++;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  // Several lines in one chunk without bracketed paste: a paste too.
  if (keys.length > 1 && keys.some((k) => k.kind === 'enter') && keys.every((k) => k.kind === 'text' || k.kind === 'enter')) {
    return [{ kind: 'paste', text: data }];
  }
  return keys;
}

function controlKey(code: number): Key {
  switch (code) {
    case 0x0d:
    case 0x0a:
      return { kind: 'enter' };
    case 0x09:
      return { kind: 'tab' };
    case 0x7f:
    case 0x08:
      return { kind: 'backspace' };
    default:
      return code >= 1 && code <= 26 ? { kind: 'ctrl', letter: String.fromCharCode(0x60 + code) } : { kind: 'unknown', seq: String.fromCharCode(code) };
  }
}

/** The rest of an escape sequence after ESC: `[` params final, `O` final, or one char (Meta-key). */
function escapeSequence(data: string, start: number): string {
  const first = data[start];
  if (first === undefined) return '';
  if (first === 'O') return data.slice(start, start + 2);
  if (first !== '[') return first;
  let j = start + 1;
  // CSI parameter and intermediate bytes are 0x20-0x3f; the final byte is 0x40-0x7e.
  while (j < data.length && data.charCodeAt(j) >= 0x20 && data.charCodeAt(j) <= 0x3f) j++;
  return data.slice(start, Math.min(j + 1, data.length));
}
