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
 * (worker/registry/generate-digests.ts) so this speed only matters for built layers.
 */
import { sha256 } from '@noble/hashes/sha2.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of a byte array. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!];
  return s;
}

/** Hex SHA-256 of `bytes` (64 characters). */
export function sha256Hex(bytes: Uint8Array): string {
  return toHex(sha256(bytes));
}

/** OCI digest string of `bytes`: `sha256:<hex>`, as used for DiffIDs, image IDs and manifests. */
export function digestOf(bytes: Uint8Array): string {
  return 'sha256:' + sha256Hex(bytes);
}

/** Incremental SHA-256 over a stream of chunks; `digest()` returns `sha256:<hex>` and ends the stream. */
export class Sha256Stream {
  private readonly h = sha256.create();
  private total = 0;

  /** Feed the next chunk (bytes are read immediately; the caller may reuse the buffer). */
  update(chunk: Uint8Array): this {
    this.h.update(chunk);
    this.total += chunk.length;
    return this;
  }

  /** Number of bytes fed so far. */
  get length(): number {
    return this.total;
  }

  /** Finish and return `sha256:<hex>`. */
  digest(): string {
    return 'sha256:' + toHex(this.h.digest());
  }
}
