/**
 * Batch validation shared by every store backend.
 *
 * A commit must be all-or-nothing, so every check that can fail for a reason
 * the caller controls (an unknown collection, a value that is not JSON, a
 * malformed digest) runs here, before a backend touches its storage. The
 * result is a {@link PreparedBatch}: deep copies of the values and exact-size
 * copies of the blob bytes, taken when `commit()` is called, so a caller that
 * reuses its buffers while the commit waits in the queue cannot change what
 * lands in storage.
 *
 * Order inside one batch, the same for every backend: deletes apply before
 * puts, so a batch that both frees and stores one key or digest keeps it
 * (losing data to an ambiguous batch is the worse failure).
 */
import { COLLECTIONS } from './store.ts';
import type { Batch, Collection, Json } from './store.ts';

/** A record put, validated: `value` is a private deep copy, `text` its JSON. */
export interface PreparedPut {
  collection: Collection;
  key: string;
  value: Json;
  text: string;
}

/** A batch after validation; see the module comment for the order of application. */
export interface PreparedBatch {
  put: PreparedPut[];
  delete: Array<{ collection: Collection; key: string }>;
  /** Deduplicated by digest; bytes are private copies with a buffer of exactly their length, or a whole buffer handed over. */
  putBlobs: Array<{ digest: string; bytes: Uint8Array }>;
  deleteBlobs: string[];
}

/** Whether a prepared batch changes nothing, so a backend may skip writing. */
export function isEmptyBatch(batch: PreparedBatch): boolean {
  return batch.put.length + batch.delete.length + batch.putBlobs.length + batch.deleteBlobs.length === 0;
}

/** Digests as the engine writes them (OCI `sha256:` + 64 lowercase hex). */
const DIGEST = /^sha256:[0-9a-f]{64}$/;

const collectionSet: ReadonlySet<string> = new Set(COLLECTIONS);

/** Whether `digest` is a well-formed `sha256:<hex>` digest. */
export function isDigest(digest: unknown): digest is string {
  return typeof digest === 'string' && DIGEST.test(digest);
}

/**
 * Validates and copies a batch. Throws a TypeError naming the first bad entry;
 * nothing has been stored at that point, so the state is unchanged.
 */
export function prepareBatch(batch: Batch): PreparedBatch {
  const prepared: PreparedBatch = { put: [], delete: [], putBlobs: [], deleteBlobs: [] };
  for (const { collection, key } of batch.delete ?? []) {
    checkRecordKey(collection, key);
    prepared.delete.push({ collection, key });
  }
  for (const { collection, key, value } of batch.put ?? []) {
    checkRecordKey(collection, key);
    const copy = copyJson(value, `${collection}/${key}`, []);
    prepared.put.push({ collection, key, value: copy, text: JSON.stringify(copy) });
  }
  for (const digest of batch.deleteBlobs ?? []) {
    if (!isDigest(digest)) throw new TypeError(`invalid blob digest: ${String(digest)}`);
    prepared.deleteBlobs.push(digest);
  }
  const seen = new Set<string>();
  for (const { digest, bytes, handedOver } of batch.putBlobs ?? []) {
    if (!isDigest(digest)) throw new TypeError(`invalid blob digest: ${String(digest)}`);
    // By tag, not instanceof, so bytes from another realm (a vm context, an iframe) pass too.
    if (!ArrayBuffer.isView(bytes) || Object.prototype.toString.call(bytes) !== '[object Uint8Array]') {
      throw new TypeError(`blob ${digest}: bytes must be a Uint8Array`);
    }
    // Content addressed: a second put of one digest in a batch is the same blob.
    if (seen.has(digest)) continue;
    seen.add(digest);
    // A buffer handed over whole is kept as it is: a streamed home file's
    // chunks (store-fs.ts) are 4 MiB each, and this copy took 8% of the
    // page's `docker save` (bench/archives.ts, a CPU profile of the worker).
    if (handedOver === true && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
      prepared.putBlobs.push({ digest, bytes });
      continue;
    }
    // A fresh buffer of exactly byteLength: storing a view would make
    // structured clone keep the whole (possibly much larger) buffer, breaking
    // the 1.05x storage budget of design.md §9. Not bytes.slice(): on a Node
    // Buffer that is a view sharing memory, not a copy.
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    prepared.putBlobs.push({ digest, bytes: copy });
  }
  return prepared;
}

function checkRecordKey(collection: unknown, key: unknown): asserts collection is Collection {
  if (typeof collection !== 'string' || !collectionSet.has(collection)) {
    throw new TypeError(`unknown collection: ${String(collection)}`);
  }
  if (typeof key !== 'string') throw new TypeError(`${collection}: record key must be a string`);
}

/**
 * Deep-copies a JSON value, rejecting anything JSON would silently change
 * (undefined, functions, NaN, class instances such as Date) or cannot encode
 * (cycles, BigInt), so every backend stores exactly what `load()` returns.
 */
function copyJson(value: unknown, path: string, ancestors: object[]): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} is not JSON`);
    return value;
  }
  if (typeof value !== 'object') throw new TypeError(`${path}: ${typeof value} is not JSON`);
  if (ancestors.includes(value)) throw new TypeError(`${path}: circular reference`);
  ancestors.push(value);
  try {
    if (Array.isArray(value)) return value.map((item, i) => copyJson(item, `${path}[${i}]`, ancestors));
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`${path}: not a plain object`);
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty, not assignment: a "__proto__" key from JSON must stay a key.
      Object.defineProperty(out, k, {
        value: copyJson(v, `${path}.${k}`, ancestors),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  } finally {
    ancestors.pop();
  }
}

/** UTF-8 byte length of a string, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Bytes one metadata record counts for in `usage()`: its key plus its JSON
 * text, both UTF-8. Every backend uses this one measure so their figures agree.
 */
export function recordBytes(key: string, text: string): number {
  return utf8Length(key) + utf8Length(text);
}
