/**
 * Word shingles for the review test: the prose of a markdown text (fenced
 * code blocks and inline code left out: commands and their output are meant
 * to be the same as the chapter's), cut into runs of {@link SHINGLE} words,
 * each kept only as a short hash. The seed chapters live outside the
 * repository; their hashes (test/lessons/seeds/*.json, written by
 * generate.ts) let CI compare without the seed text.
 */
import { createHash } from 'node:crypto';

/** A run of this many words shared with the seed chapter fails the review. */
export const SHINGLE = 8;

/**
 * The prose segments of a markdown text, each a list of normalized words.
 * A segment ends at a code block or code span, so no run crosses one.
 */
export function proseSegments(markdown: string): string[][] {
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '\u0000');
  return withoutFences
    .split(/\u0000|`[^`\n]*`/)
    .map((part) => words(part))
    .filter((w) => w.length > 0);
}

/** Lowercase words, typographic quotes folded, markdown punctuation dropped: "It's" → `it's`. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) ?? []
  );
}

/** The hash of one run of words (12 hex digits of its SHA-256). */
export function shingleHash(run: readonly string[]): string {
  return createHash('sha256').update(run.join(' ')).digest('hex').slice(0, 12);
}

/** Every run of {@link SHINGLE} words of the segments, with its hash. */
export function shingles(segments: readonly string[][]): Array<{ run: string; hash: string }> {
  const out: Array<{ run: string; hash: string }> = [];
  for (const seg of segments) {
    for (let i = 0; i + SHINGLE <= seg.length; i++) {
      const run = seg.slice(i, i + SHINGLE);
      out.push({ run: run.join(' '), hash: shingleHash(run) });
    }
  }
  return out;
}
