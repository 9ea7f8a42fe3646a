/**
 * find in containers: the ownership predicates the redis and mongo entrypoints use
 * (`find . \! -user redis -exec chown redis '{}' +`), -exec in both forms, -type l, and
 * GNU findutils 4.9's and busybox's own messages (checked against both on Debian 12,
 * in the C locale a container runs in).
 */
import { describe, expect, it } from 'vitest';
import type { IFileSystem } from 'just-bash';
import { imageFs, run } from './fixture.ts';

/** The image's filesystem with owners for some paths (the overlay keeps them per entry; InMemoryFs has none). */
async function owned(name: string, tag: string, owners: Record<string, [number, number]>): Promise<IFileSystem> {
  const fs = await imageFs(name, tag);
  for (const p of Object.keys(owners)) if (!(await fs.exists(p))) await fs.writeFile(p, '');
  return Object.assign(fs, { owner: async (p: string) => ({ uid: owners[p]?.[0] ?? 0, gid: owners[p]?.[1] ?? 0 }) });
}

describe('find (GNU findutils 4.9, redis:8 on Debian)', () => {
  const files = { '/data': [999, 999], '/data/dump.rdb': [999, 999], '/data/root.txt': [0, 0], '/data/odd': [1234, 4321] } as Record<string, [number, number]>;

  it("runs the entrypoint's find: only what redis does not own reaches chown, in one batch", async () => {
    const fs = await owned('redis', 'latest', files);
    await fs.mkdir('/data', { recursive: true });
    expect(await run(fs, ['find', '.', '!', '-user', 'redis', '-exec', 'echo', 'chown', 'redis', '{}', '+'], { cwd: '/data' })).toEqual([0, 'chown redis ./odd ./root.txt\n', '']);
    expect(await run(fs, ['find', '.', '-user', 'redis'], { cwd: '/data' })).toEqual([0, '.\n./dump.rdb\n', '']);
    expect(await run(fs, ['find', '/data', '-group', '999', '-o', '-nogroup'])).toEqual([0, '/data\n/data/dump.rdb\n/data/odd\n', '']);
    expect(await run(fs, ['find', '/data', '-uid', '+998', '-a', '-nouser'])).toEqual([0, '/data/odd\n', '']);
    expect(await run(fs, ['find', '/data', '-gid', '-1', '-exec', 'echo', 'root owns {}', ';'])).toEqual([0, 'root owns /data/root.txt\n', '']);
  });

  it('names unknown users and groups, and its own usage errors, as GNU find does (exit 1, nothing walked)', async () => {
    const fs = await owned('redis', 'latest', files);
    expect(await run(fs, ['find', '/data', '-user', 'nosuchuser'])).toEqual([1, '', "find: 'nosuchuser' is not the name of a known user\n"]);
    expect(await run(fs, ['find', '/data', '-group', 'nosuchgroup'])).toEqual([1, '', "find: 'nosuchgroup' is not the name of an existing group\n"]);
    expect(await run(fs, ['find', '/data', '-uid', 'x'])).toEqual([1, '', "find: invalid argument `x' to `-uid'\n"]);
    expect(await run(fs, ['find', '/data', '-user'])).toEqual([1, '', "find: missing argument to `-user'\n"]);
    expect(await run(fs, ['find', '/data', '-exec', 'echo'])).toEqual([1, '', "find: missing argument to `-exec'\n"]);
    expect(await run(fs, ['find', '/data', '-type', 'q'])).toEqual([1, '', 'find: Unknown argument to -type: q\n']);
    expect(await run(fs, ['find', '/data', '(', '-name', 'a'])).toEqual([1, '', "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n"]);
  });

  it('-type l sees symlinks; -maxdepth, -prune and -quit', async () => {
    const fs = await imageFs('debian', 'latest');
    expect(await run(fs, ['find', '/', '-maxdepth', '1', '-type', 'l', '-name', 'l*'])).toEqual([0, '/lib\n/lib64\n', '']);
    expect(await run(fs, ['find', '/etc', '-name', 'apt', '-prune', '-o', '-name', 'sources.list*', '-print'])).toEqual([0, '', '']);
    expect(await run(fs, ['find', '/etc', '-name', 'passwd', '-print', '-quit'])).toEqual([0, '/etc/passwd\n', '']);
  });
});

describe('find (busybox 1.37, redis:alpine)', () => {
  it('-user and -group by name or number; busybox has no -uid, -gid, -nouser, -nogroup', async () => {
    const fs = await owned('redis', 'alpine', { '/data': [999, 1000], '/data/root.txt': [0, 0] });
    expect(await run(fs, ['find', '.', '!', '-user', 'redis', '-exec', 'echo', 'chown', 'redis', '{}', '+'], { cwd: '/data' })).toEqual([0, 'chown redis ./root.txt\n', '']);
    expect(await run(fs, ['find', '/data', '-group', 'redis'])).toEqual([0, '/data\n', '']);
    expect(await run(fs, ['find', '/data', '-user', 'nosuchuser'])).toEqual([1, '', 'find: unknown user nosuchuser\n']);
    expect(await run(fs, ['find', '/data', '-group', 'nosuchgroup'])).toEqual([1, '', 'find: unknown group nosuchgroup\n']);
    expect(await run(fs, ['find', '/data', '-uid', '0'])).toEqual([1, '', 'find: unrecognized: -uid\n']);
    expect(await run(fs, ['find', '/data', '-user'])).toEqual([1, '', 'find: -user requires an argument\n']);
    expect(await run(fs, ['find', '/data', '-type', 'q'])).toEqual([1, '', "find: invalid argument 'q' to '-type'\n"]);
  });
});
