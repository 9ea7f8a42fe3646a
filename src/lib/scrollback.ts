/**
 * Keeps the last screen of the terminal across reloads (issue 3: "the
 * scrollback of the last session, at least its last screen"). What is kept
 * is the text of the rows above the prompt the learner is typing at, read
 * from xterm's buffer; it is written back as plain text before the new
 * session's prompt. Colors are not kept: the text is what a learner rereads.
 */

/** The part of xterm's buffer API read here (IBuffer). */
export interface BufferLike {
  readonly cursorY: number;
  readonly baseY: number;
  getLine(y: number): { translateToString(trimRight?: boolean): string } | undefined;
}

/** Storage for the saved text (localStorage in the page). */
export interface TextStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'layerlab:scrollback';

/** The last `rows` lines above the cursor's row, trailing blanks trimmed. */
export function lastScreen(buffer: BufferLike, rows: number): string[] {
  const cursor = buffer.baseY + buffer.cursorY;
  const lines: string[] = [];
  for (let y = Math.max(0, cursor - rows); y < cursor; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines;
}

/** Saves the last screen. */
export function saveScrollback(storage: TextStorage, buffer: BufferLike, rows: number): void {
  try {
    storage.setItem(KEY, JSON.stringify(lastScreen(buffer, rows)));
  } catch {
    // Storage full or refused: the lab still works, only this convenience is lost.
  }
}

/** What to write to a new terminal to show the saved screen again ('' when nothing was saved). */
export function restoredText(storage: TextStorage): string {
  try {
    const lines = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(lines) || lines.length === 0) return '';
    return lines.map((l) => `${String(l)}\r\n`).join('');
  } catch {
    return '';
  }
}

/** Forgets the saved screen (Reset lab, Import lab). */
export function clearScrollback(storage: TextStorage): void {
  storage.removeItem(KEY);
}
