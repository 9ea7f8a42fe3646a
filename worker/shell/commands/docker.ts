/**
 * The bridge from the shell to the docker CLI: `docker ...` in a command line
 * calls the session's {@link DockerCommand} with the argv after `docker`, the
 * command's stdin, exported environment (so `DOCKER_BUILDKIT=0 docker build`
 * reaches the CLI as it does through execve) and the host filesystem.
 *
 * just-bash commands return their output instead of streaming it, so the
 * chunks the CLI writes are collected; as soon as one chunk is bytes the
 * whole stdout is returned as bytes, which redirections write exactly
 * (`docker save > x.tar`).
 */
import { bytesOutput, latin1FromBytes, unsafeBytesFromLatin1 } from '../bytes.ts';
import type { Command, ExecResult } from 'just-bash';
import { hostFs } from '../host-fs.ts';
import { bytesToLatin1, latin1ToBytes } from '../output.ts';
import type { HostFs } from '../host-fs.ts';
import type { StartForeground } from '../foreground.ts';
import type { JustBash, LineHooks } from './types.ts';
import type { ByteStream } from '../../engine/stream.ts';

/** What the docker CLI gets besides its argv. */
export interface DockerIo {
  /** Everything piped or redirected into the command. */
  stdin: Uint8Array;
  /** Writes to stdout; bytes are kept exactly, strings are UTF-8. */
  stdout(chunk: string | Uint8Array): void;
  /** Writes to stderr. */
  stderr(chunk: string): void;
  /**
   * Hands a stream to stdout, where the shell connected one (a `> FILE`
   * redirection, a pipe into a streaming command: stream-pipe.ts); resolves
   * once the destination took it. Absent: write the bytes with `stdout`.
   */
  stdoutStream?(stream: ByteStream): Promise<void>;
  /** Stdin as a stream, where the shell connected one (`< FILE`, a pipe from a streaming command); `stdin` is then empty. */
  stdinStream?: ByteStream;
  /** The exported environment of the command (`DOCKER_BUILDKIT`, `HOME`, ...). */
  env: Record<string, string>;
  /** The shell's working directory. */
  cwd: string;
  /** The host filesystem, relative paths resolved against `cwd`. */
  fs: HostFs;
  /** Whether stdout is the terminal: docker ends its pipeline, unredirected, outside `$(...)`. */
  isTTY: boolean;
  /**
   * Whether stdin is the terminal: docker is the line's only command, with no
   * redirection, on a terminal. A question (`docker image prune`) then waits
   * for the learner's answer instead of reading the empty pipe.
   */
  stdinIsTerminal?: boolean;
  /**
   * Gives the terminal to a program once this command returns (`docker run
   * -it`): the lines typed next go to it. Absent when no terminal can be
   * handed over.
   */
  startForeground?: StartForeground;
  /** Aborted by Ctrl-C at the terminal (SIGINT to the docker CLI process). */
  signal?: AbortSignal;
  /** Catches the terminal's Ctrl-C instead of being aborted by it (LiveOutput.interrupts); absent when the line is not docker alone at a terminal. */
  interrupts?: (onInterrupt: () => void) => () => void;
}

/**
 * The docker CLI entry: argv without `docker`; resolves to the exit code.
 * `hostNetwork` gives the host's view of the lab network (published ports,
 * container addresses) to the host's own network tools (curl.ts).
 */
export type DockerCommand = ((argv: string[], io: DockerIo) => Promise<number>) & { hostNetwork?: () => Promise<import('../../engine/network/lab.ts').ProcessNetwork> };

/** Joins output chunks; text stays text until a byte chunk arrives. */
class Output {
  #chunks: Array<string | Uint8Array> = [];
  #binary = false;

  push(chunk: string | Uint8Array): void {
    if (typeof chunk !== 'string') this.#binary = true;
    this.#chunks.push(chunk);
  }

  result(jb: JustBash, hooks: LineHooks): Pick<ExecResult, 'stdout' | 'stdoutKind' | 'stdoutEncoding'> {
    if (!this.#binary) return { stdout: this.#chunks.join('') };
    const encoder = new TextEncoder();
    const parts = this.#chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c));
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    hooks.binary(bytes);
    return bytesOutput(unsafeBytesFromLatin1(bytesToLatin1(bytes)));
  }
}

/** The `docker` command. */
export function dockerCommands(jb: JustBash, docker: DockerCommand, hooks: LineHooks): Command[] {
  const command = jb.defineCommand('docker', async (args, ctx) => {
    const out = new Output();
    let stderr = '';
    const live = hooks.live('docker');
    const io: DockerIo = {
      stdin: latin1ToBytes(latin1FromBytes(ctx.stdin)),
      stdout: live ? (chunk) => live.stdout(chunk) : (chunk) => out.push(chunk),
      stderr: live
        ? (chunk) => live.stderr(chunk)
        : (chunk) => {
            stderr += chunk;
          },
      env: { ...(ctx.exportedEnv ?? Object.fromEntries(ctx.env)) },
      cwd: ctx.cwd,
      fs: hostFs(ctx.fs, ctx.cwd),
      isTTY: hooks.isTTY('docker'),
      stdinIsTerminal: live !== undefined,
    };
    if (hooks.startForeground !== undefined) io.startForeground = hooks.startForeground;
    if (ctx.signal !== undefined) io.signal = ctx.signal;
    if (live?.interrupts) io.interrupts = (on) => live.interrupts!(on);
    const exitCode = await docker(args, io);
    return { ...out.result(jb, hooks), stderr, exitCode };
  });
  return [command];
}
