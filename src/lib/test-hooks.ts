/**
 * What the browser tests and benchmarks read from the page: the terminal's
 * text (whole lines, as a learner sees them) and a way to wait until the
 * worker has handled all input. Reading xterm's buffer is exact where
 * scraping its DOM rows is not (the DOM renderer draws only the viewport).
 */
import type { IMarker, Terminal } from '@xterm/xterm';
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
  /** The terminal's size in cells. */
  size(): { cols: number; rows: number };
  /** Marks the cursor's line (an xterm marker, which follows it as the scrollback is trimmed); returns its id for `since`. */
  mark(): number;
  /**
   * The text from the marked line to the cursor: logical lines (a row xterm wrapped is joined to the row
   * before it, as the output was written), right-trimmed, and the last line up to the cursor column.
   * Undefined when the marked line has left the scrollback.
   */
  since(id: number): string[] | undefined;
  /** Draws the terminal in another font family list and size, with the line height they need (the underscore test). */
  setFont(family: string, size?: number): void;
}

/** Installs the hooks for `term`; `pane` supplies what only the terminal's component can do. */
export function exposeTestHooks(term: Terminal, lab: LabClient, pane: Pick<TestHooks, 'setFont'>): void {
  let parsedAt = 0;
  const markers: IMarker[] = [];
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
    size: () => ({ cols: term.cols, rows: term.rows }),
    mark() {
      const marker = term.registerMarker(0);
      markers.push(marker);
      return markers.length - 1;
    },
    since(id) {
      const marker = markers[id];
      if (marker === undefined || marker.isDisposed || marker.line < 0) return undefined;
      const b = term.buffer.active;
      const end = b.baseY + b.cursorY;
      const out: string[] = [];
      for (let y = marker.line; y <= end; y++) {
        const row = b.getLine(y);
        // A full row that wraps on keeps its trailing spaces: they are text, not padding.
        const text = (y === end ? row?.translateToString(false, 0, b.cursorX) : row?.translateToString(false)) ?? '';
        if (row?.isWrapped && out.length > 0) out[out.length - 1] += text;
        else out.push(text);
      }
      return out.map((line) => line.trimEnd());
    },
    setFont: pane.setFont,
  };
  (globalThis as { __layerlab?: TestHooks }).__layerlab = hooks;
}
