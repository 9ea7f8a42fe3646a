/**
 * Progress of long operations (docker save -o, docker export -o, the files a
 * line wrote being stored, Export lab), for the page's status bar: a sign of
 * life that changes nothing a command prints.
 *
 * The lab service installs a sink around each line ({@link withProgress});
 * code deep inside a command reports through {@link meter} or
 * {@link tracked} without threading a callback through every layer between.
 * Lines run one at a time (under the state lock), so one ambient sink is
 * enough. With no sink (bin/layerlab, most tests) a meter does nothing.
 *
 * Reports begin once the line has run `delayMs` (a quick command never makes
 * the bar flicker), then come at most every `intervalMs` (about ten a second:
 * each is a message to the page). A meter speaks on a timer too, so an
 * operation that cannot count (one IndexedDB transaction) still shows, as an
 * indeterminate bar, while it waits; and once a line has spoken, each new
 * meter speaks as it starts, before any long synchronous step (hashing a
 * big file) can hold the worker. The bar keeps the last report until the
 * next one or the end of the line, which sends the one `undefined`.
 */

/** One report: `done` of `total` units (bytes, layers); `total` 0 when the amount is unknown. */
export interface ProgressReport {
  label: string;
  done: number;
  total: number;
}

/** Receives reports; `undefined` when the reported operation ended (done, failed or interrupted). */
export type ProgressSink = (report: ProgressReport | undefined) => void;

/** Pacing of reports. */
export interface ProgressPacing {
  /** How long an operation runs before its first report. */
  delayMs: number;
  /** The least time between two reports. */
  intervalMs: number;
}

/** The pacing the page uses. */
export const PAGE_PACING: ProgressPacing = { delayMs: 300, intervalMs: 100 };

interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(t: unknown): void;
}
const timers = globalThis as unknown as Timers;

/** The line being measured. */
interface Line {
  sink: ProgressSink;
  pacing: ProgressPacing;
  started: number;
  spoke: boolean;
  lastAt: number;
  /** Set when the line ended: a meter left running says nothing after the bar was cleared. */
  over: boolean;
}

let current: Line | undefined;

/** Runs `fn` with `sink` receiving the reports of the meters it starts, and their end. */
export async function withProgress<T>(sink: ProgressSink, fn: () => Promise<T>, pacing: ProgressPacing = PAGE_PACING): Promise<T> {
  const outer = current;
  const line: Line = { sink, pacing, started: Date.now(), spoke: false, lastAt: -Infinity, over: false };
  current = line;
  try {
    return await fn();
  } finally {
    current = outer;
    line.over = true;
    if (line.spoke) sink(undefined);
  }
}

/** Measures one operation. */
export interface ProgressMeter {
  /** `done` units are finished (of `total`, when the operation learns its size as it goes). */
  update(done: number, total?: number): void;
  /** The operation is over; call it whatever happened ({@link tracked} does). The line's end clears the bar. */
  end(): void;
}

const SILENT: ProgressMeter = { update: () => undefined, end: () => undefined };

/** Starts measuring an operation of `size` units (0: unknown) under the current line's sink. */
export function meter(label: string, size = 0): ProgressMeter {
  const line = current;
  if (line === undefined) return SILENT;
  const { delayMs, intervalMs } = line.pacing;
  let done = 0;
  let total = size;
  let said: number | undefined;
  let over = false;
  const speak = (): void => {
    if (line.over) return;
    line.lastAt = Date.now();
    line.spoke = true;
    said = done;
    line.sink({ label, done, total });
  };
  const wait = line.spoke ? 0 : Math.max(0, delayMs - (Date.now() - line.started));
  const timer = wait === 0 ? (speak(), undefined) : timers.setTimeout(() => over || speak(), wait);
  return {
    update(n, of) {
      if (of !== undefined) total = of;
      done = total > 0 ? Math.min(n, total) : n;
      const now = Date.now();
      if (now - line.started >= delayMs && now - line.lastAt >= intervalMs) speak();
    },
    end() {
      if (over) return;
      over = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      // The last count, so the bar does not stay at 90% while the next step starts.
      if (said !== undefined && said !== done) speak();
    },
  };
}

/** Runs `fn` under a meter that ends with it, whatever happens. */
export async function tracked<T>(label: string, fn: (m: ProgressMeter) => Promise<T>, total = 0): Promise<T> {
  const m = meter(label, total);
  try {
    return await fn(m);
  } finally {
    m.end();
  }
}
