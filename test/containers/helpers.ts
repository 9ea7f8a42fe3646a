/**
 * Test doubles for the container tests: a registry whose layers can be
 * regenerated (busybox-like images of known files), a scripted program runner
 * (a few commands, enough to change files, print, exit and wait for signals),
 * and a docker CLI over a fresh engine wired to both.
 */
import { Engine } from '../../worker/engine/engine.ts';
import type { Entry } from '../../worker/engine/layer/entry.ts';
import { DockerCli } from '../../worker/cli/docker.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { DockerIo } from '../../worker/shell/commands/docker.ts';
import { InMemoryFs } from 'just-bash';
import { hostFs } from '../../worker/shell/host-fs.ts';
import type { ForegroundProgram } from '../../worker/shell/foreground.ts';
import { Lab } from '../../worker/lab/lab.ts';
import type { ContainerService } from '../../worker/engine/containers/service.ts';
import type { InteractiveProcess, ProcessSpec, ProgramRunner } from '../../worker/engine/containers/runtime.ts';
import { FakeRegistry, makeImage } from '../engine/fake-registry.ts';

/** The fixed "now" of the container tests: 2026-11-24T03:00:00Z. */
export const NOW = Date.parse('2026-11-24T03:00:00Z');

const T = 1_700_000_000;
/** A directory entry. */
export const dir = (path: string, mode = 0o755): Entry => ({ path, type: 'dir', mode, uid: 0, gid: 0, mtime: T, size: 0 });
/** A text file entry. */
export const txt = (path: string, text: string, mode = 0o644): Entry => ({ path, type: 'file', mode, uid: 0, gid: 0, mtime: T, size: new TextEncoder().encode(text).length, content: { kind: 'text', text } });
/** A symlink entry. */
export const sym = (path: string, target: string): Entry => ({ path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: T, size: 0, linkname: target });

/** The base layer of the test images: a few dirs, "executables" and files. */
export const BASE: Entry[] = [
  dir('bin'), txt('bin/sh', 'sh', 0o755), txt('bin/echo', 'echo', 0o755), txt('bin/touch', 'touch', 0o755), txt('bin/rm', 'rm', 0o755),
  txt('bin/sleep', 'sleep', 0o755), txt('bin/cat', 'cat', 0o755), txt('bin/head', 'head', 0o755), txt('bin/mkdir', 'mkdir', 0o755),
  dir('etc'), txt('etc/os-release', 'ID=testos\n'), txt('etc/motd', 'welcome\n'), dir('usr'), dir('usr/share'), dir('usr/share/doc'),
  txt('usr/share/doc/README', 'docs\n'), dir('var'), dir('var/cache'), txt('var/cache/a', 'a\n'), txt('var/cache/b', 'b\n'), sym('bin/ls', 'echo'),
];

/** A registry that also serves images made of the given layers. */
export class TestRegistry extends FakeRegistry {
  image(repo: string, layers: Entry[][], cmd: string[], created = '2025-07-15T11:32:33Z'): this {
    return this.add(`docker.io/library/${repo}`, 'latest', makeImage(layers, created, cmd));
  }
}

/** A runner of a few scripted commands over the container's filesystem. */
export class ScriptRunner implements ProgramRunner {
  readonly started: ProcessSpec[] = [];

  async runProcess(spec: ProcessSpec): Promise<number> {
    this.started.push(spec);
    const [cmd = '', ...args] = spec.argv;
    const name = cmd.split('/').pop()!;
    const path = cmd.includes('/') ? cmd : `/bin/${cmd}`;
    if (!(await spec.fs.exists(path))) {
      const err = Object.assign(new Error(cmd.includes('/') ? `exec: "${cmd}": stat ${cmd}: no such file or directory` : `exec: "${cmd}": executable file not found in $PATH`), { code: 'EXEC_NOT_FOUND', command: cmd, kind: 'not-found' });
      throw err;
    }
    switch (name) {
      case 'echo':
        spec.stdout(args.join(' ') + '\n');
        return 0;
      case 'sh':
        if (args[0] === '-c' && /^exit \d+$/.test(args[1] ?? '')) return Number(args[1]!.slice(5));
        if (args[0] === '-c') {
          for (const part of (args[1] ?? '').split(' && ')) {
            const code = await this.runProcess({ ...spec, argv: part.split(' ') });
            if (code !== 0) return code;
          }
          return 0;
        }
        return 0;
      case 'touch':
        for (const a of args) await spec.fs.writeFile(a, '');
        return 0;
      case 'mkdir':
        for (const a of args.filter((x) => x !== '-p')) await spec.fs.mkdir(a, { recursive: true });
        return 0;
      case 'rm':
        for (const a of args.filter((x) => !x.startsWith('-'))) await spec.fs.rm(a, { recursive: true, force: true });
        return 0;
      case 'cat':
        for (const a of args) spec.stdout(await spec.fs.readFile(a));
        if (args.length === 0) for (let t = await spec.stdin.read(); t !== null; t = await spec.stdin.read()) spec.stdout(t);
        return 0;
      case 'sleep':
        // PID 1 ignores SIGTERM (no handler), so only SIGKILL ends it; `sleep 0` returns.
        if (args[0] === '0') return 0;
        return new Promise<number>(() => undefined);
      case 'head':
        spec.stderr('head: boom\n');
        return 1;
      default:
        spec.stdout(`${name}: ran\n`);
        return 0;
    }
  }

  async startInteractive(spec: ProcessSpec): Promise<InteractiveProcess> {
    await this.runProcess({ ...spec, argv: ['echo'], stdout: () => undefined });
    return {
      prompt: () => '/ # ',
      interrupt: () => undefined,
      feed: async (line) => {
        if (line.startsWith('exit')) return { stdout: '', stderr: '', exitCode: Number(line.slice(5) || 0) };
        let out = '';
        const code = await this.runProcess({ ...spec, argv: line.split(' '), stdout: (s) => (out += s) });
        return { stdout: out, stderr: '', ...(code < 0 ? { exitCode: code } : {}) };
      },
    };
  }
}

/** The standard test registry. */
export function testRegistry(): TestRegistry {
  return new TestRegistry()
    .image('base', [BASE], ['sh'])
    .image('app', [BASE, [dir('app'), txt('app/index.js', 'console.log(1)\n'), dir('etc'), txt('etc/.wh.motd', '')]], ['echo', 'hello'], '2025-08-01T10:00:00Z');
}

/** A docker CLI over a fresh engine with the test doubles; `clock.now` can be moved. */
export async function containerCli(opts: { random?: () => number } = {}) {
  const clock = { now: NOW };
  const registry = testRegistry();
  const engine = await Engine.open({ store: new MemoryStore(), registry, clock: () => clock.now, random: opts.random ?? seeded(1) });
  const runner = new ScriptRunner();
  const lab = new Lab(engine, { programs: runner, recipeEntries: (r) => registry.layerEntries(r), tick: () => new Promise((r) => setTimeout(r, 0)), sleep: async () => undefined });
  const svc: ContainerService = await lab.containers();
  const docker = new DockerCli(lab.api);
  let foreground: ForegroundProgram | undefined;
  const host = new InMemoryFs();
  await host.mkdir('/home/learner', { recursive: true });
  const run = async (argv: string[] | string, stdin = '', extra: Partial<DockerIo> = {}) => {
    let stdout = '';
    let stderr = '';
    const io: DockerIo = {
      stdin: new TextEncoder().encode(stdin),
      stdout: (s) => (stdout += typeof s === 'string' ? s : new TextDecoder().decode(s)),
      stderr: (s) => (stderr += s),
      env: { HOME: '/home/learner' },
      cwd: '/home/learner',
      fs: hostFs(host, '/home/learner'),
      isTTY: false,
      startForeground: (p) => (foreground = p),
      ...extra,
    };
    const rc = await docker.run(typeof argv === 'string' ? argv.split(' ').filter(Boolean) : argv, io);
    return { stdout, stderr, rc };
  };
  return { engine, svc, runner, clock, run, registry, host, foreground: () => foreground };
}

/** A repeatable uniform random source (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
