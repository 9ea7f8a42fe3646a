/**
 * Shared types of the host shell's own commands. Each command module exports a
 * factory taking the loaded just-bash module, so that just-bash (about 350 KB
 * gzipped) is only fetched when the first line runs, not before the prompt
 * (design.md §9 budget of 250 KB before the prompt).
 */

import type { StartForeground } from '../foreground.ts';
import type { RawTty } from '../../engine-api/types.ts';
import type { StreamPipes } from '../stream-pipe.ts';

/** The terminal's streams, written at once. */
export interface LiveOutput {
  stdout(chunk: string | Uint8Array): void;
  stderr(chunk: string): void;
  /**
   * The command takes the terminal's Ctrl-C itself until it calls the
   * returned release: each press calls `onInterrupt` (the tty echoes `^C`)
   * and the command goes on, as a process that catches SIGINT does
   * (`docker run`'s signal proxy). Absent where no terminal sends it.
   */
  interrupts?(onInterrupt: () => void): () => void;
  /** The terminal in raw mode, for `docker run -it` on a real engine (engine-api RawTty). Absent where no terminal sends keys. */
  rawTty?: RawTty;
}

/** The just-bash module namespace, loaded with a dynamic `import()`. */
export type JustBash = typeof import('just-bash');

/** What the host shell tells its commands about the line being run. */
export interface LineHooks {
  /** Whether the command `name` writes to the terminal in this line (see terminal.ts). */
  isTTY(name: string): boolean;
  /**
   * Reports bytes a command wrote as binary stdout. just-bash decodes a
   * line's final stdout to a string, so the shell uses these to give the exact
   * bytes back when they are all the line printed (`docker save alpine`).
   */
  binary(bytes: Uint8Array): void;
  /**
   * Where `name` may write as it goes (docker's pull and build progress):
   * the terminal, when the line is that command alone; else undefined and
   * its output is collected like any command's.
   */
  live(name: string): LiveOutput | undefined;
  /** Hands the terminal to a program after this line; absent where nothing can take it (exec scripts). */
  startForeground?: StartForeground;
  /** The line's streams between our own commands (stream-pipe.ts); absent where the shell connects none. */
  pipes?: StreamPipes;
}

/** Shorthand for a plain text result. */
export function text(stdout: string, stderr = '', exitCode = 0): { stdout: string; stderr: string; exitCode: number } {
  return { stdout, stderr, exitCode };
}

/** The `--version` text of a GNU program (`name (package) version`, copyright year, authors). */
export function gnuVersion(head: string, year: number, authors: string): string {
  return `${head}
Copyright (C) ${year} Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by ${authors}.
`;
}

/** Quotes one word for a POSIX shell so that it parses back to exactly itself. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
