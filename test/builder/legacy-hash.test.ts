/**
 * The legacy builder's COPY/ADD history hashes (`COPY file:<hex> in /`,
 * `dir:`, `multi:`) are moby's tarsum-based source hashes, so they must equal
 * the real engine's to the character. The golden replay labels 64-hex IDs and
 * cannot tell a wrong hash from a right one, so this test runs the recorded
 * lines of test/golden/fixtures/build-fidelity.json (from the context files to
 * the second `docker history`) and compares each history's whole stdout with
 * the recording, unnormalized: a file, a directory (itself and its entries), a
 * subdirectory, ADD, several sources, and the same file after `chmod 755`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builderSession } from './helpers.ts';

interface Entry {
  cmd: string;
  stdout: string;
  rc: number;
}

const fixture = JSON.parse(readFileSync(new URL('../golden/fixtures/build-fidelity.json', import.meta.url), 'utf8')) as Entry[];

describe('legacy builder source hashes (moby tarsum)', () => {
  it('COPY/ADD history hashes equal the ones a real engine recorded', async () => {
    const s = await builderSession();
    const first = fixture.findIndex((e) => e.cmd.startsWith('printf \'hello\\n\' > hello.txt'));
    const setup = fixture.slice(first, first + 2);
    const start = fixture.findIndex((e) => e.cmd.includes('COPY hello.txt /\\nCOPY dir /dir'));
    const hashed = fixture.slice(start, fixture.findIndex((e, i) => i > start && e.cmd.includes('docker history --no-trunc') && e.cmd.includes('hash:2')) + 1);
    expect(hashed.filter((e) => e.cmd.startsWith('docker history')).length).toBe(2);
    for (const e of [...setup, ...hashed]) {
      const got = await s.line(e.cmd);
      expect({ cmd: e.cmd, rc: got.rc }).toEqual({ cmd: e.cmd, rc: e.rc });
      if (e.cmd.startsWith('docker history')) expect(got.stdout).toBe(e.stdout);
    }
  });
});
