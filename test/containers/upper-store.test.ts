/**
 * The stored form of a writable layer (upper-store.ts): a manifest plus one
 * blob per file. It reads back as the same layer (the overlay2 tar of both is
 * byte for byte the same), storing it again after one write references the
 * unchanged files' blobs as before, and a layer stored as a tar still reads.
 */
import { describe, expect, it } from 'vitest';
import { OverlayFs } from '../../worker/engine/containers/overlay-fs.ts';
import { mergeLayers } from '../../worker/engine/containers/tree.ts';
import { UpperLayer } from '../../worker/engine/containers/upper.ts';
import { decodeUpper, encodeUpper } from '../../worker/engine/containers/upper-store.ts';
import { digestOf } from '../../worker/engine/digest.ts';
import { tarBytes } from '../../worker/engine/layer/tar-write.ts';
import { BASE } from './helpers.ts';

const NOW_S = 1_800_000_000;

async function written(): Promise<OverlayFs> {
  const fs = new OverlayFs(mergeLayers([BASE]), new UpperLayer(), () => NOW_S);
  await fs.writeFile('/etc/motd', 'changed\n');
  await fs.writeFile('/bin/tool', new Uint8Array(256).map((_, i) => i));
  await fs.rm('/var/cache', { recursive: true });
  await fs.mkdir('/var/cache');
  await fs.rm('/usr/share/doc/README');
  await fs.symlink('/bin/tool', '/bin/t');
  await fs.link('/bin/tool', '/bin/tool2');
  await fs.chmod('/bin/tool', 0o4755);
  return fs;
}

describe('stored writable layer', () => {
  it('reads back as the same layer, whiteouts, opaque directories and links included', async () => {
    const fs = await written();
    const { manifest, bytes } = encodeUpper(fs.upper);
    const back = await decodeUpper(manifest, async (d) => bytes.get(d)!);
    expect(tarBytes(back.toLayerEntries())).toEqual(tarBytes(fs.upper.toLayerEntries()));
    expect([...back.whiteouts.keys()]).toEqual(['usr/share/doc/README']);
    expect([...back.opaque]).toEqual(['var/cache']);
  });

  it('after one more write references the same blobs for the files it did not touch', async () => {
    const fs = await written();
    const first = encodeUpper(fs.upper);
    await fs.writeFile('/etc/new', 'new\n');
    const second = encodeUpper(fs.upper);
    const added = second.refs.filter((d) => !first.refs.includes(d));
    expect(added).toEqual([digestOf(new TextEncoder().encode('new\n'))]);
    expect(first.refs.every((d) => second.refs.includes(d))).toBe(true);
  });

  it('reads a layer stored as a tar (labs stored before this format, the legacy builder)', async () => {
    const fs = await written();
    const tar = tarBytes(fs.upper.toLayerEntries());
    const back = await decodeUpper(tar, async () => {
      throw new Error('a tar references no blob');
    });
    expect(tarBytes(back.toLayerEntries())).toEqual(tar);
  });
});
