import { describe, expect, it } from 'vitest';
import { fileBlobDigest, HomeSync } from '../../worker/shell/store-fs.ts';
import { HostShell } from '../../worker/shell/host-shell.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { fakeDocker, ALL_BYTES } from './fake-docker.ts';

/** A shell on the home a store holds, committing after every line as the session does. */
async function shellOn(store: MemoryStore) {
  const home = await HomeSync.open(store);
  const shell = new HostShell({ docker: fakeDocker().docker, fs: home.fs });
  return async (line: string) => {
    const r = await shell.run(line);
    await home.commit();
    return r;
  };
}

describe('HomeSync', () => {
  it('brings the home directory back from the store, bytes, modes and links included', async () => {
    const store = await MemoryStore.open();
    const run1 = await shellOn(store);
    await run1('mkdir -p hello/empty && echo v1 > hello/app.py && chmod 755 hello/app.py && ln -s hello/app.py link');
    await run1('docker save alpine > image.tar');
    await run1('echo v2 > hello/app.py');

    const run2 = await shellOn(store);
    expect(await run2('ls -R; cat link; stat -c %a hello/app.py; sha256sum image.tar')).toEqual({
      stdout:
        '.:\nhello\nimage.tar\nlink\n\n./hello:\napp.py\nempty\n\n./hello/empty:\n' +
        'v2\n755\n40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880  image.tar\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('keeps only the blobs of files that exist, under digests apart from the content digest', async () => {
    const store = await MemoryStore.open();
    const run = await shellOn(store);
    await run('docker save alpine > a.tar');
    expect(await store.listBlobs()).toEqual([fileBlobDigest(ALL_BYTES)]);
    expect(fileBlobDigest(ALL_BYTES)).not.toBe('sha256:40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880');
    await run('echo small > a.tar');
    expect(await store.listBlobs()).toEqual([fileBlobDigest(new TextEncoder().encode('small\n'))]);
    await run('rm a.tar');
    expect([await store.listBlobs(), [...(await store.load()).files.keys()]]).toEqual([[], []]);
  });

  it('sees a rewrite within the same millisecond as a change', async () => {
    const store = await MemoryStore.open();
    const run = await shellOn(store);
    await run('echo aa > f');
    await run('echo bb > f');
    const again = await shellOn(store);
    expect((await again('cat f')).stdout).toBe('bb\n');
  });
});
