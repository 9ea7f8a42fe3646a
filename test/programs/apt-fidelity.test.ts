/**
 * apt-get in the debian image against real apt 2.6.1 in a Debian 12 root made
 * as the image is made (fixtures/apt-bookworm.json, recorded by
 * record-apt.sh): the same lines, in order, in one container. Normalized on
 * both sides: what the date of the archive decides (index and package sizes,
 * the download rate and time, how many installed packages have updates, how
 * many files the base system holds).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from '../containers/helpers.ts';

interface Case { line: string; stdout: string; stderr: string; rc: number }
const fixture = JSON.parse(readFileSync(new URL('./fixtures/apt-bookworm.json', import.meta.url), 'utf8')) as { cases: Case[] };

function normalize(s: string): string {
  return s
    .replace(/\[\d+(?:\.\d+)? (?:B|kB|MB)\]$/gm, '[<size>]')
    .replace(/^Fetched \d+(?:\.\d+)? (?:B|kB|MB) in \d+s \(\d+(?:\.\d+)? (?:B|kB|MB)\/s\)/gm, 'Fetched <size> in <time> (<rate>)')
    .replace(/\d+ not upgraded\./g, '<n> not upgraded.')
    .replace(/\(Reading database \.\.\. \d+ files/g, '(Reading database ... <n> files');
}

const block = (c: Case): string => `$ ${c.line}\n${normalize(c.stdout)}[stderr]\n${normalize(c.stderr)}[exit ${c.rc}]\n`;

describe('apt-get against real apt', () => {
  it('prints what apt 2.6.1 prints in a fresh debian:bookworm, line by line', async () => {
    const s = await createSession({ store: new MemoryStore(), preload: ['debian'], clock: () => NOW, random: seeded(5) });
    expect((await s.runLine('docker run -d --name apt-lab debian sleep 1000')).rc).toBe(0);
    const actual: string[] = [];
    for (const c of fixture.cases) {
      const r = await s.runLine(`docker exec apt-lab sh -c '${c.line}'`);
      actual.push(block({ line: c.line, stdout: r.stdout, stderr: r.stderr, rc: r.rc }));
    }
    expect(actual.join('\n')).toBe(fixture.cases.map(block).join('\n'));
  });
});
