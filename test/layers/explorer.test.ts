/**
 * The explorer on states built by real commands: a layer's files with A/C/D
 * marks, merged filesystems with where each file comes from and what it
 * hides, wasted bytes, and file text that is what `docker run ... cat` prints.
 */
import { describe, expect, it } from 'vitest';
import { HELLO, viewSession } from './helpers.ts';

describe('the layer explorer', () => {
  it('lists the COPY layer of hello:v0.1 and shows index.js as docker run cat prints it', async () => {
    const s = await viewSession();
    await s.run(...HELLO, 'docker build -t hello:v0.1 .');
    const v = await s.view();
    const img = v.images[await s.id('hello:v0.1')]!;
    const copy = await s.files({ kind: 'layer', chainId: img.layers[2]! });
    expect(copy.rows.map((r) => `${r.mark ?? ' '} ${r.mode} ${r.size} ${r.path} depth ${r.depth}`)).toEqual([
      'A drwxr-xr-x 0 app depth 0',
      `A -rw-r--r-- ${copy.rows[1]!.size} app/Dockerfile depth 1`,
      `A -rw-r--r-- ${copy.rows[2]!.size} app/index.js depth 1`,
    ]);
    const cat = await s.run('docker run hello:v0.1 cat /app/index.js');
    for (const target of [{ kind: 'layer' as const, chainId: img.layers[2]! }, { kind: 'image' as const, id: img.id }]) {
      expect(await s.text(target, '/app/index.js')).toEqual({ path: '/app/index.js', size: cat.length, text: cat, truncated: false, binary: false });
    }
    // The RUN layer changes files of the base (apk's database) and adds node.
    const run = await s.files({ kind: 'layer', chainId: img.layers[1]! });
    expect(run.rows.find((r) => r.path === 'lib/apk/db/installed')?.mark).toBe('C');
    expect(run.rows.find((r) => r.path === 'usr/bin/node')?.mark).toBe('A');
    expect((await s.text({ kind: 'image', id: img.id }, '/usr/bin/node')).binary).toBe(true);
  });

  it('shows a container\'s merged files: a deleted lower file gone, a changed one from the writable layer hiding the base version', async () => {
    const s = await viewSession();
    await s.run(`docker run --name c1 alpine sh -c "rm /etc/motd; echo more >> /etc/os-release"`);
    const c = Object.values((await s.view()).containers)[0]!;
    const merged = await s.files({ kind: 'container', id: c.id });
    const base = await s.files({ kind: 'image', id: c.imageId });
    const at = (path: string) => merged.rows.find((r) => r.path === path);
    expect(merged.layerNames.map((n) => n.replace(/file:[0-9a-f]+/, 'file:…'))).toEqual(['1: ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit', '2: writable layer']);
    expect(at('etc/motd')).toBeUndefined();
    expect(base.rows.find((r) => r.path === 'etc/motd')?.from).toBe(0);
    const osRelease = at('usr/lib/os-release')!;
    expect([osRelease.from, osRelease.hiddenIn]).toEqual([1, [0]]);
    const motd = base.rows.find((r) => r.path === 'etc/motd')!;
    const oldRelease = base.rows.find((r) => r.path === 'usr/lib/os-release')!;
    expect(merged.wasted).toBe(motd.size + oldRelease.size);
    expect(merged.rows.length).toBe(base.rows.length - 1);
    // The text the view shows is the file a process in that filesystem reads.
    await s.run('docker commit c1 snap');
    const cat = await s.run('docker run snap cat /etc/os-release');
    expect((await s.text({ kind: 'container', id: c.id }, '/etc/os-release')).text).toBe(cat);
    expect(cat.endsWith('more\n')).toBe(true);
  });

  it('counts a file added in one layer and deleted in a later one as wasted bytes', async () => {
    const s = await viewSession();
    await s.run(
      'mkdir w && cd w',
      'seq 1 2000 > big.txt',
      `printf 'FROM alpine\\nCOPY big.txt /big.txt\\nRUN rm /big.txt\\n' > Dockerfile`,
      'docker build -t waste .',
    );
    const img = (await s.view()).images[await s.id('waste')]!;
    const size = Number((await s.run('wc -c < big.txt')).trim());
    const merged = await s.files({ kind: 'image', id: img.id });
    expect([merged.wasted, merged.wastedFiles]).toEqual([size, [{ path: 'big.txt', bytes: size, layers: [1] }]]);
    expect(merged.rows.some((r) => r.path === 'big.txt')).toBe(false);
    const rm = await s.files({ kind: 'layer', chainId: img.layers[2]! });
    expect(rm.rows.map((r) => `${r.mark} ${r.type} ${r.path}`)).toEqual(['D whiteout big.txt']);
    await expect(s.run('docker run waste cat /big.txt')).rejects.toThrow('No such file or directory');
    await expect(s.text({ kind: 'image', id: img.id }, '/big.txt')).rejects.toThrow();
  });
});
