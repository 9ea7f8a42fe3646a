/**
 * chown and chgrp, GNU coreutils 9.1's and busybox 1.37's: owners by name (the
 * container's /etc/passwd and /etc/group) or number, `-R`, `-h`, `--dereference`.
 * They change the uid/gid the container's overlay keeps per entry (`chown(path, uid,
 * gid)`, not part of just-bash's IFileSystem); a filesystem without it (a bind mount
 * of the home directory) keeps its owners, as a rootless mount would.
 */
import type { IFileSystem } from 'just-bash';
import type { ProgramRun } from '../program.ts';
import { ownerOf } from './inode.ts';

interface Chownable { chown?(path: string, uid: number, gid: number): Promise<void> }

async function table(fs: IFileSystem, path: string): Promise<string[][]> {
  try {
    return (await fs.readFile(path)).split('\n').filter(Boolean).map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** chown OWNER[:GROUP] FILE… / chgrp GROUP FILE…, as `run.name`. */
export async function chown(run: ProgramRun, gnu: boolean): Promise<number> {
  const { spec } = run;
  const fs = spec.fs as IFileSystem & Chownable;
  const tool = run.name === 'chgrp' ? 'chgrp' : 'chown';
  let recursive = false;
  const operands: string[] = [];
  for (const a of run.args) {
    if (a === '-R' || a === '--recursive') recursive = true;
    else if (['-h', '--no-dereference', '--dereference', '-f', '--silent', '--quiet', '-v', '-c', '-H', '-L', '-P'].includes(a)) continue;
    else operands.push(a);
  }
  if (operands.length < 2) {
    spec.stderr(gnu ? `${tool}: missing operand${operands.length === 1 ? ` after '${operands[0]}'` : ''}\nTry '${tool} --help' for more information.\n` : `${tool}: ${operands.length === 0 ? 'missing operand' : 'not enough arguments'}\n`);
    return 1;
  }
  const [spec0, ...files] = operands as [string, ...string[]];
  const passwd = await table(fs, '/etc/passwd');
  const groups = await table(fs, '/etc/group');
  let uid: number | undefined;
  let gid: number | undefined;
  const [u, g] = tool === 'chgrp' ? ['', spec0] : (spec0.includes(':') ? spec0.split(':', 2) : spec0.split('.', 2).length === 2 && !passwd.some((p) => p[0] === spec0) ? spec0.split('.', 2) : [spec0, undefined]) as [string, string | undefined];
  if (u) {
    const row = passwd.find((p) => p[0] === u);
    if (row) uid = Number(row[2]);
    else if (/^\d+$/.test(u)) uid = Number(u);
    else {
      spec.stderr(gnu ? `${tool}: invalid user: '${spec0}'\n` : `${tool}: unknown user ${u}\n`);
      return 1;
    }
    // `user:` takes the user's login group.
    if (g === '' && row) gid = Number(row[3]);
  }
  if (g) {
    const row = groups.find((r) => r[0] === g);
    if (row) gid = Number(row[2]);
    else if (/^\d+$/.test(g)) gid = Number(g);
    else {
      spec.stderr(gnu ? (tool === 'chgrp' ? `chgrp: invalid group: '${g}'\n` : `chown: invalid group: '${spec0}'\n`) : `${tool}: unknown group ${g}\n`);
      return 1;
    }
  }
  const self = spec.user.split(':')[0] || 'root';
  const root = self === 'root' || self === '0';
  let status = 0;
  const apply = async (path: string): Promise<void> => {
    // The process's own stdio (mongo's entrypoint: `chown --dereference mongodb "/proc/$$/fd/1"`)
    // are pipes runc created for it; changing their owner succeeds.
    if (/^\/proc\/(self|\d+)\/fd\/\d+$/.test(path)) return;
    const abs = path.startsWith('/') ? path : `${spec.cwd.replace(/\/$/, '')}/${path}`;
    let isDir = false;
    try {
      isDir = (await fs.lstat(abs)).isDirectory;
    } catch {
      spec.stderr(gnu ? `${tool}: cannot access '${path}': No such file or directory\n` : `${tool}: ${path}: No such file or directory\n`);
      status = 1;
      return;
    }
    const now = await ownerOf(fs, abs);
    const next = { uid: uid ?? now.uid, gid: gid ?? now.gid };
    if (!root && (next.uid !== now.uid || next.gid !== now.gid)) {
      spec.stderr(gnu ? `${tool}: changing ${tool === 'chgrp' || uid === undefined ? 'group' : 'ownership'} of '${path}': Operation not permitted\n` : `${tool}: ${path}: Operation not permitted\n`);
      status = 1;
    } else await fs.chown?.(abs, next.uid, next.gid);
    if (recursive && isDir) for (const child of await fs.readdir(abs)) await apply(`${path.replace(/\/$/, '')}/${child}`);
  };
  for (const f of files) await apply(f);
  return status;
}
