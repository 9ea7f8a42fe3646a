import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { DirStore } from '../../worker/store/dir-store.ts';

const root = mkdtempSync(join(tmpdir(), 'layerlab-dir-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('dir store lock', () => {
  it('refuses a second opener in this process until the first closes', async () => {
    const dir = join(root, 'same-process');
    const first = await DirStore.open(dir);
    await expect(DirStore.open(dir, { lockWaitMs: 0 })).rejects.toMatchObject({
      name: 'StateLockedError',
      code: 'ELOCKED',
      message: `state directory ${dir} is in use by process ${process.pid}`,
    });
    await first.close();
    const second = await DirStore.open(dir, { lockWaitMs: 0 });
    await second.close();
  });

  it('makes another process wait for the holder, then sees its commit', async () => {
    const dir = join(root, 'two-processes');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'dir-holder.ts'), dir], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const [ready] = (await once(child.stdout!, 'data')) as [Buffer];
    expect(ready.toString()).toEqual('ready\n');
    await expect(DirStore.open(dir, { lockWaitMs: 0 })).rejects.toThrow(
      `state directory ${dir} is in use by process ${child.pid}`,
    );
    const waiting = DirStore.open(dir, { lockWaitMs: 60_000 });
    child.stdin!.end();
    const store = await waiting;
    expect((await store.load()).meta.get('holder')).toEqual(child.pid);
    await store.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = join(root, 'stale');
    mkdirSync(dir, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, 'lock'), JSON.stringify({ pid: dead, host: hostname() }));
    const store = await DirStore.open(dir, { lockWaitMs: 0 });
    await store.close();
  });

  it('does not take over a lock held from another host', async () => {
    const dir = join(root, 'other-host');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'lock'), JSON.stringify({ pid: 1, host: `not-${hostname()}` }));
    await expect(DirStore.open(dir, { lockWaitMs: 0 })).rejects.toThrow(`state directory ${dir} is in use by process 1`);
  });
});
