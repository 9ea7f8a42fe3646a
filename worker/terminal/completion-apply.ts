/**
 * What Tab does with a set of candidates, as readline's `complete` does it:
 * one candidate replaces the word and adds its suffix (a space, or `/` after
 * a directory); several extend the word to their longest common prefix; when
 * nothing can be added, the terminal bell rings, and a second Tab in a row
 * lists the candidates (`show-all-if-ambiguous` off, bash's default).
 */
import type { LineState } from './line-buffer.ts';
import { replaceBeforeCursor } from './line-buffer.ts';

/** One possible completion of the word before the cursor. */
export interface Candidate {
  /** What replaces the word (quoted as the shell needs it). */
  value: string;
  /** What the listing shows (a file's base name, a command name). */
  display: string;
  /** Appended after a unique match: `' '`, `'/'` for a directory, or `''`. */
  suffix: string;
}

/** The candidates for the word that starts at `start` and ends at the cursor. */
export interface Completions {
  start: number;
  candidates: Candidate[];
}

/** Computes completions of `line` at `cursor`. */
export type Completer = (line: string, cursor: number) => Promise<Completions>;

/** The line after Tab, and whether to ring the bell or list candidates. */
export interface TabResult {
  line: LineState;
  bell: boolean;
  /** The candidates to list (display names, sorted), on a second Tab. */
  list?: string[];
}

/** Applies one Tab press. */
export async function applyCompletion(complete: Completer, line: LineState, secondTab: boolean): Promise<TabResult> {
  const { start, candidates } = await complete(line.text, line.cursor);
  const word = line.text.slice(start, line.cursor);
  const unique = dedupe(candidates);
  if (unique.length === 0) return { line, bell: true };
  if (unique.length === 1) {
    const c = unique[0]!;
    return { line: replaceBeforeCursor(line, start, c.value + c.suffix), bell: false };
  }
  const prefix = commonPrefix(unique.map((c) => c.value));
  if (prefix.length > word.length) return { line: replaceBeforeCursor(line, start, prefix), bell: false };
  if (secondTab) return { line, bell: false, list: [...new Set(unique.map((c) => c.display))].sort() };
  return { line, bell: true };
}

function dedupe(cs: readonly Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of cs) if (!seen.has(c.value)) seen.set(c.value, c);
  return [...seen.values()];
}

/** Longest common prefix of the strings. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) {
    let i = 0;
    while (i < p.length && i < w.length && p[i] === w[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}
