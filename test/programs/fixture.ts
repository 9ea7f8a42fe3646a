/**
 * Test fixtures: a container filesystem built from the simulated Hub's real layer
 * entries (worker/registry), and a ProcessSpec that records output.
 */
import { InMemoryFs } from 'just-bash';
import type { IFileSystem } from 'just-bash';
import { contentBytes, isWhiteout, whiteoutTarget } from '../../worker/engine/layer/entry.ts';
import { resolve } from '../../worker/registry/registry.ts';
import type { ProcessSpec } from '../../worker/programs/process.ts';

const cache = new Map<string, Array<ReturnType<ReturnType<typeof resolve>['layers'][number]['entries']>>>();

/** A fresh in-memory filesystem holding image `name:tag` merged from its layers. */
export async function imageFs(name: string, tag = 'latest'): Promise<InMemoryFs> {
  const key = `${name}:${tag}`;
  if (!cache.has(key)) cache.set(key, resolve(name, tag).layers.map((l) => l.entries()));
  const fs = new InMemoryFs({}, { maxTotalBytes: 2 ** 34 });
  for (const entries of cache.get(key)!) {
    for (const e of entries) {
      const p = '/' + e.path;
      if (isWhiteout(e)) {
        await fs.rm('/' + whiteoutTarget(e)!, { recursive: true, force: true });
        continue;
      }
      const mtime = new Date(e.mtime * 1000);
      if (e.type === 'dir') {
        fs.mkdirSync(p, { recursive: true });
        await fs.chmod(p, e.mode);
      } else if (e.type === 'symlink') {
        await fs.rm(p, { force: true });
        await fs.symlink(e.linkname!, p);
      } else if (e.type === 'hardlink') {
        await fs.rm(p, { force: true });
        await fs.link('/' + e.linkname!, p);
      } else if (e.content?.kind === 'filler') {
        fs.writeFileLazy(p, () => contentBytes(e), { mode: e.mode, mtime });
      } else {
        fs.writeFileSync(p, contentBytes(e), undefined, { mode: e.mode, mtime });
        await fs.chmod(p, e.mode);
      }
    }
  }
  return fs;
}

/** A spec with recorded stdout/stderr and scripted stdin lines. */
export function testSpec(fs: IFileSystem, argv: string[], opts: Partial<ProcessSpec> & { input?: string[] } = {}): ProcessSpec & { out: string; err: string } {
  const input = [...(opts.input ?? [])];
  const rec = {
    argv,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: '3f4e8a9b1c2d', HOME: '/root' },
    cwd: '/',
    user: 'root',
    hostname: '3f4e8a9b1c2d',
    fs,
    tty: false,
    stdin: { read: async () => input.shift() ?? null },
    out: '',
    err: '',
    stdout(s: string) { rec.out += s; },
    stderr(s: string) { rec.err += s; },
    signal: new AbortController().signal,
    network: { ip: '172.17.0.2', interfaces: [{ name: 'eth0', ip: '172.17.0.2', prefix: 16, mac: '02:42:ac:11:00:02', gateway: '172.17.0.1' }] },
    now: () => Date.UTC(2025, 7, 1, 12, 0, 0),
    random: () => 0.5,
    ...opts,
  };
  return rec;
}

/** Runs argv as a process and returns [exit code, stdout, stderr]. */
export async function run(fs: IFileSystem, argv: string[], opts: Partial<ProcessSpec> & { input?: string[] } = {}): Promise<[number, string, string]> {
  const { runProcess } = await import('../../worker/programs/process.ts');
  const spec = testSpec(fs, argv, opts);
  const code = await runProcess(spec);
  return [code, spec.out, spec.err];
}
