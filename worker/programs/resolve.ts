/**
 * Finding the executable a command names, and which simulated program it is.
 *
 * Resolution follows what runc does before exec (Go's exec.LookPath): a name without
 * '/' is searched in each PATH directory for a regular file with an execute bit; a name
 * with '/' is taken relative to the working directory. The program identity is read
 * from the file's own bytes (the exec marker of worker/engine/layer/exec-marker.ts), so
 * a deleted /bin/ls is gone and a /bin/bash written by `apk add bash` is bash.
 */
import type { IFileSystem } from 'just-bash';
import { EXEC_PREFIX_BYTES, programOf } from '../engine/layer/exec-marker.ts';

/**
 * A filesystem that can read the first bytes of a file without producing all of it.
 * Optional: the container overlay should implement it, because a simulated node binary
 * is 120 MB of generated filler and only its first {@link EXEC_PREFIX_BYTES} matter.
 */
export interface PrefixReadable {
  readFilePrefix?(path: string, length: number): Promise<Uint8Array>;
}

/** What a command name resolved to. */
export interface Resolved {
  /** Absolute path of the executable as found (before following symlinks). */
  path: string;
  /** The simulated program from the exec marker, or undefined for scripts and unmarked files. */
  program: string | undefined;
  /** The interpreter line of a script (`#!/bin/sh` → ['/bin/sh']), if the file starts with '#!'. */
  shebang?: string[];
}

/** Joins a possibly relative path onto `cwd` and normalizes `.` and `..`. */
export function absolutePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}

/** The first `n` bytes of a file (via readFilePrefix when the filesystem has it). */
export async function readPrefix(fs: IFileSystem & PrefixReadable, path: string, n = EXEC_PREFIX_BYTES): Promise<Uint8Array> {
  if (fs.readFilePrefix) return fs.readFilePrefix(path, n);
  const all = await fs.readFileBuffer(path);
  return all.subarray(0, n);
}

async function executableFile(fs: IFileSystem, path: string): Promise<boolean> {
  try {
    const st = await fs.stat(path);
    return st.isFile && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** Reads the marker or shebang of an executable file found at `path`. */
export async function identify(fs: IFileSystem, path: string): Promise<Resolved> {
  const prefix = await readPrefix(fs, path);
  const program = programOf(prefix);
  if (program !== undefined) return { path, program };
  if (prefix[0] === 0x23 && prefix[1] === 0x21) {
    const full = await readPrefix(fs, path, 256);
    const line = new TextDecoder().decode(full).slice(2).split('\n')[0]!.trim();
    const words = line.split(/\s+/).filter(Boolean);
    // Linux passes everything after the interpreter as one argument (binfmt_script).
    const shebang = words.length > 1 ? [words[0]!, words.slice(1).join(' ')] : words;
    return { path, program: undefined, shebang };
  }
  return { path, program: undefined };
}

/**
 * Resolves `command` like exec.LookPath with `pathVar` (the container's PATH).
 * Returns undefined when nothing executable is found; `kind` tells which of runc's two
 * messages applies (`executable file not found in $PATH` or `stat …: no such file or directory`).
 */
export async function lookPath(fs: IFileSystem, command: string, pathVar: string | undefined, cwd: string): Promise<Resolved | { missing: 'not-found' | 'no-such-file' }> {
  if (command.includes('/')) {
    const path = absolutePath(cwd, command);
    if (!(await executableFile(fs, path))) return { missing: 'no-such-file' };
    return identify(fs, path);
  }
  for (const dir of (pathVar ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
    if (!dir) continue;
    const path = absolutePath(cwd, `${dir}/${command}`);
    if (await executableFile(fs, path)) return identify(fs, path);
  }
  return { missing: 'not-found' };
}

/** Last path component (the applet name busybox dispatches on). */
export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}
