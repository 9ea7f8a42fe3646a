/**
 * What the browser tests and benchmarks read from the page: the terminal's
 * text (whole lines, as a learner sees them) and a way to wait until the
 * worker has handled all input. Reading xterm's buffer is exact where
 * scraping its DOM rows is not (the DOM renderer draws only the viewport).
 */
import type { Terminal } from '@xterm/xterm';
import type { LabClient } from './lab-client.ts';

/** The hooks on `window.__layerlab`. */
export interface TestHooks {
  /** Every line of the buffer, scrollback included, right-trimmed, trailing empty lines dropped. */
  lines(): string[];
  /** The cursor's row in `lines()` and column. */
  cursor(): { row: number; col: number };
  /** Resolves when typed input has been handled and no command runs. */
  settled(): Promise<void>;
  /** `performance.now()` when xterm last finished parsing output (echo latency in bench/page-load.ts). */
  lastParsedAt(): number;
  /** Draws the terminal in another font family list and size, with the line height they need (the underscore test). */
  setFont(family: string, size?: number): void;
  /** The terminal's size in cells. */
  size(): { cols: number; rows: number };
}

/** Installs the hooks for `term`; `pane` supplies what only the terminal's component can do. */
export function exposeTestHooks(term: Terminal, lab: LabClient, pane: Pick<TestHooks, 'setFont'>): void {
  let parsedAt = 0;
  term.onWriteParsed(() => (parsedAt = performance.now()));
  const hooks: TestHooks = {
    lastParsedAt: () => parsedAt,
    lines() {
      const b = term.buffer.active;
      const out: string[] = [];
      for (let y = 0; y < b.length; y++) out.push((b.getLine(y)?.translateToString(true) ?? '').trimEnd());
      while (out.length > 0 && out.at(-1) === '') out.pop();
      return out;
    },
    cursor() {
      const b = term.buffer.active;
      return { row: b.baseY + b.cursorY, col: b.cursorX };
    },
    settled: () => lab.settled(),
    setFont: pane.setFont,
    size: () => ({ cols: term.cols, rows: term.rows }),
  };
  (globalThis as { __layerlab?: TestHooks }).__layerlab = hooks;
}
