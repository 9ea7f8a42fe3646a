/**
 * The everyday tools inside containers against the real ones: every line of
 * tools-lines.txt runs as `docker run --rm IMAGE sh -c 'SETUP; cd /w; LINE'` in
 * a session (real engine, overlay filesystem built from the image's layers) and
 * its whole stdout, stderr and exit code are compared with what real busybox
 * (alpine) and GNU coreutils & co. (debian:bookworm) printed for the same line
 * over the same files (fixtures/tools.json, recorded by record-tools.sh).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from '../containers/helpers.ts';

interface Case { line: string; stdout: string; stderr: string; exitCode: number }
interface Recording { what: string; where: string; cases: Case[] }
const fixture = JSON.parse(readFileSync(new URL('./fixtures/tools.json', import.meta.url), 'utf8')) as { busybox: Recording; gnu: Recording };
const SETUP = /^SETUP (.*)$/m.exec(readFileSync(new URL('./tools-lines.txt', import.meta.url), 'utf8'))![1]!;

/** The busybox build alpine 3.22 ships, as its usage texts name it. */
const ALPINE_BUSYBOX = 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.';

/**
 * What must differ between the recording and the simulator, and only that:
 * - modification times: the files were made when each side ran (`ls -l` prints
 *   `Mmm dd HH:MM`, `tar -tv` `YYYY-MM-DD HH:MM[:SS]`), so both sides read `<time>`;
 * - the busybox banner of usage texts: the oracle is Debian's busybox 1.35.0
 *   build, alpine 3.22 ships 1.37.0 (same texts for these applets; the banner
 *   names the build).
 */
function normalize(s: string): string {
  return s
    .replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d (\d\d:\d\d| \d{4})\b/g, '<time>')
    .replace(/(?<!\()\b\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?\b/g, '<time>')
    .replace(/^BusyBox v1\.35\.0 \(Debian [^)]*\) multi-call binary\.$/gm, ALPINE_BUSYBOX);
}

/** One case as a transcript block, so a mismatch shows as a readable line diff. */
function block(c: Case): string {
  return `$ ${c.line}\n${c.stdout}${c.stderr ? `[stderr]\n${c.stderr}` : ''}[exit ${c.exitCode}]\n`;
}

async function runAll(image: string, cases: Case[]): Promise<{ actual: string; expected: string }> {
  const s = await createSession({ store: new MemoryStore(), preload: [image], clock: () => NOW, random: seeded(5) });
  const actual: Case[] = [];
  for (const c of cases) {
    const r = await s.runLine(`docker run --rm ${image} sh -c '${SETUP}; cd /w; ${c.line}'`);
    actual.push({ line: c.line, stdout: normalize(r.stdout), stderr: normalize(r.stderr), exitCode: r.rc });
  }
  const expected = cases.map((c) => ({ line: c.line, stdout: normalize(c.stdout), stderr: normalize(c.stderr), exitCode: c.exitCode }));
  return { actual: actual.map(block).join('\n'), expected: expected.map(block).join('\n') };
}

describe('tools inside containers print what the real tools print', () => {
  it(`alpine: busybox applets (${fixture.busybox.what.split('\n')[0]})`, async () => {
    const { actual, expected } = await runAll('alpine', fixture.busybox.cases);
    expect(actual).toEqual(expected);
  }, 300_000);

  it('debian: GNU coreutils, grep, sed, findutils, diffutils, tar under dash', async () => {
    const { actual, expected } = await runAll('debian', fixture.gnu.cases);
    expect(actual).toEqual(expected);
  }, 300_000);
});

describe('$BASH_VERSION is the bash the image installs', () => {
  // Debian 12: bash 5.2.15-2+b8 (the host's `bash --version`: 5.2.15(1)-release); Ubuntu 24.04:
  // bash 5.2.21-2ubuntu4 → 5.2.21(1)-release; Alpine 3.22: bash 5.2.37-r0 → 5.2.37(1)-release.
  it.each([
    ['debian', '', '5.2.15(1)-release'],
    ['ubuntu', '', '5.2.21(1)-release'],
    ['alpine', 'apk add bash > /dev/null && ', '5.2.37(1)-release'],
  ])('%s', async (image, before, version) => {
    const s = await createSession({ store: new MemoryStore(), preload: [image], clock: () => NOW, random: seeded(5) });
    const r = await s.runLine(`docker run --rm ${image} sh -c '${before}bash -c "echo \\$BASH_VERSION \\\${BASH_VERSION}"'`);
    expect([r.stdout, r.stderr, r.rc]).toEqual([`${version} ${version}\n`, '', 0]);
  }, 60_000);
});
