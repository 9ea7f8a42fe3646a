/**
 * A small builder for the file trees of simulated registry layers. It fills in parent
 * directories, sorts entries the way Docker's layer differs walk a directory (depth-first,
 * names in byte order, parents before children), and can spread a byte budget over many
 * deterministic filler files, so an image reaches the size of its real counterpart
 * without storing any large content.
 */
import type { Entry } from '../engine/layer/entry.ts';
import { encodeUtf8 } from '../engine/layer/utf8.ts';

/** Deterministic 32-bit PRNG (mulberry32) for names and sizes. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a of a string: stable seeds derived from layer keys and paths. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Compare paths component-wise (Go filepath.Walk order). */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/** Options for one file. */
export interface FileOpts { mode?: number; uid?: number; gid?: number }

/** Collects entries of one layer; later writes to a path replace earlier ones. */
export class Tree {
  private readonly map = new Map<string, Entry>();
  private readonly seedBase: number;

  constructor(readonly key: string, readonly mtime: number) {
    this.seedBase = hash32(key);
  }

  private put(e: Entry): this {
    const parts = e.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      if (!this.map.has(p)) this.map.set(p, { path: p, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: this.mtime, size: 0 });
    }
    this.map.set(e.path, e);
    return this;
  }

  /** A directory (mode 0755 unless given). */
  dir(path: string, opts: FileOpts = {}): this {
    return this.put({ path, type: 'dir', mode: opts.mode ?? 0o755, uid: opts.uid ?? 0, gid: opts.gid ?? 0, mtime: this.mtime, size: 0 });
  }

  /** A text file with real content. */
  text(path: string, text: string, opts: FileOpts = {}): this {
    return this.put({ path, type: 'file', mode: opts.mode ?? 0o644, uid: opts.uid ?? 0, gid: opts.gid ?? 0, mtime: this.mtime, size: encodeUtf8(text).length, content: { kind: 'text', text } });
  }

  /** A file of `size` filler bytes; `program` marks it as that simulated executable. */
  blob(path: string, size: number, program?: string, opts: FileOpts = {}): this {
    const seed = (this.seedBase ^ hash32(path)) >>> 0;
    const content = program === undefined ? { kind: 'filler' as const, seed } : { kind: 'filler' as const, seed, program };
    return this.put({ path, type: 'file', mode: opts.mode ?? (program ? 0o755 : 0o644), uid: opts.uid ?? 0, gid: opts.gid ?? 0, mtime: this.mtime, size, content });
  }

  /** An executable for simulated program `program`. */
  exe(path: string, size: number, program: string, opts: FileOpts = {}): this {
    return this.blob(path, size, program, opts);
  }

  /** A symbolic link. */
  link(path: string, target: string): this {
    return this.put({ path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: this.mtime, size: 0, linkname: target });
  }

  /** A hard link to an earlier entry (tar typeflag '1'; counted once in sizes). */
  hardlink(path: string, target: string): this {
    const t = this.map.get(target);
    return this.put({ path, type: 'hardlink', mode: t?.mode ?? 0o755, uid: 0, gid: 0, mtime: this.mtime, size: 0, linkname: target });
  }

  /** Bytes of regular files so far. */
  bytes(): number {
    let n = 0;
    for (const e of this.map.values()) if (e.type === 'file') n += e.size;
    return n;
  }

  /**
   * Spread `total` bytes over `names.length` filler files under `dir` with uneven,
   * deterministic sizes (a few large, many small, like shared libraries and data files).
   */
  spread(dir: string, names: readonly string[], total: number): this {
    if (names.length === 0 || total <= 0) return this;
    const r = rng(this.seedBase ^ hash32(dir));
    const weights = names.map(() => Math.pow(r(), 3) + 0.02);
    const sum = weights.reduce((a, b) => a + b, 0);
    let left = total;
    names.forEach((n, i) => {
      const size = i === names.length - 1 ? left : Math.min(left, Math.floor((total * weights[i]!) / sum));
      left -= size;
      this.blob(`${dir}/${n}`, size);
    });
    return this;
  }

  /** Top up to `target` regular-file bytes by spreading the remainder over `names` in `dir`. */
  fillTo(target: number, dir: string, names: readonly string[]): this {
    return this.spread(dir, names, target - this.bytes());
  }

  /** The entries in layer order. */
  entries(): Entry[] {
    return [...this.map.values()].sort((a, b) => comparePaths(a.path, b.path));
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Deterministic base64 text of `bytes` bytes derived from `label` (apk's Q1… checksums). */
export function fakeBase64(label: string, bytes: number): string {
  const r = rng(hash32(label));
  let s = '';
  const chars = Math.ceil((bytes * 4) / 3);
  for (let i = 0; i < chars; i++) s += B64[Math.floor(r() * 64)];
  return s + '='.repeat((4 - (chars % 4)) % 4);
}

/** Deterministic lower-case hex of `n` digits derived from `label` (md5sums, commits). */
export function fakeHex(label: string, n: number): string {
  const r = rng(hash32(label) ^ 0x5bd1e995);
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 16).toString(16);
  return s;
}

/** Unix seconds of an RFC 3339 time. */
export function unix(rfc3339: string): number {
  return Math.floor(Date.parse(rfc3339) / 1000);
}
