/**
 * Running a resolved executable: scripts go to their interpreter (as the kernel's
 * binfmt_script does), shells to ContainerShell, everything else to the program its
 * exec marker names (programs.ts).
 */
import { ExecNotFoundError } from './process.ts';
import type { ExitCode, ProcessSpec } from './process.ts';
import { loadProgram } from './programs.ts';
import { baseName, lookPath } from './resolve.ts';
import type { Resolved } from './resolve.ts';
import { runShellProcess } from './shell/run-shell.ts';

/** The shells we simulate: busybox ash, GNU bash, Debian's dash. */
export type ShellFlavor = 'ash' | 'bash' | 'dash';

/** Which shell a resolved executable is, if any (busybox is ash when called as sh/ash). */
export function shellFlavor(r: Resolved, argv0: string): ShellFlavor | undefined {
  const name = baseName(argv0);
  if (r.program === 'busybox') return name === 'sh' || name === 'ash' ? 'ash' : undefined;
  if (r.program === 'bash') return 'bash';
  if (r.program === 'dash') return 'dash';
  return undefined;
}

/** Runs an executable already found at r.path with spec.argv. */
export async function execResolved(spec: ProcessSpec, r: Resolved): Promise<ExitCode> {
  const argv0 = spec.argv[0] ?? r.path;
  if (r.program === undefined) {
    // A script: `#!/bin/sh` runs /bin/sh with the script path; without a shebang the
    // kernel refuses (ENOEXEC) and shells fall back to running it with /bin/sh.
    const interp = r.shebang && r.shebang.length > 0 ? r.shebang : ['/bin/sh'];
    const found = await lookPath(spec.fs, interp[0]!, spec.env.PATH, spec.cwd);
    if ('missing' in found) throw new ExecNotFoundError(interp[0]!, 'no-such-file');
    if ((found.program === 'env' || (found.program === 'busybox' && baseName(interp[0]!) === 'env')) && interp.length > 1) {
      // `#!/usr/bin/env bash` (postgres's entrypoint): env finds the command on PATH and execs it.
      const cmd = await lookPath(spec.fs, interp[1]!, spec.env.PATH, spec.cwd);
      if ('missing' in cmd) {
        spec.stderr(`/usr/bin/env: '${interp[1]}': No such file or directory\n`);
        return 127;
      }
      return execResolved({ ...spec, argv: [...interp.slice(1), r.path, ...spec.argv.slice(1)] }, cmd);
    }
    return execResolved({ ...spec, argv: [...interp, r.path, ...spec.argv.slice(1)] }, found);
  }
  const flavor = shellFlavor(r, argv0);
  if (flavor) return runShellProcess(spec, flavor, argv0);
  if (r.program === 'busybox' && baseName(argv0) === 'busybox' && spec.argv.length > 1) {
    // `busybox ls -l`: the applet is argv[1], as busybox's main does.
    return execResolved({ ...spec, argv: spec.argv.slice(1) }, r);
  }
  const program = await loadProgram(r.program);
  if (!program) {
    spec.stderr(`${argv0}: this program is not simulated in Layerlab\n`);
    return 126;
  }
  return program({ spec, name: baseName(argv0), path: r.path, args: spec.argv.slice(1) });
}
