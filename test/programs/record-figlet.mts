/**
 * Records real figlet 2.2.5 output (Debian's /usr/bin/figlet) for figlet.test.ts:
 *     apt-get install -y figlet && npx tsx test/programs/record-figlet.mts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/** The cases: [font, text]. */
export const CASES: Array<[string, string]> = [];
for (const t of ['hello', 'hello world this is a long line of text', 'Docker!', 'a b', 'Hello, World', 'ourfiglet', 'Layerlab 2025', 'The quick brown fox jumps over the lazy dog']) {
  for (const f of ['standard', 'slant', 'big', 'banner', 'small', 'block', 'lean', 'mini', 'script']) CASES.push([f, t]);
}

if (process.argv[1]?.endsWith('record-figlet.mts')) {
  const version = execFileSync('/usr/bin/figlet', ['-v'], { encoding: 'utf8' }).split('\n')[2];
  const out = CASES.map(([font, text]) => ({ font, text, stdout: execFileSync('/usr/bin/figlet', ['-f', font, text], { encoding: 'utf8' }) }));
  writeFileSync(new URL('./fixtures/figlet.json', import.meta.url), JSON.stringify({ recordedWith: version, cases: out }, null, 1) + '\n');
}
