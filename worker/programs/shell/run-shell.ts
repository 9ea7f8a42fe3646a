/**
 * A shell as a whole process (not interactive): `sh -c 'script' [name args…]`,
 * `bash script.sh args…`, or commands read from stdin until EOF (`docker run -i alpine`
 * fed by a pipe). Output is written when each line or script finishes.
 */
import type { ExitCode, ProcessSpec } from '../process.ts';
import { absolutePath } from '../resolve.ts';
import type { ShellFlavor } from '../run.ts';
import { ContainerShell } from './container-shell.ts';

/** Runs the shell spec.argv describes and returns its exit status. */
export async function runShellProcess(spec: ProcessSpec, flavor: ShellFlavor, argv0: string): Promise<ExitCode> {
  const args = spec.argv.slice(1);
  // Options before the script: -c takes the script from the next argument; -e/-x/-l/-i are accepted.
  let command: string | undefined;
  while (args.length > 0 && /^-[a-z]+$/.test(args[0]!)) {
    const opt = args.shift()!;
    if (opt.includes('c')) command = args.shift() ?? '';
  }
  const name = basenameOf(argv0);
  const shell = new ContainerShell(spec, flavor, command !== undefined ? name : argv0);
  const emit = (r: { stdout: string; stderr: string }): void => {
    if (r.stdout) spec.stdout(r.stdout);
    if (r.stderr) spec.stderr(r.stderr);
  };
  if (command !== undefined) {
    const r = await shell.run(command, false, args.slice(1));
    emit(r);
    return r.exitCode;
  }
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
    const r = await shell.run(body, false, args.slice(1));
    emit(r);
    return r.exitCode;
  }
  let status = 0;
  for (;;) {
    const chunk = await spec.stdin.read();
    if (chunk === null || spec.signal.aborted) return spec.signal.aborted ? 130 : status;
    const r = await shell.run(chunk, false);
    emit(r);
    status = r.exitCode;
    if (r.exited) return status;
  }
}

function basenameOf(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
