/**
 * Platforms as containerd parses and prints them, and the pull error of the
 * simulated Hub, whose manifest lists hold linux/amd64 only. The wording of
 * the error was recorded from Engine 26.1 with an amd64-only manifest list
 * pushed to the oracle's registry (`docker manifest create` + `push`):
 *
 *   $ docker pull --platform linux/arm64 localhost:5000/vol-list
 *   Using default tag: latest
 *   latest: Pulling from vol-list
 *   no matching manifest for linux/arm64 in the manifest list entries      (stderr, exit 1)
 *
 * and `linux/arm64/v8`, `linux/arm/v7`, `windows/amd64` named as given.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { formatPlatform, parsePlatform, platformMatches } from '../../worker/engine/platform.ts';
import { NOW, seeded } from '../containers/helpers.ts';

describe('platforms', () => {
  it('parses and prints as containerd does', () => {
    const cases: Array<[string, string]> = [
      ['linux', 'linux/amd64'],
      ['linux/amd64', 'linux/amd64'],
      ['linux/x86_64', 'linux/amd64'],
      ['linux/arm64', 'linux/arm64'],
      ['linux/aarch64', 'linux/arm64'],
      ['linux/arm64/v8', 'linux/arm64/v8'],
      ['linux/arm', 'linux/arm'],
      ['linux/arm/v7', 'linux/arm/v7'],
      ['arm64', 'linux/arm64'],
      ['windows/amd64', 'windows/amd64'],
    ];
    expect(cases.map(([t]) => formatPlatform(parsePlatform(t)))).toEqual(cases.map(([, f]) => f));
    expect(() => parsePlatform('bogus')).toThrow('"bogus": unknown operating system or architecture: invalid argument');
  });

  it('matches an amd64 image for any amd64 request, nothing else', () => {
    const amd64 = { os: 'linux', architecture: 'amd64' };
    expect(['linux/amd64', 'linux/amd64/v3', 'linux', 'linux/arm64', 'windows/amd64'].map((t) => platformMatches(parsePlatform(t), amd64))).toEqual([true, true, true, false, false]);
  });

  it('pull, run and create of another platform fail as Docker does for an amd64-only manifest list', async () => {
    const s = await createSession({ store: new MemoryStore(), preload: ['alpine'], clock: () => NOW, random: seeded(3) });
    const out = [];
    for (const line of ['docker pull --platform linux/arm64/v8 alpine', 'docker run --rm --platform linux/arm64 alpine true', 'docker create --platform windows/amd64 alpine', 'docker images -q | wc -l']) {
      const { cmd: _c, stdoutBytes: _b, ...r } = await s.runLine(line);
      out.push(r);
    }
    expect(out).toEqual([
      { stdout: 'Using default tag: latest\nlatest: Pulling from library/alpine\n', stderr: 'no matching manifest for linux/arm64/v8 in the manifest list entries\n', rc: 1 },
      {
        stdout: '',
        stderr: "Unable to find image 'alpine:latest' locally\nlatest: Pulling from library/alpine\ndocker: no matching manifest for linux/arm64 in the manifest list entries\n\nRun 'docker run --help' for more information\n",
        rc: 125,
      },
      { stdout: '', stderr: "Unable to find image 'alpine:latest' locally\nlatest: Pulling from library/alpine\nno matching manifest for windows/amd64 in the manifest list entries\n", rc: 1 },
      { stdout: '1\n', stderr: '', rc: 0 },
    ]);
  });
});
