/**
 * The review test of issue 10: a lesson page (its prose and the sentences
 * of its frontmatter) must not share a run of eight or more words with its
 * seed chapter. Lessons are written fresh in our own words; commands and
 * their output (code blocks and code spans) are meant to match and are left
 * out. The seeds are compared through their hashed shingles
 * (test/lessons/seeds/*.json, generate.ts), so the test runs without them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readLessonFiles } from '../../worker/lessons/load-dir.ts';
import type { LessonFile } from '../../worker/lessons/compile.ts';
import { proseSegments, SHINGLE, shingleHash, shingles, words } from './shingles.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The hashes of a seed chapter's shingles. */
function seedHashes(seed: string): Set<string> {
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, `seeds/${seed}.json`), 'utf8')) as { shingle: number; hashes: string[] };
  expect(file.shingle).toEqual(SHINGLE);
  return new Set(file.hashes);
}

/** The prose of a lesson file: its body and the sentences of its frontmatter (title, summary, hints, questions, goal sentences). */
function prose(file: LessonFile): string[][] {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(file.text);
  const fm = (m ? parse(m[1]!) : {}) as Record<string, unknown>;
  const body = m ? file.text.slice(m[0].length) : file.text;
  const sentences: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') sentences.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect([fm.title, fm.summary, fm.hints]);
  for (const q of (fm.questions as Array<Record<string, unknown>> | undefined) ?? []) collect([q.ask, q.choice, q.why]);
  for (const c of (fm.goal as Array<Record<string, unknown>> | undefined) ?? []) collect(c.say);
  return [...proseSegments(body), ...sentences.flatMap((s) => proseSegments(s))];
}

/** The runs of a text found in the seed's hashes. */
function shared(segments: string[][], hashes: Set<string>): string[] {
  return shingles(segments)
    .filter((s) => hashes.has(s.hash))
    .map((s) => s.run);
}

describe('review: no run of 8 words shared with the seed chapter', () => {
  const files = readLessonFiles(resolve(ROOT, 'lessons'));
  const seeds = new Map<string, string>();
  for (const f of files.filter((f) => f.path.endsWith('/meta.md'))) {
    const seed = /^seed:\s*["']?(\d{3})/m.exec(f.text)?.[1];
    if (seed) seeds.set(f.path.split('/')[1]!, seed);
  }

  it('has the hashes of the five seed chapters', () => {
    expect(['000', '001', '002', '003', '004'].map((s) => seedHashes(s).size > 100)).toEqual([true, true, true, true, true]);
  });

  it('every lesson file of lessons/ is in its own words', () => {
    const found: Record<string, string[]> = {};
    for (const f of files) {
      const seed = seeds.get(f.path.split('/')[1]!);
      if (seed === undefined) continue;
      const runs = shared(prose(f), seedHashes(seed));
      if (runs.length > 0) found[f.path] = runs;
    }
    expect(found).toEqual({});
  });

  it('finds a shared run, and only one of 8 words or more (a made-up seed)', () => {
    const seed = 'Containers are ephemeral: they are created and destroyed, while images stay.\n\n```sh\ndocker run hello world and then some more words here\n```\n';
    const hashes = new Set(shingles(proseSegments(seed)).map((s) => s.hash));
    const page = (text: string) => shared(prose({ path: 'lessons/01-x/01-y/content.md', text: `---\ntitle: T\nhints: ["${text}"]\n---\n` }), hashes);
    expect(page('As we said, containers are ephemeral: THEY are created and destroyed.')).toEqual(['containers are ephemeral they are created and destroyed']);
    expect(page('Containers are ephemeral; they are created, then destroyed.')).toEqual([]);
    expect(page('`docker run hello world and then some more words here`')).toEqual([]);
    expect(shingleHash(words('a b c d e f g h'))).toMatch(/^[0-9a-f]{12}$/);
  });
});
