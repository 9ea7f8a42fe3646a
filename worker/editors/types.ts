/**
 * The contract of the full-screen editors (vi, nano): pure state machines
 * with no DOM and no filesystem. They take the terminal's raw input and
 * answer with the ANSI text that updates the screen; saving is reported to
 * the caller, which writes the file (program.ts).
 */

/** What an editor is opened on. */
export interface EditorOptions {
  /** The file name as typed (`Dockerfile`), shown in messages and the title bar. */
  path: string;
  /** The file's text; undefined for a file that does not exist yet. */
  text?: string;
  cols: number;
  rows: number;
  /** Milliseconds since the epoch (vim's undo messages say how long ago a change was); Date.now by default. */
  now?: () => number;
}

/** The outcome of some input. */
export interface EditorStep {
  /** ANSI output that brings the terminal up to date. */
  screen: string;
  /** Text to write to the file now (`:w`, `^O`). */
  save?: string;
  /** Where to write it: the file name as typed, relative to the working directory (nano may be given a new one). */
  savePath?: string;
  /** The editor has exited; `screen` then leaves the alternate screen. */
  done?: boolean;
}

/** A running editor. */
export interface Editor {
  /** Switches to the alternate screen and draws the first screen. */
  open(): string;
  /** Takes raw terminal input (one key or several). */
  key(data: string): EditorStep;
  /** The buffer as it would be written. */
  readonly text: string;
  /** The screen's rows as plain text (no attributes), for tests and debugging. */
  view(): string[];
  /**
   * The last save could not be written (`reason`: the system error, as
   * `No such file or directory`): the editor stays open, says so and keeps
   * the buffer modified. Returns the redrawn screen.
   */
  saveFailed(reason: string): string;
  /** The terminal changed size (SIGWINCH): returns the redrawn screen. */
  resize(cols: number, rows: number): string;
}

/** xterm's alternate screen (DECSET 1049): saves the cursor, switches and clears; `l` comes back to the shell's screen. */
export const ALT_SCREEN_ON = '\x1b[?1049h';
/** Leaves the alternate screen and restores the cursor. */
export const ALT_SCREEN_OFF = '\x1b[?1049l';

/** Cursor to a 0-based row and column. */
export function moveTo(row: number, col: number): string {
  return `\x1b[${row + 1};${col + 1}H`;
}

/**
 * A full redraw from plain rows with optional attributes: every row is
 * written and cleared to its end, then the cursor is placed. Simple and
 * flicker-free enough at terminal sizes.
 */
export function paint(rows: readonly string[], cursor: { row: number; col: number }): string {
  let out = '\x1b[?25l';
  rows.forEach((row, i) => (out += `${moveTo(i, 0)}${row}\x1b[0m\x1b[K`));
  return `${out}${moveTo(cursor.row, cursor.col)}\x1b[?25h`;
}

/** Removes escape sequences: a painted row as the learner reads it. */
export function plain(row: string): string {
  return row.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}
