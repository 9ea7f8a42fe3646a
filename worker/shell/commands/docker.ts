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
import type { DockerIo } from '../../cli/io.ts';
import type { JustBash, LineHooks } from './types.ts';
import type { ByteStream } from '../../engine/stream.ts';
import { collectBytes } from '../../engine/layer/tar-stream.ts';
import { CliError } from '../../cli/context.ts';
import { StreamOutput, nonEmpty, streamEnds, withoutMarks } from '../stream-pipe.ts';

export type { DockerIo };


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

/**
 * The most a docker command's stdout may be when it goes through just-bash's
 * string (a pipe into another program, `$(...)`): above it the shell would
 * hold the output twice over in memory, and past 512 MiB a string cannot
 * hold it at all. Files and pipes into docker or tar stream instead
 * (stream-pipe.ts).
 */
export const STRING_OUTPUT_LIMIT = 256 * 1024 * 1024;

/** Docker commands that read stdin as a stream (the others get its bytes). */
function streamsStdin(argv: readonly string[]): boolean {
  const sub = argv[0] === 'image' || argv[0] === 'container' ? argv[1] : argv[0];
  return sub === 'load' || sub === 'import';
}

/** The `docker` command. */
export function dockerCommands(jb: JustBash, docker: DockerCommand, hooks: LineHooks): Command[] {
  const command = jb.defineCommand('docker', async (argv, ctx) => {
    const { ends, args } = await streamEnds(ctx, hooks.pipes, argv);
    // bash could not open the `< FILE`: the command does not run.
    if (ends.stdinError !== undefined) return { stdout: '', stderr: ends.stdinError, exitCode: 1 };
    const out = new Output();
    const streamed = new StreamOutput(ends, ctx.fs, hooks.pipes);
    let stderr = '';
    const live = hooks.live('docker');
    const stdinStream = ends.stdin && (await nonEmpty(ends.stdin));
    const io: DockerIo = {
      stdin: latin1ToBytes(latin1FromBytes(ctx.stdin)),
      stdout: live ? (chunk) => live.stdout(chunk) : streamed.connected ? (chunk) => streamed.write(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk) : (chunk) => out.push(chunk),
      stderr: live
        ? (chunk) => live.stderr(chunk)
        : (chunk) => {
            stderr += chunk;
          },
      env: withoutMarks(ctx.exportedEnv ?? Object.fromEntries(ctx.env)),
      cwd: ctx.cwd,
      // The shell's own fs, not just-bash's per-command wrapper of it (which lacks writeStream/readStream, so big files would be gathered whole).
      fs: hostFs(hooks.pipes?.fs ?? ctx.fs, ctx.cwd),
      isTTY: hooks.isTTY('docker'),
      stdinIsTerminal: live !== undefined,
    };
    io.stdoutStream = streamed.connected
      ? (stream) => streamed.stream(stream)
      : async (stream) => {
          const bytes = await collectBytes(stream, STRING_OUTPUT_LIMIT).catch((err: unknown) => {
            if (err instanceof RangeError) throw new CliError(TOO_BIG);
            throw err;
          });
          io.stdout(bytes);
        };
    if (ends.stdin !== undefined) {
      io.stdin = new Uint8Array(0);
      if (stdinStream && streamsStdin(args)) io.stdinStream = stdinStream;
      else if (stdinStream) {
        try {
          io.stdin = await collectBytes(stdinStream, STRING_OUTPUT_LIMIT);
        } catch (err) {
          if (err instanceof RangeError) return { stdout: '', stderr: `docker: read /dev/stdin: ${TOO_BIG_IN}\n`, exitCode: 1 };
          throw err;
        }
      }
    }
    if (hooks.startForeground !== undefined) io.startForeground = hooks.startForeground;
    if (ctx.signal !== undefined) io.signal = ctx.signal;
    if (live?.interrupts) io.interrupts = (on) => live.interrupts!(on);
    if (live?.rawTty) io.tty = live.rawTty;
    const exitCode = await docker(args, io);
    await streamed.finish();
    return { ...out.result(jb, hooks), stderr, exitCode };
  });
  return [command];
}

const TOO_BIG_IN = `this input is larger than ${STRING_OUTPUT_LIMIT / 1024 / 1024} MiB, more than this command can take in one piece in this simulator`;
const TOO_BIG = `write /dev/stdout: this output is larger than ${STRING_OUTPUT_LIMIT / 1024 / 1024} MiB, more than this simulated shell can pass to another program in one piece; write it to a file (-o FILE or > FILE) or pipe it straight into docker load or tar`;
