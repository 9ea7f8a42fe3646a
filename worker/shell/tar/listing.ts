/**
 * GNU tar 1.34's listing lines (src/list.c `print_header`): `-v` prints the
 * member name, `-vv` (and `-tv`) the long form
 * `drwxr-xr-x user/group   size YYYY-MM-DD HH:MM name`, where the
 * "user/group size" column starts 19 wide and only grows during one run
 * (tar's `ugswidth`), which is why a listing can stair-step.
 */
import type { TarHeader } from 'modern-tar';

const TYPE_CHAR: Record<string, string> = {
  file: '-', link: 'h', symlink: 'l', 'character-device': 'c', 'block-device': 'b', directory: 'd', fifo: 'p',
};

/** tar's `pax_decode_mode` plus the type letter. */
export function modeString(type: string, mode: number, name: string): string {
  let t = TYPE_CHAR[type] ?? '?';
  if (t === '-' && name.endsWith('/')) t = 'd';
  const bit = (m: number, c: string): string => (mode & m ? c : '-');
  const special = (x: number, s: number, on: string, off: string): string =>
    mode & s ? (mode & x ? on : off) : mode & x ? 'x' : '-';
  return (
    t +
    bit(0o400, 'r') + bit(0o200, 'w') + special(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') + bit(0o020, 'w') + special(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') + bit(0o002, 'w') + special(0o001, 0o1000, 't', 'T')
  );
}

/** `tartime`: local time as `YYYY-MM-DD HH:MM`; the host runs in UTC. */
export function tarTime(mtime: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return (
    `${mtime.getUTCFullYear()}-${p(mtime.getUTCMonth() + 1)}-${p(mtime.getUTCDate())} ` +
    `${p(mtime.getUTCHours())}:${p(mtime.getUTCMinutes())}`
  );
}

/** Formats long listing lines; one instance per tar run, since the column width is sticky. */
export class LongLister {
  #ugswidth = 19;

  /** The long line (with newline) for one member. */
  line(h: TarHeader): string {
    const type = h.type ?? 'file';
    const user = h.uname ? h.uname : String(h.uid ?? 0);
    const group = h.gname ? h.gname : String(h.gid ?? 0);
    const size = String(type === 'file' ? h.size : 0);
    const pad = user.length + 1 + group.length + 1 + size.length;
    if (pad > this.#ugswidth) this.#ugswidth = pad;
    const sizeCol = size.padStart(this.#ugswidth - pad + size.length);
    const mtime = h.mtime ?? new Date(0);
    let line = `${modeString(type, h.mode ?? 0o644, h.name)} ${user}/${group} ${sizeCol} ${tarTime(mtime)} ${h.name}`;
    if (type === 'symlink') line += ` -> ${h.linkname ?? ''}`;
    else if (type === 'link') line += ` link to ${h.linkname ?? ''}`;
    return `${line}\n`;
  }
}
