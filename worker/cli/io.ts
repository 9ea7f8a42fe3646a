/**
 * What a docker command gets from its caller besides its argv: the process
 * streams, the environment, the host filesystem and the terminal. The CLI
 * defines it; the shell (worker/shell/commands/docker.ts) and bin/ adapt
 * theirs to it, so the CLI depends on no shell.
 */
import type { ByteStream } from '../engine/stream.ts';
import type { RawTty } from '../engine-api/types.ts';

/** What `stat` reports; `mode` holds the permission bits only (0o755), like Go's `fs.FileMode.Perm()`. */
export interface HostStat {
  type: 'file' | 'directory' | 'symlink';
  mode: number;
  size: number;
  mtime: Date;
  /** Owner: every file of the learner's machine belongs to the learner (`ls -l` says so), as `docker cp -a` keeps. */
  uid: number;
  gid: number;
}

/** The host filesystem as the docker CLI needs it (the shell adapts its own to this). All paths may be relative to `cwd`. */
export interface CliFs {
  /** The directory relative paths resolve against. */
  readonly cwd: string;
  /** Resolves `path` against `cwd` into an absolute, normalized path. */
  resolve(path: string): string;
  /** Exact bytes of a file; rejects with an `ENOENT`/`EISDIR` error when it cannot. */
  readFile(path: string): Promise<Uint8Array>;
  /** Creates or replaces a file with exactly these bytes (a string is written as UTF-8). */
  writeFile(path: string, data: Uint8Array | string, mode?: number): Promise<void>;
  /** Whether anything exists at `path` (following symlinks). */
  exists(path: string): Promise<boolean>;
  /** Type, permission bits, size and mtime; does not follow a final symlink (`lstat`). */
  stat(path: string): Promise<HostStat>;
  /** Target of a symlink. */
  readlink(path: string): Promise<string>;
  /** Entry names of a directory, sorted by byte order as Go's `os.ReadDir` returns them. */
  readdir(path: string): Promise<string[]>;
  /** `mkdir -p`. */
  mkdir(path: string): Promise<void>;
  /** `rm -rf`: removes a file or a whole tree; a missing path is not an error. */
  rm(path: string): Promise<void>;
  /** Creates or replaces a file with a stream's bytes, never holding them whole where the fs can (big home files are stored in chunks); resolves to the bytes written. */
  writeStream(path: string, chunks: ByteStream, mode?: number): Promise<number>;
  /** A file's bytes chunk by chunk; the first read rejects with `ENOENT`/`EISDIR` as readFile does. */
  readStream(path: string): ByteStream;
}

/** What a program prints for one line; `exitCode` is set once it has ended. */
export interface ForegroundOutput {
  stdout: string;
  stderr: string;
  exitCode?: number;
}

/** A program that reads the lines typed while it runs in the foreground. */
export interface ForegroundProgram {
  /** The program's own prompt (`/ # ` for an alpine sh). */
  prompt(): string;
  /** Handles one typed line. */
  feed(line: string): Promise<ForegroundOutput>;
  /** Ctrl-D at the start of a line: end of input. */
  eof?(): Promise<ForegroundOutput>;
  /** Ctrl-C: SIGINT. */
  interrupt?(): Promise<ForegroundOutput>;
  /**
   * Present when the program can be left running (a container's terminal):
   * Docker's detach keys, Ctrl-P Ctrl-Q, give the terminal back without
   * ending it; `docker attach` re-enters it.
   */
  detachable?: true;
  /** Told once the terminal has detached from it (a reload then no longer brings the learner back into it). */
  detached?(): Promise<void>;
}

/** Starts `program` in the foreground once the current line has finished. */
export type StartForeground = (program: ForegroundProgram) => void;

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
   * redirection, a pipe into a streaming command: worker/shell/stream-pipe.ts);
   * resolves once the destination took it. Absent: write the bytes with `stdout`.
   */
  stdoutStream?(stream: ByteStream): Promise<void>;
  /** Stdin as a stream, where the shell connected one (`< FILE`, a pipe from a streaming command); `stdin` is then empty. */
  stdinStream?: ByteStream;
  /** The exported environment of the command (`DOCKER_BUILDKIT`, `HOME`, ...). */
  env: Record<string, string>;
  /** The shell's working directory. */
  cwd: string;
  /** The host filesystem, relative paths resolved against `cwd`. */
  fs: CliFs;
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
  /** The terminal in raw mode for `-it` on a real engine (LiveOutput.rawTty); absent when the line is not docker alone at a terminal. */
  tty?: RawTty;
}
