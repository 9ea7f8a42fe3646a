/**
 * `stat -c FORMAT` (and `--format=`, `-L`) with the owner the file really has
 * (from the layers, see inode.ts) rather than just-bash's fixed 1000:1000, and
 * the real tools' complaint for a missing file (busybox `can't stat 'x'`,
 * coreutils 9.1 `cannot statx 'x'`). Without a format, just-bash's own stat
 * prints the default multi-line report.
 */
import type { FsStat } from 'just-bash';
import { runBuiltin } from '../builtins.ts';
import type { ProgramRun } from '../program.ts';
import { absolutePath } from '../resolve.ts';
import { modeString } from '../../shell/ls/format.ts';
import { idNames } from './id.ts';
import { diskKiB, nlinkOf, ownerOf } from './inode.ts';

function fileType(st: FsStat): string {
  if (st.isDirectory) return 'directory';
  if (st.isSymbolicLink) return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

/** `2025-08-01 12:00:00.000000000 +0000`, as %y prints a time in UTC. */
function statTime(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}.000000000 +0000`;
}

/** The stat program for `gnu` (coreutils) or busybox. */
export async function stat(run: ProgramRun, gnu: boolean): Promise<number> {
  const { spec } = run;
  let format: string | undefined;
  let follow = false;
  const files: string[] = [];
  for (let i = 0; i < run.args.length; i++) {
    const a = run.args[i]!;
    if (a === '-c' || a === '--format') format = `${run.args[++i] ?? ''}\n`;
    else if (a.startsWith('--format=')) format = `${a.slice(9)}\n`;
    else if (a.startsWith('--printf=')) format = a.slice(9);
    else if (a === '-L' || a === '--dereference') follow = true;
    else files.push(a);
  }
  const ids = await idNames(run);
  let status = 0;
  for (const f of files) {
    const path = absolutePath(spec.cwd, f);
    let st: FsStat;
    try {
      st = follow ? await spec.fs.stat(path) : await spec.fs.lstat(path);
    } catch {
      spec.stderr(gnu ? `stat: cannot statx '${f}': No such file or directory\n` : `stat: can't stat '${f}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (format === undefined) {
      const code = await runBuiltin({ ...run, args: [...(follow ? ['-L'] : []), f] }, 'stat');
      if (code !== 0) status = code;
      continue;
    }
    const { uid, gid } = await ownerOf(spec.fs, path);
    const nlink = await nlinkOf(spec.fs, path, st);
    const type = st.isSymbolicLink ? 'symlink' : st.isDirectory ? 'directory' : 'file';
    const size = st.isDirectory ? 4096 : st.isSymbolicLink ? (await spec.fs.readlink(path)).length : st.size;
    const value = async (c: string): Promise<string | undefined> => {
      switch (c) {
        case 'n': return f;
        case 'N': return st.isSymbolicLink ? `'${f}' -> '${await spec.fs.readlink(path)}'` : `'${f}'`;
        case 's': return String(size);
        case 'a': return (st.mode & 0o7777).toString(8);
        case 'A': return modeString(type, st.mode);
        case 'f': return ((st.isDirectory ? 0o040000 : st.isSymbolicLink ? 0o120000 : 0o100000) | (st.mode & 0o7777)).toString(16);
        case 'F': return fileType(st);
        case 'u': return String(uid);
        case 'g': return String(gid);
        case 'U': return ids.user(uid) ?? 'UNKNOWN';
        case 'G': return ids.group(gid) ?? 'UNKNOWN';
        case 'h': return String(nlink);
        case 'b': return String(diskKiB(st) * 2);
        case 'B': return '512';
        case 'o': return '4096';
        case 'x': case 'y': case 'z': return statTime(st.mtime);
        case 'X': case 'Y': case 'Z': return String(Math.floor(st.mtime.getTime() / 1000));
        case '%': return '%';
        default: return undefined;
      }
    };
    let out = '';
    for (let i = 0; i < format.length; i++) {
      const ch = format[i]!;
      if (ch !== '%' || i + 1 >= format.length) {
        out += ch;
        continue;
      }
      const c = format[++i]!;
      const v = await value(c);
      out += v ?? `?`;
    }
    spec.stdout(out);
  }
  return status;
}
