/**
 * vim's undo for the editor: each change (an insert from `i` to Escape, an
 * `x`, a `dd`, a put) is one step, undone by `u` and redone by Ctrl-R, and
 * reported as vim's u_undo_end() does: `1 line less; before #1  0 seconds ago`.
 * Returning to the written state clears the modified flag, as vim does.
 */

/** What undo needs of the editor. */
export interface Undoable {
  lines: string[];
  row: number;
  col: number;
  modified: boolean;
  message: string;
  clamp(): void;
}

interface Change {
  before: string[];
  row: number;
  col: number;
  time: number;
  after?: string[];
  afterRow?: number;
}

/** A linear undo history (vim keeps a tree; branches are not reachable here). */
export class UndoTree {
  #changes: Change[] = [];
  #pos = 0;
  #saved = 0;
  #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Starts a change: remembers the buffer as it is before it. */
  record(lines: readonly string[], row: number, col: number): void {
    this.#changes.length = this.#pos;
    if (this.#saved > this.#pos) this.#saved = -1;
    this.#changes.push({ before: [...lines], row, col, time: this.#now() });
    this.#pos++;
  }

  /** Ends an insert: an insert that changed nothing is no change. */
  close(lines: readonly string[]): boolean {
    const last = this.#changes[this.#pos - 1];
    if (last === undefined || !same(last.before, lines)) return true;
    this.#changes.pop();
    this.#pos--;
    return false;
  }

  /** The buffer was written: this is the unmodified state. */
  saved(): void {
    this.#saved = this.#pos;
  }

  /** Whether the buffer differs from what was last written (or read). */
  get modified(): boolean {
    return this.#pos !== this.#saved;
  }

  /** `u`. */
  undo(ed: Undoable): void {
    if (this.#pos === 0) return void (ed.message = 'Already at oldest change');
    const change = this.#changes[--this.#pos]!;
    change.after = [...ed.lines];
    change.afterRow = ed.row;
    this.#apply(ed, change.before, change.row, change.col);
    ed.message = `${counted(change.after.length - change.before.length)}; before #${this.#pos + 1}  ${this.#ago(change.time)}`;
  }

  /** Ctrl-R. */
  redo(ed: Undoable): void {
    const change = this.#changes[this.#pos];
    if (change?.after === undefined) return void (ed.message = 'Already at newest change');
    this.#pos++;
    this.#apply(ed, change.after, change.afterRow ?? change.row, 0);
    ed.message = `${counted(change.before.length - change.after.length)}; after #${this.#pos}  ${this.#ago(change.time)}`;
  }

  #apply(ed: Undoable, lines: string[], row: number, col: number): void {
    ed.lines = [...lines];
    ed.row = row;
    ed.col = col;
    ed.modified = this.modified;
    ed.clamp();
  }

  /** vim's u_add_time(): seconds for recent changes, else the clock time. */
  #ago(time: number): string {
    const seconds = Math.floor((this.#now() - time) / 1000);
    if (seconds >= 100) return new Date(time).toISOString().slice(11, 19);
    return `${seconds} ${seconds === 1 ? 'second' : 'seconds'} ago`;
  }
}

/** u_undo_end()'s count: lines the undo removed (`line less`) or brought back (`more line`). */
function counted(removed: number): string {
  if (removed === 1) return '1 line less';
  if (removed > 1) return `${removed} fewer lines`;
  if (removed === -1) return '1 more line';
  if (removed < -1) return `${-removed} more lines`;
  return '1 change';
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
