/**
 * The everyday tools by name: busybox applets (dispatched on argv[0], as busybox's
 * main does) and Debian's separate binaries (coreutils, grep, sed, findutils, …), which
 * carry their own name in their exec marker. Our own implementations first, then
 * just-bash's where it prints what the real tool prints.
 */
import { hasBuiltin, runBuiltin } from '../builtins.ts';
import type { Program, ProgramRun } from '../program.ts';
import { du, wc } from './counts.ts';
import { diff } from './diff.ts';
import { find, Unsupported } from './find.ts';
import { chown } from './chown.ts';
import { id, idNames } from './id.ts';
import { ls } from './ls.ts';
import { curl } from './curl.ts';
import { httpd } from './httpd.ts';
import { ipCommand } from './net.ts';
import { nslookup } from './nslookup.ts';
import { ping } from './ping.ts';
import { wget } from './wget.ts';
import { stat } from './stat.ts';
import { env, hostname, ps, sleep, uname, which } from './system.ts';
import { reword } from './wording.ts';

type Tool = (run: ProgramRun, gnu: boolean) => Promise<number>;

const OWN: Record<string, Tool> = {
  hostname, id, whoami: id, uname, env, printenv: env, sleep, which, ps,
  ip: ipCommand, ipaddr: ipCommand, wget, curl, httpd, ping, nslookup,
  nc: async (run) => {
    // The lab's network carries HTTP exchanges, not raw TCP streams.
    run.spec.stderr('nc: raw TCP connections are not simulated in Layerlab; use wget or curl to reach a server\n');
    return 1;
  },
  ls, stat, wc, du, diff, tar, chown, chgrp: chown,
  find: async (run, gnu) => {
    try {
      return await find(run, gnu);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    }
    // Primaries find.ts leaves to just-bash (-printf, -regex, -mtime, -size, -newer, …).
    // just-bash's find lacks -follow (it follows no links anyway here) and -quit (stop after the first match).
    const quit = run.args.includes('-quit');
    const args = run.args.filter((a) => a !== '-follow' && a !== '-quit');
    if (!quit) return runWorded({ ...run, args }, 'find', gnu);
    let first = '';
    const code = await runBuiltin({ ...run, args, spec: { ...run.spec, stdout: (s) => { first ||= s.split('\n')[0]! + '\n'; } } }, 'find');
    if (first) run.spec.stdout(first);
    return code;
  },
  mawk: (run) => runBuiltin(run, 'awk'),
};

/** Runs tool `tool` as this process; `gnu` for Debian's binaries (affects a few texts). */
export async function runTool(run: ProgramRun, tool: string, gnu: boolean): Promise<number> {
  const own = OWN[tool];
  if (own && !(tool === 'printenv' && run.args.length > 0)) return own({ ...run, name: tool }, gnu);
  if (hasBuiltin(tool) || tool === 'printenv') return runWorded({ ...run, name: tool }, tool, gnu);
  if (!gnu) {
    // busybox: an applet it was not built with.
    run.spec.stderr(`${tool}: applet not found\n`);
    return 127;
  }
  run.spec.stderr(`${run.name}: this program is not simulated in Layerlab\n`);
  return 126;
}

/** Runs just-bash's `tool` and rewrites what it printed into the real family's wording (wording.ts). */
async function runWorded(run: ProgramRun, tool: string, gnu: boolean): Promise<number> {
  let stdout = '';
  let stderr = '';
  const code = await runBuiltin({ ...run, spec: { ...run.spec, stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } } });
  const out = reword(tool, gnu, run.args, { stdout, stderr, exitCode: code });
  if (out.stdout) run.spec.stdout(out.stdout);
  if (out.stderr) run.spec.stderr(out.stderr);
  return out.exitCode;
}

/**
 * tar: just-bash's, with what it prints differently: `-v` listings name owners
 * (`root/root`, from the container's /etc/passwd and /etc/group, padded as tar's
 * 19-column owner-and-size field) and `-xv`/`-cv` list names on stdout.
 */
async function tar(run: ProgramRun, gnu: boolean): Promise<number> {
  let stdout = '';
  let stderr = '';
  const code = await runWorded({ ...run, spec: { ...run.spec, stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } } }, 'tar', gnu);
  const mode = (run.args[0] ?? '').replace(/^-/, '');
  if (/[xc]/.test(mode) && mode.includes('v')) {
    // The listing just-bash puts on stderr: the lines that are not complaints.
    const listed = stderr.split('\n').filter((l) => l && !l.startsWith('tar: '));
    stderr = stderr.split('\n').filter((l) => l.startsWith('tar: ')).map((l) => `${l}\n`).join('');
    stdout += listed.map((l) => `${l}\n`).join('');
  }
  const ids = await idNames(run);
  stdout = stdout.replace(/^([-dlcbps][-rwxsStT]{9}) (\d+)\/(\d+) +(\d+) /gm, (_, m: string, u: string, g: string, size: string) => {
    const owner = `${ids.user(Number(u)) ?? u}/${ids.group(Number(g)) ?? g}`;
    return `${m} ${owner} ${size.padStart(Math.max(1, 18 - owner.length))} `;
  });
  if (stdout) run.spec.stdout(stdout);
  if (stderr) run.spec.stderr(stderr);
  return code;
}

/** busybox: the applet is the name it was called by. */
export const busybox: Program = (run) => runTool(run, run.name, false);

/** A Debian binary that is its own tool (exec marker 'ls', 'cat', …). */
export function gnuTool(tool: string): Program {
  return (run) => runTool(run, tool, true);
}
