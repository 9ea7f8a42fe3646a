/**
 * Command history as bash keeps it for an interactive shell started from
 * Debian's default ~/.bashrc: `HISTCONTROL=ignoreboth` (lines starting with
 * a space and repeats of the previous line are not saved), `HISTSIZE=1000`,
 * and the list written to `~/.bash_history` (HISTFILE) so it survives a new
 * session. Where the file lives is the caller's business ({@link HistoryFile}).
 */

/** Debian's ~/.bashrc: HISTSIZE=1000. */
export const HISTSIZE = 1000;

/** Where the history is read from and written to (the learner's ~/.bash_history). */
export interface HistoryFile {
  read(): Promise<string>;
  write(text: string): Promise<void>;
}

/** The list of entered lines and the up/down navigation over it. */
export class History {
  #entries: string[] = [];
  #file: HistoryFile | undefined;
  #loaded: Promise<void> = Promise.resolve();

  constructor(file?: HistoryFile) {
    this.#file = file;
    if (file) void this.reload();
  }

  /** Settles once the file has been read. */
  get loaded(): Promise<void> {
    return this.#loaded;
  }

  /** Reads the list from the history file again (a new session, a reset or imported lab). */
  reload(): Promise<void> {
    const file = this.#file;
    if (!file) return this.#loaded;
    this.#loaded = file.read().then(
      (text) => {
        this.#entries = text
          .split('\n')
          .filter((l) => l !== '')
          .slice(-HISTSIZE);
      },
      () => {
        this.#entries = [];
      },
    );
    return this.#loaded;
  }

  /** The saved lines, oldest first. */
  get entries(): readonly string[] {
    return this.#entries;
  }

  /** Adds an entered line unless HISTCONTROL=ignoreboth drops it; persists the list. Resolves to whether it was added. */
  async add(line: string): Promise<boolean> {
    await this.#loaded;
    if (line.trim() === '' || line.startsWith(' ') || line === this.#entries.at(-1)) return false;
    this.#entries.push(line);
    if (this.#entries.length > HISTSIZE) this.#entries.splice(0, this.#entries.length - HISTSIZE);
    await this.save();
    return true;
  }

  /**
   * Replaces the newest entry: the next line of a command typed over
   * several lines joins its entry (bash's cmdhist). In ~/.bash_history an
   * entry with newlines (a here-document) becomes several lines, which a
   * new session reads back as several entries, as bash does without
   * HISTTIMEFORMAT.
   */
  async replaceLast(entry: string): Promise<void> {
    if (this.#entries.length === 0) return;
    this.#entries[this.#entries.length - 1] = entry;
    await this.save();
  }

  /** `history -c`. */
  async clear(): Promise<void> {
    this.#entries = [];
    await this.save();
  }

  /** Writes the list to the history file. */
  async save(): Promise<void> {
    const text = this.#entries.map((l) => `${l}\n`).join('');
    await this.#file?.write(text);
  }

  /**
   * What bash's `history [n]` prints: the last n entries (all without n),
   * each as `%5d  %s` with its 1-based number.
   */
  list(n?: number): string {
    const count = n === undefined ? this.#entries.length : Math.min(n, this.#entries.length);
    const start = this.#entries.length - count;
    return this.#entries
      .slice(start)
      .map((line, i) => `${String(start + i + 1).padStart(5)}  ${line}\n`)
      .join('');
  }
}

/**
 * A walk through the history while one line is edited. Index `entries.length`
 * is the line being typed, kept aside while older lines are shown (readline's
 * "current line" saved on `previous-history`).
 */
export class HistoryCursor {
  #history: History;
  #index: number;
  #draft = '';

  constructor(history: History) {
    this.#history = history;
    this.#index = history.entries.length;
  }

  /** The line one older than the shown one, or undefined at the oldest. */
  previous(current: string): string | undefined {
    const entries = this.#history.entries;
    if (this.#index > entries.length) this.#index = entries.length;
    if (this.#index === 0) return undefined;
    if (this.#index === entries.length) this.#draft = current;
    this.#index--;
    return entries[this.#index];
  }

  /** The line one newer, the typed draft at the bottom, or undefined there. */
  next(): string | undefined {
    const entries = this.#history.entries;
    if (this.#index >= entries.length) return undefined;
    this.#index++;
    return this.#index === entries.length ? this.#draft : entries[this.#index];
  }
}
