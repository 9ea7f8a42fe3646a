import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostShell } from '../../worker/shell/host-shell.ts';
import { fakeDocker } from './fake-docker.ts';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

// GNU coreutils 9.1 ls on Debian 12 (C.UTF-8): columns on a terminal, one
// name per line otherwise, and the long format of print_long_format.
describe('ls on the host', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T03:08:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  /** A shell in the directory `tar -xvf hello_image.tar` leaves (lesson 004). */
  async function imageDir(isTTY: boolean): Promise<HostShell> {
    const shell = new HostShell({ docker: fakeDocker().docker, isTTY });
    await shell.run('mkdir -p hello/blobs/sha256 && cd hello && touch index.json manifest.json oci-layout repositories');
    await shell.run('echo \'{"imageLayoutVersion": "1.0.0"}\' > oci-layout; mkdir -p .hidden');
    return shell;
  }

  it('prints columns on a terminal and one name per line into a pipe', async () => {
    const shell = await imageDir(true);
    expect(await shell.run('ls')).toEqual(ok('blobs  index.json  manifest.json  oci-layout  repositories\n'));
    expect(await shell.run('ls | cat')).toEqual(ok('blobs\nindex.json\nmanifest.json\noci-layout\nrepositories\n'));
    expect(await shell.run('seq 1 30 | xargs touch; ls')).toEqual(
      ok(
        '1   12  15  18  20  23  26  29  4  7  blobs          oci-layout\n' +
          '10  13  16  19  21  24  27  3   5  8  index.json     repositories\n' +
          '11  14  17  2   22  25  28  30  6  9  manifest.json\n',
      ),
    );
  });

  it('prints the long format with owners, links, sizes and times', async () => {
    const shell = await imageDir(false);
    expect(await shell.run('ln -s oci-layout link; ls -l')).toEqual(
      ok(
        'total 8\n' +
          'drwxr-xr-x 3 learner learner 4096 Nov 24 03:08 blobs\n' +
          '-rw-r--r-- 1 learner learner    0 Nov 24 03:08 index.json\n' +
          'lrwxrwxrwx 1 learner learner   10 Nov 24 03:08 link -> oci-layout\n' +
          '-rw-r--r-- 1 learner learner    0 Nov 24 03:08 manifest.json\n' +
          '-rw-r--r-- 1 learner learner   32 Nov 24 03:08 oci-layout\n' +
          '-rw-r--r-- 1 learner learner    0 Nov 24 03:08 repositories\n',
      ),
    );
    expect(await shell.run('ls -A')).toEqual(ok('.hidden\nblobs\nindex.json\nlink\nmanifest.json\noci-layout\nrepositories\n'));
    expect(await shell.run('ls -lh /etc')).toEqual(
      ok(
        'total 12K\n-rw-r--r-- 1 root root   5 Nov 24 03:08 debian_version\n' +
          '-rw-r--r-- 1 root root   9 Nov 24 03:08 hostname\n-rw-r--r-- 1 root root 267 Nov 24 03:08 os-release\n',
      ),
    );
  });

  it('lists several arguments and recursion with headers, errors first', async () => {
    const shell = await imageDir(false);
    expect(await shell.run('ls -R blobs')).toEqual(ok('blobs:\nsha256\n\nblobs/sha256:\n'));
    expect(await shell.run('ls nope oci-layout blobs')).toEqual({
      stdout: 'oci-layout\n\nblobs:\nsha256\n',
      stderr: "ls: cannot access 'nope': No such file or directory\n",
      exitCode: 2,
    });
    expect(await shell.run('ls -z')).toEqual({
      stdout: '',
      stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
      exitCode: 2,
    });
  });
});
