import { describe, expect, it } from 'vitest';
import { hostFs } from '../../worker/shell/host-fs.ts';
import { newHomeFs } from '../../worker/shell/home-fs.ts';
import { ALL_BYTES } from './fake-docker.ts';

// What the docker CLI reads and writes on the host: build contexts, -o files.
describe('hostFs', () => {
  it('resolves relative paths against the shell directory and keeps bytes exact', async () => {
    const fs = hostFs(await newHomeFs(), '/home/learner/hello');
    await fs.mkdir('ctx/sub');
    await fs.writeFile('ctx/sub/image.tar', ALL_BYTES);
    await fs.writeFile('../Dockerfile', 'FROM alpine\n', 0o600);
    expect(fs.resolve('ctx/../x')).toBe('/home/learner/hello/x');
    expect(await fs.readFile('/home/learner/hello/ctx/sub/image.tar')).toEqual(ALL_BYTES);
    expect(new TextDecoder().decode(await fs.readFile('/home/learner/Dockerfile'))).toBe('FROM alpine\n');
    const { mtime, ...st } = await fs.stat('../Dockerfile');
    expect([st, mtime instanceof Date]).toEqual([{ type: 'file', mode: 0o600, size: 12, uid: 1000, gid: 1000 }, true]);
    expect((await fs.stat('ctx')).type).toBe('directory');
  });

  it('lists in byte order, sees symlinks, removes whole trees', async () => {
    const home = await newHomeFs();
    const fs = hostFs(home, '/home/learner');
    for (const name of ['b', 'a', 'Z', '.dockerignore']) await fs.writeFile(name, '');
    await home.symlink('a', '/home/learner/link');
    expect(await fs.readdir('.')).toEqual(['.dockerignore', 'Z', 'a', 'b', 'link']);
    expect([(await fs.stat('link')).type, await fs.readlink('link')]).toEqual(['symlink', 'a']);
    await fs.mkdir('t/u');
    await fs.writeFile('t/u/f', 'x');
    await fs.rm('t');
    await fs.rm('missing');
    expect([await fs.exists('t'), await fs.exists('a')]).toEqual([false, true]);
  });
});
