/**
 * The container's commands as just-bash custom commands. Each one looks its name up on
 * the shell's PATH in the container filesystem, exactly as the shell would, and runs
 * what it finds (resolve.ts, run.ts); a name with no executable is the shell's
 * "not found". The dispatcher runs executables the interpreter found outside /bin and
 * /usr/bin (shell-fs.ts).
 */
import type { Command, ExecResult } from 'just-bash';
import { APPLETS } from '../../registry/alpine.ts';
import type { ProcessSpec } from '../process.ts';
import { stdinOf } from '../program.ts';
import { identify, lookPath } from '../resolve.ts';
import type { Resolved } from '../resolve.ts';
import { execResolved } from '../run.ts';
import type { JustBash } from '../builtins.ts';
import { OWN_BUILTINS, SHELL_BUILTINS } from './shell-fs.ts';

type Ctx = Parameters<Command['execute']>[1];

/** Every command name the shell hands to us (all that our images and packages install). */
export const COMMAND_NAMES: readonly string[] = [...new Set([
  ...Object.values(APPLETS).join(' ').split(' '),
  ...'busybox sh ash bash dash apk apt apt-get apt-cache dpkg dpkg-query figlet node nodejs npm npx python python3 pip pip3 nginx hello curl wget jq git tree vim vi nano less more'.split(' '),
  ...'arch base64 basename cat chgrp chmod chown cp cut date dd df dirname du echo env expand expr false fold head hostid hostname id ln ls md5sum mkdir mktemp mv nl nproc od paste printenv printf pwd readlink realpath rm rmdir seq sha1sum sha256sum sleep sort split stat tac tail tee touch tr true uname uniq unexpand wc whoami yes grep egrep fgrep sed find xargs diff which mawk awk ps ip'.split(' '),
])].filter((n) => !['[', '[[', 'test', ...SHELL_BUILTINS, ...OWN_BUILTINS].includes(n));

/** What the commands need from their shell. */
export interface ShellLink {
  spec: ProcessSpec;
  /** The signal of the line being run (Ctrl-C interrupts it). */
  signal(): AbortSignal;
  /** Whether commands of the current line write to the terminal (ls then prints columns). */
  tty(): boolean;
  /** Records a script's final `exec argv…` to run once the script's output is written. */
  tailcall(argv: string[], env: Record<string, string>, cwd: string): void;
  /** The `trap` builtin: sets, resets or lists the shell's handlers. */
  trap(args: string[]): ExecResult;
}

async function runChild(link: ShellLink, ctx: Ctx, argv: string[], found: Resolved): Promise<ExecResult> {
  let stdout = '';
  let stderr = '';
  const env = ctx.exportedEnv && Object.keys(ctx.exportedEnv).length > 0 ? { ...ctx.exportedEnv } : Object.fromEntries(ctx.env);
  const child: ProcessSpec = {
    ...link.spec,
    argv,
    env,
    cwd: ctx.cwd,
    tty: link.tty(),
    stdin: stdinOf(ctx.stdin as unknown as string),
    stdout: (s) => { stdout += s; },
    stderr: (s) => { stderr += s; },
    signal: link.signal(),
    // A child is not PID 1: the handlers it installs are its own, not the container's init's.
    caught: new Set(),
  };
  try {
    const exitCode = await execResolved(child, found);
    return { stdout, stderr, exitCode };
  } catch (e) {
    // A script whose interpreter is missing: the shell reports the script as not found.
    return { stdout, stderr: stderr + `bash: ${argv[0]}: ${(e as Error).message}\n`, exitCode: 127 };
  }
}

/** The custom commands for a shell over `link.spec.fs`. */
export function containerCommands(jb: JustBash, link: ShellLink): Command[] {
  const named = COMMAND_NAMES.map((name) => jb.defineCommand(name, async (args, ctx) => {
    const found = await lookPath(link.spec.fs, name, ctx.env.get('PATH'), ctx.cwd);
    if ('missing' in found) return { stdout: '', stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
    return runChild(link, ctx, [name, ...args], found);
  }));
  const dispatcher = jb.defineCommand('__layerlab_exec', async (args, ctx) => {
    const [path = '', ...positional] = args;
    // just-bash sets only $1…$9 for a script it runs; $@ beyond that is rebuilt from
    // its space-joined "$@" (arguments past the ninth cannot contain spaces then).
    const count = Number(ctx.env.get('#') ?? positional.length);
    const rest = count > 9 ? [...positional.slice(0, 9), ...(ctx.env.get('@') ?? '').slice(positional.slice(0, 9).join(' ').length + 1).split(' ')] : positional;
    const found = await identify(link.spec.fs, path);
    return runChild(link, ctx, [path, ...rest], found);
  });
  const tailcall = jb.defineCommand('__layerlab_tailcall', async (args, ctx) => {
    const env = ctx.exportedEnv && Object.keys(ctx.exportedEnv).length > 0 ? { ...ctx.exportedEnv } : Object.fromEntries(ctx.env);
    link.tailcall(args, env, ctx.cwd);
    return { stdout: '', stderr: '', exitCode: 0 };
  });
  // umask: runc starts every process with 0022. Files here are created with fixed modes
  // (0644/0755) whatever the mask, so setting one is accepted and changes nothing; a
  // later `umask` still prints 0022 (a custom command cannot keep shell state).
  const umask = jb.defineCommand('umask', async (args) => {
    const opts = args.filter((a) => a.startsWith('-'));
    const mask = args.find((a) => !a.startsWith('-'));
    if (mask !== undefined) {
      if (/^[0-7]{1,4}$/.test(mask)) return { stdout: '', stderr: '', exitCode: 0 };
      return { stdout: '', stderr: `bash: umask: ${mask}: octal number out of range\n`, exitCode: 1 };
    }
    return { stdout: opts.includes('-S') ? 'u=rwx,g=rx,o=rx\n' : '0022\n', stderr: '', exitCode: 0 };
  });
  const trap = jb.defineCommand('trap', async (args) => link.trap(args));
  return [...named, dispatcher, tailcall, umask, trap];
}
