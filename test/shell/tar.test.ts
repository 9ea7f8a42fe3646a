import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostShell } from '../../worker/shell/host-shell.ts';
import { tarBytes } from '../../worker/engine/layer/tar-write.ts';
import type { Entry } from '../../worker/engine/layer/entry.ts';
import { fakeDocker } from './fake-docker.ts';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

// GNU tar 1.34 (Debian 12): `tar: ...` messages, exit 2, and the long
// listing of src/list.c print_header (user/group/size column 19 wide).
describe('tar on the host', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T03:08:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  async function withFiles(): Promise<HostShell> {
    const shell = new HostShell({ docker: fakeDocker().docker });
    await shell.run('mkdir -p app/src && echo "print(1)" > app/app.py && echo x > app/src/x.txt && ln -s app.py app/link');
    return shell;
  }

  it('creates, lists and extracts with GNU tar output on stdout', async () => {
    const shell = await withFiles();
    expect(await shell.run('tar -cvf app.tar app')).toEqual(ok('app/\napp/app.py\napp/link\napp/src/\napp/src/x.txt\n'));
    expect(await shell.run('tar -tf app.tar')).toEqual(ok('app/\napp/app.py\napp/link\napp/src/\napp/src/x.txt\n'));
    expect(await shell.run('tar -tvf app.tar')).toEqual(
      ok(
        'drwxr-xr-x learner/learner   0 2026-11-24 03:08 app/\n' +
          '-rw-r--r-- learner/learner   9 2026-11-24 03:08 app/app.py\n' +
          'lrwxrwxrwx learner/learner   0 2026-11-24 03:08 app/link -> app.py\n' +
          'drwxr-xr-x learner/learner   0 2026-11-24 03:08 app/src/\n' +
          '-rw-r--r-- learner/learner   2 2026-11-24 03:08 app/src/x.txt\n',
      ),
    );
    expect(await shell.run('mkdir out && tar -xvf app.tar -C out && cat out/app/link out/app/src/x.txt')).toEqual(
      ok('app/\napp/app.py\napp/link\napp/src/\napp/src/x.txt\nprint(1)\nx\n'),
    );
    // GNU tar writes whole 10240-byte records.
    expect(await shell.run('wc -c < app.tar')).toEqual(ok('10240\n'));
  });

  it('accepts the old and long option syntaxes, gzip and member names', async () => {
    const shell = await withFiles();
    expect(await shell.run('tar czf app.tgz app && tar --list --gzip --file=app.tgz app/src')).toEqual(
      ok('app/src/\napp/src/x.txt\n'),
    );
    expect(await shell.run('tar -tf app.tgz app/app.py')).toEqual(ok('app/app.py\n'));
    expect(await shell.run('tar -xOf app.tgz app/app.py')).toEqual(ok('print(1)\n'));
  });

  it('widens the size column for long sizes, as GNU tar does', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    await shell.run('seq 1 30000 > big.txt && tar -cf b.tar big.txt && tar -tvf b.tar');
    expect(await shell.run('tar -tvf b.tar')).toEqual(ok('-rw-r--r-- learner/learner 168894 2026-11-24 03:08 big.txt\n'));
  });

  it('reports errors the way GNU tar does', async () => {
    const shell = await withFiles();
    expect(await shell.run('tar')).toEqual({
      stdout: '',
      stderr:
        "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\n" +
        "Try 'tar --help' or 'tar --usage' for more information.\n",
      exitCode: 2,
    });
    expect(await shell.run('tar -xf hello_image.tar')).toEqual({
      stdout: '',
      stderr: 'tar: hello_image.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n',
      exitCode: 2,
    });
    expect(await shell.run('tar -cf empty.tar')).toEqual({
      stdout: '',
      stderr: "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n",
      exitCode: 2,
    });
    expect(await shell.run('tar -cf a.tar app && tar -tf a.tar nothere')).toEqual({
      stdout: '',
      stderr: 'tar: nothere: Not found in archive\ntar: Exiting with failure status due to previous errors\n',
      exitCode: 2,
    });
    expect(await shell.run('echo not a tar > n.tar; tar -tf n.tar')).toEqual({
      stdout: '',
      stderr: 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n',
      exitCode: 2,
    });
  });

  it('reads archives as Docker writes them: PAX long names, numeric owners, links', async () => {
    const at = { uid: 0, gid: 0, mtime: 1_700_000_000 };
    const long = `usr/lib/${'x'.repeat(120)}/f`;
    const entries: Entry[] = [
      { path: 'app', type: 'dir', mode: 0o755, size: 0, ...at },
      { path: 'app/app.py', type: 'file', mode: 0o644, size: 6, content: { kind: 'text', text: 'print\n' }, ...at },
      { path: long, type: 'file', mode: 0o644, size: 2, content: { kind: 'text', text: 'x\n' }, ...at },
      { path: 'bin/sh', type: 'symlink', mode: 0o777, size: 0, linkname: '/bin/busybox', ...at },
      { path: 'bin/ash', type: 'hardlink', mode: 0o777, size: 0, linkname: 'bin/sh', ...at },
    ];
    const archive = tarBytes(entries);
    const shell = new HostShell({ docker: async (_argv, io) => (io.stdout(archive), 0) });
    await shell.run('docker container export c > fs.tar');
    expect(await shell.run('tar -tvf fs.tar')).toEqual(
      ok(
        'drwxr-xr-x 0/0               0 2023-11-14 22:13 app/\n' +
          '-rw-r--r-- 0/0               6 2023-11-14 22:13 app/app.py\n' +
          `-rw-r--r-- 0/0               2 2023-11-14 22:13 ${long}\n` +
          'lrwxrwxrwx 0/0               0 2023-11-14 22:13 bin/sh -> /bin/busybox\n' +
          'hrwxrwxrwx 0/0               0 2023-11-14 22:13 bin/ash link to bin/sh\n',
      ),
    );
    expect(await shell.run(`mkdir x && tar -xf fs.tar -C x && ls -l x/bin x/app && cat x/${long}`)).toEqual(
      ok(
        'x/app:\ntotal 4\n-rw-r--r-- 1 learner learner 6 Nov 14  2023 app.py\n\n' +
          'x/bin:\ntotal 0\nlrwxrwxrwx 1 learner learner 12 Nov 24 03:08 ash -> /bin/busybox\n' +
          'lrwxrwxrwx 1 learner learner 12 Nov 24 03:08 sh -> /bin/busybox\nx\n',
      ),
    );
  });
});
