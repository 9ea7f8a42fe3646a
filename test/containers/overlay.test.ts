/**
 * The overlay filesystem: reads fall through, writes copy up with their
 * metadata, deletions leave whiteouts, a re-created lower directory is
 * opaque, links behave, and the writable layer's tar is what the overlay2
 * driver would write (overlayfs.rst semantics, moby overlay whiteout converter).
 */
import { describe, expect, it } from 'vitest';
import { OverlayFs } from '../../worker/engine/containers/overlay-fs.ts';
import { mergeLayers } from '../../worker/engine/containers/tree.ts';
import { UpperLayer } from '../../worker/engine/containers/upper.ts';
import { readTar } from '../../worker/engine/layer/tar-read.ts';
import { tarBytes } from '../../worker/engine/layer/tar-write.ts';
import type { Entry } from '../../worker/engine/layer/entry.ts';
import { BASE, dir, sym, txt } from './helpers.ts';

const NOW_S = 1_800_000_000;

function overlay(layers: Entry[][] = [BASE]): OverlayFs {
  return new OverlayFs(mergeLayers(layers), new UpperLayer(), () => NOW_S);
}

/** path mode uid mtime [-> link] per upper tar entry. */
function upperListing(fs: OverlayFs): string[] {
  return readTar(tarBytes(fs.upper.toLayerEntries())).map((e) => `${e.path} ${e.type} ${e.mode.toString(8)} ${e.uid}:${e.gid} ${e.mtime}${e.linkname ? ' -> ' + e.linkname : ''}`);
}

describe('overlay reads', () => {
  it('falls through to the merged layers, later layers and whiteouts winning', async () => {
    const fs = overlay([BASE, [txt('etc/motd', 'changed\n'), txt('var/cache/.wh.a', '')], [dir('var/cache'), txt('var/cache/.wh..wh..opq', ''), txt('var/cache/c', 'c\n')]]);
    expect(await fs.readFile('/etc/motd')).toEqual('changed\n');
    expect(await fs.readdir('/var/cache')).toEqual(['c']);
    expect(await fs.readdir('/')).toEqual(['bin', 'etc', 'usr', 'var']);
    expect(fs.upper.empty).toBe(true);
  });

  it('follows symlinks for stat and not for lstat', async () => {
    const fs = overlay();
    expect((await fs.stat('/bin/ls')).isFile).toBe(true);
    expect((await fs.lstat('/bin/ls')).isSymbolicLink).toBe(true);
    expect(await fs.readlink('/bin/ls')).toEqual('echo');
    expect(await fs.realpath('/bin/ls')).toEqual('/bin/echo');
  });
});

describe('copy-up', () => {
  it('keeps mode, owner and mtime on chmod and copies the parents up unchanged', async () => {
    const fs = overlay();
    await fs.chmod('/usr/share/doc/README', 0o600);
    expect(upperListing(fs)).toEqual([
      'usr dir 755 0:0 1700000000',
      'usr/share dir 755 0:0 1700000000',
      'usr/share/doc dir 755 0:0 1700000000',
      'usr/share/doc/README file 600 0:0 1700000000',
    ]);
    expect(await fs.readFile('/usr/share/doc/README')).toEqual('docs\n');
  });

  it('writes a new file with the clock as mtime and touches only its parent', async () => {
    const fs = overlay();
    await fs.writeFile('/usr/share/doc/NEW', 'x');
    expect(upperListing(fs)).toEqual([
      'usr dir 755 0:0 1700000000',
      'usr/share dir 755 0:0 1700000000',
      `usr/share/doc dir 755 0:0 ${NOW_S}`,
      `usr/share/doc/NEW file 644 0:0 ${NOW_S}`,
    ]);
  });

  it('overwriting a lower file keeps its mode', async () => {
    const fs = overlay();
    await fs.writeFile('/bin/sh', 'new shell');
    expect((await fs.stat('/bin/sh')).mode).toEqual(0o755);
    expect(await fs.readFile('/bin/sh')).toEqual('new shell');
  });
});

describe('deletion', () => {
  it('a deleted lower file leaves a 0600 whiteout and is gone from readdir', async () => {
    const fs = overlay();
    await fs.rm('/etc/motd');
    expect(await fs.exists('/etc/motd')).toBe(false);
    expect(await fs.readdir('/etc')).toEqual(['os-release']);
    expect(upperListing(fs)).toEqual([`etc dir 755 0:0 ${NOW_S}`, `etc/.wh.motd file 600 0:0 ${NOW_S}`]);
  });

  it('rm -r of a lower directory leaves one whiteout; re-creating it makes it opaque', async () => {
    const fs = overlay();
    await fs.rm('/var/cache', { recursive: true });
    expect(upperListing(fs)).toEqual([`var dir 755 0:0 ${NOW_S}`, `var/.wh.cache file 600 0:0 ${NOW_S}`]);
    await fs.mkdir('/var/cache');
    await fs.writeFile('/var/cache/z', 'z');
    expect(await fs.readdir('/var/cache')).toEqual(['z']);
    expect(upperListing(fs)).toEqual([
      `var dir 755 0:0 ${NOW_S}`,
      `var/cache dir 755 0:0 ${NOW_S}`,
      'var/cache/.wh..wh..opq file 755 0:0 0',
      `var/cache/z file 644 0:0 ${NOW_S}`,
    ]);
  });

  it('deleting a file created in the container leaves no whiteout', async () => {
    const fs = overlay();
    await fs.writeFile('/tmp.txt', 'x');
    await fs.rm('/tmp.txt');
    expect(upperListing(fs)).toEqual([]);
  });

  it('refuses a non-empty directory without recursive, with Node words', async () => {
    const fs = overlay();
    await expect(fs.rm('/etc')).rejects.toThrow("ENOTEMPTY: directory not empty, rm '/etc'");
    await expect(fs.readFile('/nope')).rejects.toThrow("ENOENT: no such file or directory, open '/nope'");
  });
});

describe('links', () => {
  it('a hard link to a lower file copies it up; both paths share content; the tar has file then link', async () => {
    const fs = overlay();
    await fs.link('/etc/motd', '/etc/motd2');
    await fs.appendFile('/etc/motd2', 'more\n');
    expect(await fs.readFile('/etc/motd')).toEqual('welcome\nmore\n');
    expect(upperListing(fs)).toEqual([`etc dir 755 0:0 ${NOW_S}`, `etc/motd file 644 0:0 ${NOW_S}`, `etc/motd2 hardlink 644 0:0 ${NOW_S} -> etc/motd`]);
  });

  it('removing the first path of a linked file keeps the content under the other', async () => {
    const fs = overlay();
    await fs.link('/etc/motd', '/etc/zz');
    await fs.rm('/etc/motd');
    expect(await fs.readFile('/etc/zz')).toEqual('welcome\n');
  });

  it('symlinks are created as links and resolved through', async () => {
    const fs = overlay();
    await fs.symlink('/etc/motd', '/m');
    expect(await fs.readFile('/m')).toEqual('welcome\n');
    expect(upperListing(fs)).toEqual([`m symlink 777 0:0 ${NOW_S} -> /etc/motd`]);
  });
});

describe('stored layer', () => {
  it('round-trips through its tar', async () => {
    const fs = overlay();
    await fs.rm('/var/cache', { recursive: true });
    await fs.mkdir('/var/cache');
    await fs.chown('/etc/os-release', 100, 101);
    await fs.utimes('/etc/motd', new Date(0), new Date(1_234_000));
    const again = UpperLayer.fromLayerEntries(readTar(tarBytes(fs.upper.toLayerEntries())));
    expect(tarBytes(again.toLayerEntries())).toEqual(tarBytes(fs.upper.toLayerEntries()));
    const fs2 = new OverlayFs(mergeLayers([BASE]), again, () => NOW_S);
    expect(await fs2.readdir('/var/cache')).toEqual([]);
    expect(await fs2.owner('/etc/os-release')).toEqual({ uid: 100, gid: 101 });
    expect((await fs2.stat('/etc/motd')).mtime).toEqual(new Date(1_234_000));
  });

  it('a symlink in a lower layer is kept as a link', () => {
    expect(mergeLayers([[sym('a', 'b')]]).get('a')?.linkname).toEqual('b');
  });
});
