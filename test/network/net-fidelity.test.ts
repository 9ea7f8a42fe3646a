/**
 * curl and busybox wget in the lab against the nginx container, line by line
 * against what the real tools printed against a real nginx serving the same
 * page (test/programs/net-lines.txt, recorded by record-net.sh into
 * fixtures/net.json). curl runs in the nginx image (its curl is Debian 12's
 * 7.88.1, the recorded one), wget in alpine, each line in a fresh container
 * on the network of the nginx container `web`. Compared whole after masking
 * only what differs by construction: dates and ETags (file times), nginx's
 * version (the image's 1.29 vs Debian's 1.22), the server's address, the
 * busybox banner, curl's measured speeds and connect time.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from '../containers/helpers.ts';

interface Recorded {
  line: string;
  stdout: string;
  stderr: string;
  rc: number;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(join(HERE, '..', 'programs', 'fixtures', 'net.json'), 'utf8')) as { lines: Recorded[] };

/** The masks of the module comment, applied to both sides. */
function mask(text: string, address: string): string {
  return text
    .split(address)
    .join('<addr>')
    .replace(/(Date|Last-Modified): [A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT/g, '$1: <date>')
    .replace(/ETag: "[0-9a-f]+-[0-9a-f]+"/g, 'ETag: "<etag>"')
    .replace(/nginx\/1\.\d+\.\d+/g, 'nginx/<v>')
    .replace(/BusyBox v[^\n]*/g, 'BusyBox <v>')
    .replace(/ +\d+k? +0 --:--:-- --:--:-- --:--:-- +\d+k?/g, ' <speeds>')
    .replace(/after \d+ ms/g, 'after <n> ms');
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

describe('curl and wget against nginx, as the real tools print them', () => {
  let session: Session;
  beforeAll(async () => {
    session = await createSession({ store: new MemoryStore(), preload: ['alpine', 'nginx'], clock: () => NOW, random: seeded(3), isTTY: false });
    await session.runLine('docker network create net1');
    await session.runLine('docker run -d --name web --network net1 nginx');
  }, 120_000);

  for (const rec of fixture.lines) {
    it(rec.line, async () => {
      const image = rec.line.startsWith('wget') ? 'alpine' : 'nginx';
      const r = await session.runLine(`docker run --rm --network net1 -w /w ${image} sh -c ${quote(rec.line)}`);
      const got = { stdout: mask(r.stdout, '172.18.0.2'), stderr: mask(r.stderr, '172.18.0.2'), rc: r.rc };
      const want = { stdout: mask(rec.stdout, '127.0.0.1'), stderr: mask(rec.stderr, '127.0.0.1'), rc: rec.rc };
      expect(got).toEqual(want);
    }, 60_000);
  }
});
