/**
 * Volumes and bind mounts over a lab's life: a named volume's files and the
 * files a container wrote into a bind mount of the home are kept with the lab
 * and found again by the next session on the same store (a page reload);
 * removing the volume frees its stored files.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from './helpers.ts';

async function lab(store: MemoryStore) {
  const s = await createSession({ store, preload: ['alpine'], clock: () => NOW, random: seeded(5) });
  return async (lines: string[]) => {
    const out = [];
    for (const line of lines) {
      const { stdoutBytes: _b, ...r } = await s.runLine(line);
      out.push(r);
    }
    return out;
  };
}

const ok = (cmd: string, stdout = '') => ({ cmd, stdout, stderr: '', rc: 0 });

describe('volumes and binds across a reload', () => {
  it('keeps a volume, its files and a bind mount writes; rm frees them', async () => {
    const store = new MemoryStore();
    const first = await lab(store);
    expect(
      await first([
        'docker volume create data',
        "docker run --rm -v data:/d alpine sh -c 'echo kept > /d/f'",
        'mkdir site',
        "docker run --rm -v $PWD/site:/s alpine sh -c 'echo from the container > /s/note'",
      ]),
    ).toEqual([ok('docker volume create data', 'data\n'), ok("docker run --rm -v data:/d alpine sh -c 'echo kept > /d/f'"), ok('mkdir site'), ok("docker run --rm -v $PWD/site:/s alpine sh -c 'echo from the container > /s/note'")]);
    const blobsWithVolume = (await store.listBlobs()).length;

    const second = await lab(store);
    expect(await second(['docker volume ls -q', 'docker run --rm -v data:/d alpine cat /d/f', 'cat site/note', 'docker volume rm data', 'docker volume ls -q'])).toEqual([
      ok('docker volume ls -q', 'data\n'),
      ok('docker run --rm -v data:/d alpine cat /d/f', 'kept\n'),
      ok('cat site/note', 'from the container\n'),
      ok('docker volume rm data', 'data\n'),
      ok('docker volume ls -q'),
    ]);
    // The volume's manifest and its one file are gone from the store.
    expect((await store.listBlobs()).length).toEqual(blobsWithVolume - 2);
  });

  it('a volume written by a detached container is stored without a line ending in it', async () => {
    const store = new MemoryStore();
    const first = await lab(store);
    await first(["docker run -d --name writer -v logs:/logs alpine sh -c 'echo line > /logs/a; sleep 100'", 'sleep 1']);
    // Stored by the background store (the container still runs; a reload would run its program again).
    const stored = (await store.load()).volumes.get('logs') as { data: string; size: number };
    expect({ stored: stored.data !== '', size: stored.size }).toEqual({ stored: true, size: 5 });
  });
});
