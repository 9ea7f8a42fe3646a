/**
 * The session's life on its store: a reload reattaches to the shell state,
 * loading reads no file bytes, and a full store neither wedges the lab nor
 * leaves the home showing files that are not stored.
 */
import { describe, expect, it } from 'vitest';
import { createSession, HISTFILE } from '../../worker/session.ts';
import type { LineResult } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { CountingStore } from '../../worker/terminal/tab-sync.ts';
import { QuotaStore } from '../store/quota-store.ts';
import { fakeDocker } from './fake-docker.ts';

/** A page's view of one store: sessions built on it one after the other, as reloads do. */
function lab(store: QuotaStore | MemoryStore) {
  const shared = new CountingStore(store);
  return async (shellState?: null) => {
    const session = await createSession({ store: shared, docker: fakeDocker().docker, ...(shellState === null ? { shellState } : {}) });
    return {
      session,
      run: async (line: string): Promise<Omit<LineResult, 'cmd'>> => {
        const { cmd: _cmd, ...rest } = await session.runLine(line);
        return rest;
      },
    };
  };
}

const ok = (stdout = '') => ({ stdout, stderr: '', rc: 0 });

describe('a reload reattaches to the shell', () => {
  it('keeps the directory, variables exported or not, aliases and $?', async () => {
    const open = lab(await MemoryStore.open());
    const first = await open();
    for (const line of ['mkdir -p hello', 'cd hello', 'CONTAINER_ID=abc123', 'export GREETING=hi', "alias ll='ls -l'", 'false']) await first.run(line);
    const second = await open();
    expect(second.session.prompt()).toBe('learner@layerlab:~/hello$ ');
    expect(await second.run('echo $? $CONTAINER_ID $GREETING; pwd; alias ll; env | grep GREETING')).toEqual(
      ok("1 abc123 hi\n/home/learner/hello\nalias ll='ls -l'\nGREETING=hi\n"),
    );
  });

  it('starts in the home when the directory is gone, and afresh after exit', async () => {
    const open = lab(await MemoryStore.open());
    const first = await open();
    await first.run('mkdir -p /tmp/scratch && cd /tmp/scratch && X=1');
    const second = await open();
    expect([second.session.prompt(), await second.run('echo $X')]).toEqual(['learner@layerlab:~$ ', ok('1\n')]);
    await second.run('cd /etc');
    await second.run('exit');
    const third = await open(null);
    expect([third.session.prompt(), await third.run('echo "[$X]"')]).toEqual(['learner@layerlab:~$ ', ok('[]\n')]);
    expect((await open()).session.prompt()).toBe('learner@layerlab:~$ ');
  });
});

describe('loading the lab', () => {
  it('reads no file bytes, for listings, moves and the commit after a line', async () => {
    const store = new QuotaStore(await MemoryStore.open(), Infinity);
    const open = lab(store);
    const first = await open();
    await first.run('seq 1 50000 > a.txt && cp a.txt b.txt && mkdir d && ln -s a.txt link');
    store.blobReads = 0;
    const second = await open();
    expect(await second.run("ls -l | awk 'NR > 1 { print $1, $5, $9, $10, $11 }'")).toEqual(
      ok('-rw-r--r-- 288894 a.txt  \n-rw-r--r-- 288894 b.txt  \ndrwxr-xr-x 4096 d  \nlrwxrwxrwx 5 link -> a.txt\n'),
    );
    expect(await second.run('mv b.txt d/c.txt && wc -c < link')).toEqual(ok('288894\n'));
    // One read: wc reading a.txt through the link. Moving b.txt and committing read nothing.
    expect(store.blobReads).toBe(1);
    const third = await open();
    expect(await third.run('wc -c d/c.txt && tail -n 1 d/c.txt')).toEqual(ok('288894 d/c.txt\n50000\n'));
  });
});

describe('a full store', () => {
  const quota = 1_200_000;
  const message = (usage: string) =>
    `layerlab: no space left on device (${usage} of 1.2MB used), so this line's changes to your files were undone. ` +
    'Free space with rm, docker image prune or docker system prune; docker system df shows what images use.\n';

  it('refuses a line that does not fit, undoing its files and directory change, and keeps reads, listings and rm working', async () => {
    const store = new QuotaStore(await MemoryStore.open(), quota);
    const open = lab(store);
    const page = await open();
    expect(await page.run('seq 1 90000 > copy0.txt && seq 2 90001 > copy1.txt')).toEqual(ok());
    const full = await page.run('mkdir new && cd new && seq 5 90004 > copy2.txt && echo written');
    const usage = await store.usage();
    expect(full).toEqual({ stdout: 'written\n', stderr: message(`${(usage / 1e6).toPrecision(4).replace(/0+$/, '')}MB`), rc: 1 });
    expect(await page.run('echo $?; pwd; ls')).toEqual(ok('1\n/home/learner\ncopy0.txt\ncopy1.txt\n'));
    expect(await page.run('wc -c copy1.txt')).toEqual(ok('528898 copy1.txt\n'));
    expect(await page.run('rm copy0.txt')).toEqual(ok());
    expect(await page.run('seq 3 90002 > copy2.txt && ls')).toEqual(ok('copy1.txt\ncopy2.txt\n'));
    expect(await page.run('seq 4 90003 > copy3.txt')).toEqual({ stdout: '', stderr: expect.stringMatching(/^layerlab: no space left on device \(1\.05\d+MB of 1\.2MB used\)/), rc: 1 });
    expect(await page.run('echo small > note && ls')).toEqual(ok('copy1.txt\ncopy2.txt\nnote\n'));
    const after = await open();
    expect([after.session.prompt(), await after.run('ls; cat note')]).toEqual(['learner@layerlab:~$ ', ok('copy1.txt\ncopy2.txt\nnote\nsmall\n')]);
  });

  it('runs lines whose only writes are the history and shell state when not a byte is free, and frees space with rm', async () => {
    const store = new QuotaStore(await MemoryStore.open(), Infinity);
    const open = lab(store);
    const page = await open();
    await page.run('seq 1 90000 > copy0.txt && mkdir app');
    store.quota = await store.usage();
    const lines = ['ls', 'echo hi', 'cat copy0.txt | tail -n 1', 'cd app', 'X=1', 'rm ../copy0.txt', 'ls -A ..'];
    const results = [];
    const fs = await page.session.shell.filesystem();
    for (const [i, line] of lines.entries()) {
      // As the page does (lab-service.ts): the history so far, written just before the next line runs.
      await fs.writeFile(HISTFILE, `${lines.slice(0, i).join('\n')}\n`);
      results.push(await page.run(line));
    }
    expect(results).toEqual([ok('app\ncopy0.txt\n'), ok('hi\n'), ok('90000\n'), ok(), ok(), ok(), ok('.bash_history\napp\n')]);
    expect(await store.usage()).toBeLessThan(1000);
    // With space again, the history and the shell state are stored with the next line.
    const after = await open();
    expect([after.session.prompt(), await after.run('echo $X')]).toEqual(['learner@layerlab:~/app$ ', ok('1\n')]);
  });

  it('says how full the storage is when an engine write does not fit, and keeps the engine as it was', async () => {
    const store = new CountingStore(new QuotaStore(await MemoryStore.open(), 1000));
    const session = await createSession({ store });
    const { cmd: _cmd, ...pulled } = await session.runLine('docker pull -q alpine');
    expect(pulled).toEqual({
      stdout: '',
      stderr: expect.stringMatching(
        /^Error response from daemon: no space left on device\nlayerlab: the lab's storage is full \(\d+B of 1kB used\)\. Free space with rm, docker image prune or docker system prune; docker system df shows what images use\.\n$/,
      ),
      rc: 1,
    });
    expect((await session.runLine('docker image ls -q')).stdout).toBe('');
  });
});
