/**
 * GNU coreutils 9.1 `ls` output (Debian 12, C.UTF-8 locale): the long
 * format of print_long_format, the vertical columns of print_many_per_line
 * (calculate_columns: the most columns whose line is shorter than the
 * width, columns separated by at least two spaces), and `-h` sizes.
 */

/** One entry as ls shows it. */
export interface LsEntry {
  /** The name printed (a file name, or an argument as typed). */
  name: string;
  type: 'file' | 'directory' | 'symlink';
  mode: number;
  size: number;
  mtime: Date;
  nlink: number;
  owner: string;
  group: string;
  target?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// ls.c: a time stamp is "recent" within half a Gregorian year before now.
const SIX_MONTHS_MS = (31556952 / 2) * 1000;

/** `-rwxr-xr-x` with the type letter and setuid/setgid/sticky as filemodestring writes them. */
export function modeString(type: LsEntry['type'], mode: number): string {
  const t = type === 'directory' ? 'd' : type === 'symlink' ? 'l' : '-';
  const bit = (m: number, c: string): string => (mode & m ? c : '-');
  const x = (m: number, s: number, on: string, off: string): string => (mode & s ? (mode & m ? on : off) : mode & m ? 'x' : '-');
  return (
    t + bit(0o400, 'r') + bit(0o200, 'w') + x(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') + bit(0o020, 'w') + x(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') + bit(0o002, 'w') + x(0o001, 0o1000, 't', 'T')
  );
}

/** The date column: `Nov 24 03:08` when recent, `Nov 24  2025` otherwise (UTC, the host's zone). */
export function lsTime(mtime: Date, now: number): string {
  const t = mtime.getTime();
  const day = String(mtime.getUTCDate()).padStart(2, ' ');
  const head = `${MONTHS[mtime.getUTCMonth()]} ${day}`;
  if (t > now - SIX_MONTHS_MS && t <= now) {
    const hh = String(mtime.getUTCHours()).padStart(2, '0');
    const mm = String(mtime.getUTCMinutes()).padStart(2, '0');
    return `${head} ${hh}:${mm}`;
  }
  return `${head}  ${mtime.getUTCFullYear()}`;
}

/** gnulib human_readable with -h: powers of 1024, rounded up, one decimal below 10. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value < 10) {
    const tenths = Math.ceil(value * 10 - 1e-9) / 10;
    if (tenths < 10) return `${tenths.toFixed(1)}${units[unit]}`;
    value = tenths;
  }
  const whole = Math.ceil(value - 1e-9);
  if (whole >= 1024 && unit < units.length - 1) return `1.0${units[unit + 1]}`;
  return `${whole}${units[unit]}`;
}

/** Lines of `ls -l` for `entries`, the widths taken over all of them as ls does per directory. */
export function longLines(entries: LsEntry[], now: number, human: boolean): string[] {
  const size = (e: LsEntry) => (human ? humanSize(e.size) : String(e.size));
  const w = {
    nlink: Math.max(0, ...entries.map((e) => String(e.nlink).length)),
    owner: Math.max(0, ...entries.map((e) => e.owner.length)),
    group: Math.max(0, ...entries.map((e) => e.group.length)),
    size: Math.max(0, ...entries.map((e) => size(e).length)),
  };
  return entries.map((e) => {
    const name = e.type === 'symlink' ? `${e.name} -> ${e.target ?? ''}` : e.name;
    return (
      `${modeString(e.type, e.mode)} ${String(e.nlink).padStart(w.nlink)} ${e.owner.padEnd(w.owner)} ` +
      `${e.group.padEnd(w.group)} ${size(e).padStart(w.size)} ${lsTime(e.mtime, now)} ${name}`
    );
  });
}

/** Names in vertical columns for a terminal `width` wide (ls -C), as calculate_columns lays them out. */
export function columns(names: string[], width: number): string[] {
  const n = names.length;
  if (n === 0) return [];
  // MIN_COLUMN_WIDTH is 3: a one-letter name and two spaces.
  const maxCols = Math.max(1, Math.min(n, Math.floor(width / 3)));
  let chosen = { cols: 1, widths: [0] };
  for (let cols = 1; cols <= maxCols; cols++) {
    const rows = Math.ceil(n / cols);
    const widths = new Array<number>(cols).fill(3);
    names.forEach((name, i) => {
      const col = Math.floor(i / rows);
      widths[col] = Math.max(widths[col]!, name.length + (col === cols - 1 ? 0 : 2));
    });
    if (widths.reduce((a, b) => a + b, 0) < width) chosen = { cols, widths };
  }
  const rows = Math.ceil(n / chosen.cols);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < chosen.cols; c++) {
      const i = r + c * rows;
      if (i >= n) break;
      // print_row pads only when a name follows in the next column.
      line += i + rows < n ? names[i]!.padEnd(chosen.widths[c]!) : names[i]!;
    }
    lines.push(line);
  }
  return lines;
}
