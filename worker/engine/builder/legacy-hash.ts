/**
 * The source hash the legacy builder writes into COPY/ADD history
 * (`COPY file:<hex> in /`, `dir:`, `multi:`), as moby's builder/dockerfile
 * computes it: each file's sum is its tarsum (pkg/tarsum version 1: the tar
 * header's name, mode, uid, gid, size, typeflag, linkname, uname, gname,
 * devmajor and devminor as `key+value` strings, mtime left out, then the
 * content) over the context the CLI sent (owned by 0:0, no user names);
 * a directory is `dir:` + sha256 of its entries' sums (itself included,
 * sorted, comma-joined); several sources are `multi:` + sha256 of their
 * hashes in order. Checked against hashes recorded from a real engine
 * (test/golden/scenarios/build-fidelity.txt).
 */
import { sha256Hex } from '../digest.ts';
import type { Tree } from '../containers/tree.ts';
import { contentBytes, type Entry } from '../layer/entry.ts';
import { encodeUtf8 } from '../layer/utf8.ts';
import { below, clean, matchPaths } from './context.ts';

const TYPEFLAG: Record<string, string> = { file: '0', hardlink: '1', symlink: '2', dir: '5' };

/** One entry's tarsum (version 1), as remotecontext's Hash returns it. */
function tarsum(e: Entry, chownToRoot: boolean): string {
  const size = e.type === 'file' ? contentBytes(e).length : 0;
  const header: Array<[string, string]> = [
    ['name', e.type === 'dir' ? `${e.path}/` : e.path],
    ['mode', String(e.mode & 0o7777)],
    ['uid', String(chownToRoot ? 0 : e.uid)],
    ['gid', String(chownToRoot ? 0 : e.gid)],
    ['size', String(size)],
    ['typeflag', TYPEFLAG[e.type] ?? '0'],
    ['linkname', e.type === 'symlink' || e.type === 'hardlink' ? (e.linkname ?? '') : ''],
    ['uname', ''],
    ['gname', ''],
    ['devmajor', '0'],
    ['devminor', '0'],
  ];
  const head = encodeUtf8(header.map(([k, v]) => k + v).join(''));
  const body = e.type === 'file' ? contentBytes(e) : new Uint8Array(0);
  const all = new Uint8Array(head.length + body.length);
  all.set(head);
  all.set(body, head.length);
  return sha256Hex(all);
}

/** hashStringSlice: `prefix:` + sha256 of the strings joined by commas. */
function hashStrings(prefix: string, list: readonly string[]): string {
  return `${prefix}:${sha256Hex(encodeUtf8(list.join(',')))}`;
}

/**
 * The history hash of COPY/ADD sources (expanded words) read from `tree`:
 * the build context (`fromContext`, files sent as 0:0) or a stage's or image's
 * filesystem. Sources that match nothing are left out (the copy fails first).
 */
export function legacySourceHash(tree: Tree, sources: readonly string[], fromContext: boolean): string {
  const infos: string[] = [];
  for (const src of sources) {
    for (const path of matchPaths(tree, src)) {
      const e = path === '' ? undefined : tree.get(clean(path));
      if (e && e.type !== 'dir') {
        infos.push(`file:${tarsum(e, fromContext)}`);
        continue;
      }
      // walkSource: the directory itself (not the context root) and everything below it.
      const entries = [...(e ? [e] : []), ...below(tree, path)];
      infos.push(hashStrings('dir', entries.map((x) => tarsum(x, fromContext)).sort()));
    }
  }
  return infos.length === 1 ? infos[0]! : hashStrings('multi', infos);
}
