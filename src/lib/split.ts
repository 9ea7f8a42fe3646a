/**
 * The arithmetic of a split pane's size, in percent of the split: what a
 * stored value or a drag may become. Kept apart from SplitPane.svelte so it
 * is tested without a DOM.
 */

/** The limits of a split. */
export interface SplitLimits {
  /** Percentages the first pane stays within. */
  min: number;
  max: number;
  /** Pixels the first pane keeps, and pixels it leaves the second (divider included). */
  minFirst: number;
  minSecond: number;
  /** The split's size in pixels along its axis; 0 before it has been measured (pixel limits then wait). */
  total: number;
}

/**
 * Clamps a size to the limits. When the split is too small for both pixel
 * minimums, the second pane's wins: the first pane shrinks, the split never
 * overflows (SplitPane's CSS `min(max(...), ...)` does the same).
 */
export function clampSplit(value: number, l: SplitLimits): number {
  const px = (n: number): number => (l.total > 0 ? (n / l.total) * 100 : 0);
  const low = Math.max(l.min, px(l.minFirst));
  const high = Math.min(l.max, 100 - px(l.minSecond));
  const v = Number.isFinite(value) ? value : low;
  return Math.max(0, Math.min(Math.max(v, low), high));
}

/** The size to start from: a stored value within the percentages, else `initial` (recovers from anything stored). */
export function storedSplit(stored: string | null, o: { initial: number; min: number; max: number }): number {
  const n = stored === null || stored.trim() === '' ? NaN : Number(stored);
  return Number.isFinite(n) ? Math.min(o.max, Math.max(o.min, n)) : o.initial;
}
