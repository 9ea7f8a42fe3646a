/**
 * "Export lab" / "Import lab": the whole state of a lab (every metadata
 * record of the store and every blob) as one tar file, so a learner can keep
 * it, move it to another browser, or hand it in. The archive is plain tar as
 * the engine writes layers (ustar/PAX, worker/engine/layer/tar-write.ts):
 *
 *     layerlab-lab.json            {"format":"layerlab-lab","version":1,"records":{collection:{key:value}}}
 *     blobs/sha256/<hex>           one file per blob, named by its digest
 *
 * Importing replaces the state in one store batch (design.md §6: a reload
 * sees the old lab or the new one, never a mix).
 */
import { COLLECTIONS } from '../store/store.ts';
import type { Batch, Collection, Json, Store } from '../store/store.ts';
import { tracked } from '../progress.ts';
import type { Entry } from '../engine/layer/entry.ts';
import { contentBytes } from '../engine/layer/entry.ts';
import { tarChunks } from '../engine/layer/tar-write.ts';
import { readTar } from '../engine/layer/tar-read.ts';

const MANIFEST = 'layerlab-lab.json';
const FORMAT = 'layerlab-lab';
const VERSION = 1;

/** Raised for a file that is not a lab export. */
export class LabArchiveError extends Error {
  readonly code = 'EINVAL';
}

interface Manifest {
  format: string;
  version: number;
  records: Record<string, Record<string, Json>>;
}

/** Reads the whole state of `store` into one tar archive. */
export async function exportLab(store: Store, now: Date = new Date()): Promise<Uint8Array> {
  const snapshot = await store.load();
  const records: Manifest['records'] = {};
  for (const c of COLLECTIONS) records[c] = Object.fromEntries(snapshot[c]);
  const mtime = Math.floor(now.getTime() / 1000);
  const file = (path: string, bytes: Uint8Array): Entry => ({
    path,
    type: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    mtime,
    size: bytes.length,
    content: { kind: 'bytes', bytes },
  });
  const manifest: Manifest = { format: FORMAT, version: VERSION, records };
  const entries = [file(MANIFEST, new TextEncoder().encode(JSON.stringify(manifest)))];
  const digests = (await store.listBlobs()).sort();
  // Reading the blobs is most of an export's time: the status bar counts them.
  await tracked('Exporting the lab', async (m) => {
    for (const [i, digest] of digests.entries()) {
      const bytes = await store.getBlob(digest);
      if (bytes) entries.push(file(blobPath(digest), bytes));
      m.update(i + 1);
    }
  }, digests.length);
  // Packing copies every byte once more: in steps that let the worker breathe, so the bar shows and moves.
  const size = entries.reduce((n, e) => n + e.size, 0);
  return tracked('Exporting the lab', async (m) => {
    const chunks: Uint8Array[] = [];
    let packed = 0;
    let sinceYield = 0;
    for (const chunk of tarChunks(entries)) {
      chunks.push(chunk);
      packed += chunk.length;
      sinceYield += chunk.length;
      if (sinceYield >= YIELD_BYTES) {
        sinceYield = 0;
        m.update(Math.min(packed, size));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    m.update(packed);
    const out = new Uint8Array(packed);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.length;
    }
    return out;
  }, size);
}

/** Bytes packed between two turns of the event loop while exporting (a few ms of copying). */
const YIELD_BYTES = 8 * 1024 * 1024;

/** Replaces the whole state of `store` with the lab in `archive`. */
export async function importLab(store: Store, archive: Uint8Array): Promise<void> {
  let entries: Entry[];
  try {
    entries = readTar(archive);
  } catch (error) {
    throw new LabArchiveError(`not a lab export: ${error instanceof Error ? error.message : String(error)}`);
  }
  const manifestEntry = entries.find((e) => e.path === MANIFEST);
  if (!manifestEntry) throw new LabArchiveError(`not a lab export: no ${MANIFEST}`);
  const manifest = JSON.parse(new TextDecoder().decode(contentBytes(manifestEntry))) as Manifest;
  if (manifest.format !== FORMAT || manifest.version !== VERSION) {
    throw new LabArchiveError(`not a lab export: format ${manifest.format} version ${manifest.version}`);
  }
  const current = await store.load();
  const batch: Required<Batch> = { put: [], delete: [], putBlobs: [], deleteBlobs: [] };
  for (const c of COLLECTIONS) {
    const incoming = manifest.records[c] ?? {};
    for (const key of current[c].keys()) if (!(key in incoming)) batch.delete.push({ collection: c as Collection, key });
    for (const [key, value] of Object.entries(incoming)) batch.put.push({ collection: c as Collection, key, value });
  }
  const blobs = new Map<string, Uint8Array>();
  for (const e of entries) {
    const digest = digestOf(e.path);
    if (digest && e.type === 'file') blobs.set(digest, contentBytes(e));
  }
  for (const digest of await store.listBlobs()) if (!blobs.has(digest)) batch.deleteBlobs.push(digest);
  for (const [digest, bytes] of blobs) if (!(await store.hasBlob(digest))) batch.putBlobs.push({ digest, bytes });
  await store.commit(batch);
}

function blobPath(digest: string): string {
  const [algo, hex] = digest.split(':');
  return `blobs/${algo}/${hex}`;
}

function digestOf(path: string): string | undefined {
  const m = /^blobs\/([a-z0-9]+)\/([a-f0-9]+)$/.exec(path);
  return m ? `${m[1]}:${m[2]}` : undefined;
}
