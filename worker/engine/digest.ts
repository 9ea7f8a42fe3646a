/**
 * SHA-256 digests for layers, configs and manifests.
 *
 * Library choice: `@noble/hashes` (sha2). It is synchronous (no WASM instantiation or
 * `crypto.subtle` promise), so a layer tar can be hashed while its chunks are generated
 * inside a Web Worker and in Node alike; it is audited, zero-dependency and maintained.
 * Measured on this machine over 64 MiB in 64 KiB chunks (bench/registry-generate.ts has
 * the in-project figure): @noble/hashes ≈ 120 MB/s, fast-sha256 ≈ 90–120 MB/s,
 * js-sha256 ≈ 55 MB/s; node:crypto (≈ 1.4 GB/s) is not available in a browser worker, and
 * hash-wasm needs async init. Big registry layers are hashed ahead of time
 * (worker/registry/generate-digests.ts).
 *
 * `docker load` of a big archive must hash every layer it does not know as it
 * streams past, and there noble is the limit (bench/limits.ts: 20–50 MB/s in a
 * Chromium worker under load, against the 100 MB/s). So streams and big
 * one-shot digests use `hash-wasm` (maintained, zero-dependency, its WASM inlined
 * in the JS so the page stays offline-capable; 2–6× noble here) when one of its
 * hashers is ready: they are created asynchronously ahead of need
 * ({@link prepareFastSha256}, called when an engine opens) and kept in a small
 * pool, so every call here stays synchronous and falls back to noble when the
 * pool is empty.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { createSHA256, type IHasher } from 'hash-wasm';

/** Ready hash-wasm hashers, reused after each digest (init() resets them). */
const pool: IHasher[] = [];
const POOL_SIZE = 4;
let refilling: Promise<void> | undefined;

/**
 * Creates hash-wasm hashers until the pool holds {@link POOL_SIZE}. Resolves when done;
 * never rejects (without WebAssembly, noble does the work).
 */
export function prepareFastSha256(): Promise<void> {
  refilling ??= (async () => {
    try {
      while (pool.length < POOL_SIZE) pool.push(await createSHA256());
    } catch {
      // No WebAssembly here: noble serves every digest.
    } finally {
      refilling = undefined;
    }
  })();
  return refilling;
}

/** A ready fast hasher, or undefined (and a refill starts) when none is. */
function takeFast(): IHasher | undefined {
  const h = pool.pop();
  if (pool.length === 0) void prepareFastSha256();
  return h?.init();
}

/** Above this size a one-shot digest is worth a WASM hasher. */
const FAST_ONE_SHOT = 1 << 16;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of a byte array. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!];
  return s;
}

/** Hex SHA-256 of `bytes` (64 characters). */
export function sha256Hex(bytes: Uint8Array): string {
  const fast = bytes.length >= FAST_ONE_SHOT ? takeFast() : undefined;
  if (!fast) return toHex(sha256(bytes));
  const hex = fast.update(bytes).digest('hex');
  pool.push(fast);
  return hex;
}

/** OCI digest string of `bytes`: `sha256:<hex>`, as used for DiffIDs, image IDs and manifests. */
export function digestOf(bytes: Uint8Array): string {
  return 'sha256:' + sha256Hex(bytes);
}

/** Incremental SHA-256 over a stream of chunks; `digest()` returns `sha256:<hex>` and ends the stream. */
export class Sha256Stream {
  private readonly fast = takeFast();
  private readonly h = this.fast ? undefined : sha256.create();
  private total = 0;
  private done = false;

  /** Feed the next chunk (bytes are read immediately; the caller may reuse the buffer). */
  update(chunk: Uint8Array): this {
    if (this.fast) this.fast.update(chunk);
    else this.h!.update(chunk);
    this.total += chunk.length;
    return this;
  }

  /** Number of bytes fed so far. */
  get length(): number {
    return this.total;
  }

  /** Finish and return `sha256:<hex>`. */
  digest(): string {
    if (!this.fast) return 'sha256:' + toHex(this.h!.digest());
    if (this.done) throw new Error('Sha256Stream: digest() called twice');
    this.done = true;
    const hex = this.fast.digest('hex');
    // Back to the pool only now: no other stream can have shared it.
    pool.push(this.fast);
    return 'sha256:' + hex;
  }
}
