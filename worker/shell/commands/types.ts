/**
 * Shared types of the host shell's own commands. Each command module exports a
 * factory taking the loaded just-bash module, so that just-bash (about 350 KB
 * gzipped) is only fetched when the first line runs, not before the prompt
 * (design.md §9 budget of 250 KB before the prompt).
 */
import type { Command } from 'just-bash';

/** The just-bash module namespace, loaded with a dynamic `import()`. */
export type JustBash = typeof import('just-bash');

/** A factory of one or more just-bash commands. */
export type CommandFactory = (jb: JustBash) => Command[];

/** Shorthand for a plain text result. */
export function text(stdout: string, stderr = '', exitCode = 0): { stdout: string; stderr: string; exitCode: number } {
  return { stdout, stderr, exitCode };
}

/** Quotes one word for a POSIX shell so that it parses back to exactly itself. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
