/**
 * How a container's writable layer is stored (`ContainerRecord.rwLayer`):
 * a JSON manifest of its entries in the order the overlay2 driver writes
 * them (whiteouts and opaque markers included, as in upper.ts), with each
 * file's bytes in a blob of their own (`rwBlobs`).
 *
 * Why not one tar of the layer, as moby keeps it: the layer is stored after
 * every terminal line (terminal.ts), and a tar must be rebuilt and hashed
 * whole each time: 0.7 s a line once `apt-get update` has put 47 MB of
 * package lists in an ubuntu container. Here a line costs its manifest and
 * the files it wrote; unchanged files keep their blob, whose digest is
 * remembered per content object. `docker commit`, `export` and `diff` build
 * their tars from the layer in memory, so nothing a learner sees changes.
 * Layers stored as a tar (before this format, and the legacy builder's) are
 * still read.
 */
import { digestOf } from '../digest.ts';
import type { Content, Entry } from '../layer/entry.ts';
import { readTar } from '../layer/tar-read.ts';
import { decodeUtf8, encodeUtf8 } from '../layer/utf8.ts';
import { UpperLayer } from './upper.ts';

const MAGIC = 'layerlab-upper/1';

/** One stored entry: the Entry without its content, plus where its bytes are. */
type StoredEntry = Omit<Entry, 'content'> & { text?: string; filler?: { seed: number; program?: string }; blob?: string };

/** The digest of each bytes content already hashed (contents are never mutated once written). */
const digests = new WeakMap<Uint8Array, string>();

/** A writable layer ready to store: the manifest, the blobs it references, and their bytes. */
export interface EncodedUpper {
  manifest: Uint8Array;
  /** Every blob the manifest references, in order. */
  refs: string[];
  /** The referenced blobs' bytes by digest (put those not stored yet). */
  bytes: Map<string, Uint8Array>;
}

/** Encodes a writable layer; hashes only file contents not hashed before. */
export function encodeUpper(up: UpperLayer): EncodedUpper {
  const bytes = new Map<string, Uint8Array>();
  const entries: StoredEntry[] = up.toLayerEntries().map((e) => {
    const { content, ...meta } = e;
    const out: StoredEntry = meta;
    if (content?.kind === 'text') out.text = content.text;
    else if (content?.kind === 'filler') out.filler = content.program === undefined ? { seed: content.seed } : { seed: content.seed, program: content.program };
    else if (content?.kind === 'bytes') {
      let d = digests.get(content.bytes);
      if (d === undefined) {
        d = digestOf(content.bytes);
        digests.set(content.bytes, d);
      }
      bytes.set(d, content.bytes);
      out.blob = d;
    }
    return out;
  });
  return { manifest: encodeUtf8(JSON.stringify({ format: MAGIC, entries })), refs: [...bytes.keys()], bytes };
}

/** Reads a stored writable layer: this module's manifest, or a layer tar. */
export async function decodeUpper(stored: Uint8Array, getBlob: (digest: string) => Promise<Uint8Array>): Promise<UpperLayer> {
  const head = decodeUtf8(stored.subarray(0, 40));
  if (!head.startsWith(`{"format":"${MAGIC}"`)) return UpperLayer.fromLayerEntries(readTar(stored));
  const { entries } = JSON.parse(decodeUtf8(stored)) as { entries: StoredEntry[] };
  const out: Entry[] = [];
  for (const { text, filler, blob, ...meta } of entries) {
    const e: Entry = meta;
    let content: Content | undefined;
    if (text !== undefined) content = { kind: 'text', text };
    else if (filler !== undefined) content = { kind: 'filler', ...filler };
    else if (blob !== undefined) {
      const b = await getBlob(blob);
      digests.set(b, blob);
      content = { kind: 'bytes', bytes: b };
    }
    if (content) e.content = content;
    out.push(e);
  }
  return UpperLayer.fromLayerEntries(out);
}
