/**
 * A structural terminal for the editor tests: records every write, so a test
 * compares the exact bytes a real terminal would receive.
 */
import type { TerminalOutput } from '../../worker/terminal/line-editor.ts';

/** Collects writes; `take()` returns and forgets them. */
export class FakeTerminal implements TerminalOutput {
  cols: number;
  #out = '';

  constructor(cols = 80) {
    this.cols = cols;
  }

  write(data: string): void {
    this.#out += data;
  }

  /** Everything written since the last take. */
  take(): string {
    const out = this.#out;
    this.#out = '';
    return out;
  }
}
