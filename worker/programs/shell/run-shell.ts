/**
 * A shell as a whole process (not interactive): `sh -c 'script' [name args…]`,
 * `bash script.sh args…`, or commands read from stdin until EOF (`docker run -i alpine`
 * fed by a pipe). Output is written when each line or script finishes.
 */
import type { ExitCode, ProcessSpec } from '../process.ts';
import { exitForSignal } from '../program.ts';
import { absolutePath, lookPath } from '../resolve.ts';
import { execResolved } from '../run.ts';
import type { ShellFlavor } from '../run.ts';
import { ContainerShell, quote } from './container-shell.ts';
import { withoutNounset } from './shell-fs.ts';
import { bashVersion, bashVersionText } from '../../shell/bash-version.ts';

/** Runs the shell spec.argv describes and returns its exit status. */
export async function runShellProcess(spec: ProcessSpec, flavor: ShellFlavor, argv0: string): Promise<ExitCode> {
  const args = spec.argv.slice(1);
  // Long options come first. bash knows --version (and the startup ones,
  // which change nothing here); busybox ash ignores them; dash has none
  // (`sh: 0: Illegal option --`, exit 2: recorded from dash 0.5.12).
  while (args[0]?.startsWith('--') && args[0] !== '--') {
    const opt = args.shift()!;
    if (flavor === 'dash') {
      spec.stderr(`${basenameOf(argv0)}: 0: Illegal option --\n`);
      return 2;
    }
    if (flavor === 'bash' && opt === '--version') {
      spec.stdout(bashVersionText(await bashVersion(spec.fs), (await spec.fs.exists('/etc/alpine-release')) ? 'x86_64-alpine-linux-musl' : undefined));
      return 0;
    }
  }
  // Options before the script: -c takes the script from the next argument; -e/-x/-l/-i are accepted.
  let command: string | undefined;
  while (args.length > 0 && /^-[a-z]+$/.test(args[0]!)) {
    const opt = args.shift()!;
    if (opt.includes('c')) command = args.shift() ?? '';
  }
  const name = basenameOf(argv0);
  const shell = new ContainerShell(spec, flavor, command !== undefined ? name : argv0, command !== undefined ? '-c' : 'script');
  const emit = (r: { stdout: string; stderr: string }): void => {
    if (r.stdout) spec.stdout(r.stdout);
    if (r.stderr) spec.stderr(r.stderr);
  };
  // `exec prog args` replaces the shell: it becomes a tail call that runs after the
  // script's output is written, so a long-running program (nginx behind its
  // docker-entrypoint.sh) streams its own output as the real one does.
  const finish = async (r: { stdout: string; stderr: string; exitCode: number }): Promise<ExitCode> => {
    emit(r);
    const tail = shell.takeTailcall();
    // The shell ends here unless it exec'd a program (exec replaces it: no EXIT trap then).
    if (!tail || tail.argv.length === 0) {
      const t = await shell.exitTrap(r.exitCode);
      emit(t);
      return t.exitCode;
    }
    const found = await lookPath(spec.fs, tail.argv[0]!, tail.env.PATH, tail.cwd);
    if ('missing' in found) {
      spec.stderr(flavor === 'bash' ? `${name}: line 1: exec: ${tail.argv[0]}: not found\n` : `${argv0}: exec: line 1: ${tail.argv[0]}: not found\n`);
      return 127;
    }
    return execResolved({ ...spec, argv: tail.argv, env: tail.env, cwd: tail.cwd }, found);
  };
  if (command !== undefined) return finish(await shell.run(tailcalls(command), false, args.slice(1), args[0] ?? name, await pendingInput(spec)));
  if (args.length > 0) {
    const path = absolutePath(spec.cwd, args[0]!);
    let text: string;
    try {
      text = await spec.fs.readFile(path);
    } catch {
      spec.stderr(flavor === 'bash' ? `${name}: ${args[0]}: No such file or directory\n` : `${name}: can't open '${args[0]}': No such file or directory\n`);
      return 127;
    }
    const body = text.startsWith('#!') ? text.slice(text.indexOf('\n') + 1) : text;
    return finish(await shell.run(tailcalls(flavor === 'bash' ? withBashSource(body, args[0]!) : body), false, args.slice(1), args[0], await pendingInput(spec)));
  }
  let status = 0;
  for (;;) {
    const chunk = await spec.stdin.read();
    if (chunk === null || spec.signal.aborted) return spec.signal.aborted ? exitForSignal(spec.signal) : status;
    const r = await shell.run(chunk, false);
    emit(r);
    status = r.exitCode;
    if (r.exited) return status;
  }
}

/**
 * The input already waiting on the shell's stdin (a pipe: `echo hi | docker run -i alpine
 * sh -c 'read x'`), up to EOF. just-bash takes a script's stdin as one string when it
 * starts, so it is gathered first; a read that does not answer at once (a terminal, or
 * input still to come) ends the gathering, so a script that never reads its stdin does
 * not wait for it. Input that arrives later is not seen by the script (a Layerlab limit).
 */
async function pendingInput(spec: ProcessSpec): Promise<string> {
  let text = '';
  let pending: Promise<string | null> | undefined;
  for (;;) {
    pending ??= spec.stdin.read();
    const next = await Promise.race([pending, new Promise<undefined>((ok) => setTimeout(ok, 0))]);
    if (next === undefined || next === null || spec.signal.aborted) return text;
    text += next;
    pending = undefined;
  }
}

/** `exec cmd…` lines (not fd redirections like `exec 3>&1`) become tail calls that end the script. */
export function tailcalls(script: string): string {
  return withoutNounset(script).replace(/^(\s*)exec\s+(?!\d*[<>])(.+)$/gm, '$1__layerlab_tailcall $2; exit $?');
}

/**
 * bash sets BASH_SOURCE to the script file it reads (mongo's entrypoint re-executes
 * itself as `gosu mongodb "$BASH_SOURCE" "$@"`); just-bash fills it only for `source`d
 * files, so a script's own references are replaced by its path (quoted where bare).
 */
export function withBashSource(script: string, path: string): string {
  return script.replace(/(")?\$(?:\{BASH_SOURCE(?:\[0\])?\}|BASH_SOURCE\b(?!\[))/g, (_m, q: string | undefined) => (q ? `"${path.replace(/["$`\\]/g, '\\$&')}` : quote(path)));
}

function basenameOf(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
