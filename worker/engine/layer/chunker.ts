/**
 * Packs pieces of any size (512-byte tar headers, small files, 1 MiB layer
 * chunks) into fresh chunks of one size, so a stream hands its consumer a few
 * large buffers instead of thousands of small ones, and never more than one
 * chunk is being filled. A chunk once yielded is the consumer's: it is never
 * written again.
 */

/** Default chunk size of archive streams: 1 MiB (streams.md). */
export const STREAM_CHUNK = 1 << 20;

/** Gathers bytes into fixed-size chunks. */
export class Chunker {
  #buf: Uint8Array;
  #pos = 0;
  readonly #size: number;

  constructor(size = STREAM_CHUNK) {
    this.#size = size;
    this.#buf = new Uint8Array(size);
  }

  /** Copies `bytes` in; yields each chunk that fills up. */
  *put(bytes: Uint8Array): Generator<Uint8Array> {
    let off = 0;
    while (off < bytes.length) {
      const n = Math.min(bytes.length - off, this.#size - this.#pos);
      this.#buf.set(bytes.subarray(off, off + n), this.#pos);
      this.#pos += n;
      off += n;
      if (this.#pos === this.#size) yield this.#take();
    }
  }

  /** Adds `n` zero bytes (fresh chunks start zeroed). */
  *zeros(n: number): Generator<Uint8Array> {
    while (n > 0) {
      const k = Math.min(n, this.#size - this.#pos);
      this.#pos += k;
      n -= k;
      if (this.#pos === this.#size) yield this.#take();
    }
  }

  /** The last, partly filled chunk, if any. */
  *flush(): Generator<Uint8Array> {
    if (this.#pos > 0) {
      const last = this.#buf.subarray(0, this.#pos);
      this.#buf = new Uint8Array(this.#size);
      this.#pos = 0;
      yield last;
    }
  }

  #take(): Uint8Array {
    const full = this.#buf;
    this.#buf = new Uint8Array(this.#size);
    this.#pos = 0;
    return full;
  }
}
