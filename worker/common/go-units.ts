/**
 * docker/go-units size.go: the SIZE columns of `docker images`, `ps -s` and
 * `history` (precision 3) and HumanSize (precision 4) used by prune totals,
 * `--format json` sizes and pull progress (docker-reference §1.4).
 */
import { formatFloat } from './go-strconv.ts';

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'] as const;

/**
 * go-units getSizeAndUnit: divide by `base` while size >= base (repeated float
 * division, exactly as Go does, so rounding artefacts match).
 */
function sizeAndUnit(size: number, base: number, units: readonly string[]): [number, string] {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return [size, units[i]];
}

/**
 * go-units HumanSizeWithPrecision: SI units (base 1000) formatted with Go's
 * `%.*g`, e.g. (2048, 3) → "2.05kB", (999500, 3) → "1e+03kB".
 */
export function humanSizeWithPrecision(size: number, precision: number): string {
  // Exact %g formatting is costly and listings repeat sizes: remember recent results.
  const key = `${precision}:${size}`;
  const hit = sizeMemo.get(key);
  if (hit !== undefined) return hit;
  const [value, unit] = sizeAndUnit(size, 1000, DECIMAL_UNITS);
  const text = formatFloat(value, 'g', precision) + unit;
  if (sizeMemo.size >= 4096) sizeMemo.clear();
  sizeMemo.set(key, text);
  return text;
}

const sizeMemo = new Map<string, string>();

/** go-units HumanSize: `humanSizeWithPrecision(size, 4)`. */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** go-units BytesSize: binary units (base 1024, "KiB"…) with `%.4g`, as `docker stats` prints. */
export function bytesSize(size: number): string {
  const [value, unit] = sizeAndUnit(size, 1024, BINARY_UNITS);
  return formatFloat(value, 'g', 4) + unit;
}
