/**
 * Files of any size are readable by every tool, in the page's conditions:
 * no Buffer and a Chromium worker's stack (as-page-worker.ts). Before the
 * fix, every file over about 62 KB read as "No such file or directory" there
 * while `bin/layerlab` (Node, with Buffer) read it fine.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Line {
  cmd: string;
  stdout: string;
  stderr: string;
  rc: number;
}

/** Runs sessions of lines (a reload between sessions) in a child process shaped like the page's worker. */
function asPageWorker(sessions: string[][]): Line[][] {
  const child = spawnSync(process.execPath, ['--stack-size=500', '--import', 'tsx', resolve(import.meta.dirname, 'as-page-worker.ts'), JSON.stringify(sessions)], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`as-page-worker failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as Line[][];
}

const ok = (cmd: string, stdout = ''): Line => ({ cmd, stdout, stderr: '', rc: 0 });

describe('big files in the page worker', () => {
  it('reads a 1 MB file with every tool, before and after a reload', () => {
    expect(
      asPageWorker([
        ['seq 1 99999 > f', 'cat f f > big', 'wc -c big', 'cat big | tail -n 1', 'head -c 6 big | od -c', 'base64 big | wc -c', 'sha256sum big', 'wc -l < big'],
        ['wc -c big', 'tail -n 1 < big'],
      ]),
    ).toEqual([
      [
        ok('seq 1 99999 > f'),
        ok('cat f f > big'),
        ok('wc -c big', '1177776 big\n'),
        ok('cat big | tail -n 1', '99999\n'),
        ok('head -c 6 big | od -c', '0000000    1  \\n   2  \\n   3  \\n\n0000006\n'),
        ok('base64 big | wc -c', '1591031\n'),
        ok('sha256sum big', '9ae98336ce3f618e16554f94e53c86ca76aab80ab8e50063e60558b81a7ec5c4  big\n'),
        ok('wc -l < big', '199998\n'),
      ],
      [ok('wc -c big', '1177776 big\n'), ok('tail -n 1 < big', '99999\n')],
    ]);
  });

  it('saves an image to a file and loads it back, by -i and by <, before and after a reload', () => {
    const removed = (extra: string[]) =>
      ok('docker rmi alpine', ['Untagged: alpine:latest', ...extra, 'Deleted: sha256:4e41eebd4974d4852cd103e3713c17718852c1641782429fc90614d195a5a6d4', 'Deleted: sha256:836e198c07cb434c29dc4a26b1e3366eacdc1d71008901c99d5bbb52a308d3be', ''].join('\n'));
    expect(
      asPageWorker([
        ['docker pull -q alpine', 'docker save alpine > a.tar', 'wc -c a.tar', 'docker rmi alpine', 'docker load -i a.tar', 'docker rmi alpine', 'docker image load < a.tar'],
        ['wc -c a.tar', 'docker rmi alpine', 'docker load -i a.tar', 'tar -tf a.tar | wc -l'],
      ]),
    ).toEqual([
      [
        ok('docker pull -q alpine', 'docker.io/library/alpine:latest\n'),
        ok('docker save alpine > a.tar'),
        ok('wc -c a.tar', '8081408 a.tar\n'),
        removed(['Untagged: alpine@sha256:720d73d5c6c64c3efc8a88b2e43a8b2096c36f443d037bf993823f7505d09e20']),
        ok('docker load -i a.tar', 'Loaded image: alpine:latest\n'),
        removed([]),
        ok('docker image load < a.tar', 'Loaded image: alpine:latest\n'),
      ],
      [ok('wc -c a.tar', '8081408 a.tar\n'), removed([]), ok('docker load -i a.tar', 'Loaded image: alpine:latest\n'), ok('tar -tf a.tar | wc -l', '10\n')],
    ]);
  });
});
