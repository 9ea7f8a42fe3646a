/**
 * Peak memory of a set of local processes while a step runs, for
 * bench/archives.ts: the Chromium processes of the page (their ids from the
 * DevTools protocol's SystemInfo.getProcessInfo) or the Node child that runs
 * the session.
 *
 * Why /proc and not the DevTools protocol alone: CDP lists Chromium's
 * processes with their types but reports no memory per process (its memory
 * calls give one isolate's JS heap, which leaves out ArrayBuffer backing
 * stores, the bulk of an archive; Tracing's memory dumps are heavy to take
 * every few milliseconds). The benchmark runs the browser on this machine,
 * so the kernel's own figures are at hand:
 * - PSS (smaps_rollup): a page shared by several processes (Chromium's code,
 *   shared memory between renderer and browser) counts once in the sum, split
 *   between them; RSS would count it in every process. The sum of PSS sampled
 *   every few ms is the figure "the browser's processes use".
 * - VmHWM (status): the kernel's exact per-process peak of RSS, reset before
 *   each step by writing 5 to clear_refs (proc(5)). Sampling can miss a peak
 *   that lasts less than the interval; VmHWM cannot, but the sum of
 *   per-process peaks may add peaks that never coincided, and counts shared
 *   pages in each process: an upper bound, printed as the cross-check.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Megabytes as Docker prints them (10^6 bytes), for memory as for archives. */
const MB = 1e6;

/** Kilobytes of one field (`Pss:`, `VmHWM:`) of a /proc file, or 0 when the process is gone. */
function field(path: string, name: string): number {
  try {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(readFileSync(path, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resets the kernel's peak-RSS counter (VmHWM) of `pid`; false if the kernel refuses. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** One process: its proportional set size now and its RSS peak since the last reset. */
export function processMemory(pid: number): { pss: number; hwm: number } {
  return { pss: field(`/proc/${pid}/smaps_rollup`, 'Pss'), hwm: field(`/proc/${pid}/status`, 'VmHWM') };
}

/** Processes to watch, by pid, with a label for the breakdown (`renderer`, `GPU`, `node`). */
export type ProcessList = () => Promise<Array<{ pid: number; type: string }>>;

/** What one step used: the sampled peak of the summed PSS (with its breakdown by type) and the sum of VmHWM. */
export interface MemoryPeak {
  /** Summed PSS before the step. */
  before: number;
  /** Highest summed PSS seen. */
  peak: number;
  /** PSS by process type at that sample. */
  byType: Record<string, number>;
  /** Sum over the processes of their VmHWM during the step (upper bound). */
  hwmSum: number;
  samples: number;
}

/**
 * How often the summed PSS is sampled. Not every 20 ms: the kernel walks each
 * process's page tables to answer smaps_rollup, and Chromium's processes map
 * gigabytes, so sampling that often took a quarter of this 2-core machine
 * and cost the page's save a quarter of its throughput (52 against 71 MB/s,
 * same build). A short peak between samples is still caught by VmHWM.
 * `BENCH_MEMORY_MS` overrides it.
 */
export const SAMPLE_MS = Number(process.env.BENCH_MEMORY_MS ?? 200);

/**
 * Samples the processes of `list` every `everyMs` while `work` runs and
 * returns its result with the memory it used. The list is asked again every
 * half second (Chromium starts utility processes on demand).
 */
export async function measure<T>(list: ProcessList, work: () => Promise<T>, everyMs = SAMPLE_MS): Promise<{ result: T; memory: MemoryPeak }> {
  let procs = await list();
  for (const p of procs) resetPeak(p.pid);
  const sum = (): { total: number; byType: Record<string, number> } => {
    const byType: Record<string, number> = {};
    let total = 0;
    for (const p of procs) {
      const { pss } = processMemory(p.pid);
      byType[p.type] = (byType[p.type] ?? 0) + pss;
      total += pss;
    }
    return { total, byType };
  };
  const first = sum();
  const memory: MemoryPeak = { before: first.total, peak: first.total, byType: first.byType, hwmSum: 0, samples: 1 };
  const seen = new Map(procs.map((p) => [p.pid, p]));
  const sample = (): void => {
    const s = sum();
    memory.samples++;
    if (s.total > memory.peak) Object.assign(memory, { peak: s.total, byType: s.byType });
  };
  const timer = setInterval(sample, everyMs);
  let refreshing = false;
  const refresher = setInterval(() => {
    if (refreshing) return;
    refreshing = true;
    void list()
      .then((now) => {
        for (const p of now) if (!seen.has(p.pid)) (seen.set(p.pid, p), resetPeak(p.pid));
        procs = now;
      })
      .catch(() => undefined)
      .finally(() => (refreshing = false));
  }, 500);
  try {
    const result = await work();
    sample();
    memory.hwmSum = [...seen.values()].reduce((n, p) => n + processMemory(p.pid).hwm, 0);
    return { result, memory };
  } finally {
    clearInterval(timer);
    clearInterval(refresher);
  }
}

/** `1234 MB`. */
export const mb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`;
