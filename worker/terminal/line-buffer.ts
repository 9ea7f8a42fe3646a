/**
 * The text of the line being edited and the cursor in it, with the editing
 * commands of GNU readline's emacs mode that bash binds by default
 * (readline(3), "Commands for Changing Text" and "Killing and Yanking").
 * Pure: no terminal, no rendering; the line editor draws the result.
 */

/** A line and a cursor (an index into `text`, 0..text.length). */
export interface LineState {
  readonly text: string;
  readonly cursor: number;
}

/** The empty line. */
export const EMPTY_LINE: LineState = { text: '', cursor: 0 };

/** `self-insert`: inserts `s` at the cursor. */
export function insert(l: LineState, s: string): LineState {
  return { text: l.text.slice(0, l.cursor) + s + l.text.slice(l.cursor), cursor: l.cursor + s.length };
}

/** `backward-delete-char` (Backspace). */
export function backspace(l: LineState): LineState {
  if (l.cursor === 0) return l;
  return { text: l.text.slice(0, l.cursor - 1) + l.text.slice(l.cursor), cursor: l.cursor - 1 };
}

/** `delete-char` (Delete, Ctrl-D on a non-empty line). */
export function deleteChar(l: LineState): LineState {
  if (l.cursor >= l.text.length) return l;
  return { text: l.text.slice(0, l.cursor) + l.text.slice(l.cursor + 1), cursor: l.cursor };
}

/** Moves the cursor to `to`, clamped to the line. */
export function moveTo(l: LineState, to: number): LineState {
  return { text: l.text, cursor: Math.max(0, Math.min(l.text.length, to)) };
}

/** What a kill command removed and the line after it. */
export interface Killed {
  line: LineState;
  killed: string;
}

/** `kill-line` (Ctrl-K): from the cursor to the end. */
export function killToEnd(l: LineState): Killed {
  return { line: { text: l.text.slice(0, l.cursor), cursor: l.cursor }, killed: l.text.slice(l.cursor) };
}

/** `unix-line-discard` (Ctrl-U): from the start to the cursor. */
export function killToStart(l: LineState): Killed {
  return { line: { text: l.text.slice(l.cursor), cursor: 0 }, killed: l.text.slice(0, l.cursor) };
}

/** `unix-word-rubout` (Ctrl-W): the whitespace-delimited word before the cursor. */
export function killWordBack(l: LineState): Killed {
  let i = l.cursor;
  while (i > 0 && /\s/.test(l.text[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(l.text[i - 1]!)) i--;
  return { line: { text: l.text.slice(0, i) + l.text.slice(l.cursor), cursor: i }, killed: l.text.slice(i, l.cursor) };
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** `backward-word` (Meta-B, Ctrl-Left): to the start of this or the previous word of letters and digits. */
export function wordLeft(l: LineState): LineState {
  let i = l.cursor;
  while (i > 0 && !isWordChar(l.text[i - 1])) i--;
  while (i > 0 && isWordChar(l.text[i - 1])) i--;
  return moveTo(l, i);
}

/** `forward-word` (Meta-F, Ctrl-Right): to the end of this or the next word. */
export function wordRight(l: LineState): LineState {
  let i = l.cursor;
  while (i < l.text.length && !isWordChar(l.text[i])) i++;
  while (i < l.text.length && isWordChar(l.text[i])) i++;
  return moveTo(l, i);
}

/** Replaces `text[start..cursor)` with `s`, leaving the cursor after it (completion). */
export function replaceBeforeCursor(l: LineState, start: number, s: string): LineState {
  return { text: l.text.slice(0, start) + s + l.text.slice(l.cursor), cursor: start + s.length };
}
