/**
 * Writes test/lessons/seeds/NNN.json from the seed chapters (default
 * ../shared/seeds, or the directory given): the sorted hashes of every
 * 8-word run of each chapter's prose (shingles.ts). Run it when a seed
 * chapter changes:
 *
 *     npx tsx test/lessons/seeds/generate.ts [/path/to/seeds]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { proseSegments, SHINGLE, shingles } from '../shingles.ts';

const here = import.meta.dirname;
const dir = resolve(process.argv[2] ?? join(here, '../../../../shared/seeds'));
for (const name of readdirSync(dir).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort()) {
  const seed = name.slice(0, 3);
  const hashes = [...new Set(shingles(proseSegments(readFileSync(join(dir, name), 'utf8'))).map((s) => s.hash))].sort();
  writeFileSync(join(here, `${seed}.json`), `${JSON.stringify({ seed, source: name, shingle: SHINGLE, hashes })}\n`);
  console.log(`${seed}.json: ${hashes.length} shingles of ${name}`);
}
