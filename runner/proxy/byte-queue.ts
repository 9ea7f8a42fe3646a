/**
 * The bytes of one request body as the page sends them, read by the
 * upstream request as an async iterable. `queued` tells the connection how
 * much is waiting, so it can pause the WebSocket (stop reading the page)
 * until the engine has taken it: back-pressure from the engine to the page.
 */
export class ByteQueue implements AsyncIterable<Uint8Array> {
  #chunks: Uint8Array[] = [];
  #queued = 0;
  #ended = false;
  #error: Error | null = null;
  #wake: (() => void) | null = null;
  /** Called whenever a chunk was taken (the connection resumes the socket below its low watermark). */
  onTake: (() => void) | null = null;

  get queued(): number {
    return this.#queued;
  }

  push(chunk: Uint8Array): void {
    if (this.#ended) return;
    this.#chunks.push(chunk);
    this.#queued += chunk.length;
    this.#wake?.();
  }

  end(): void {
    this.#ended = true;
    this.#wake?.();
  }

  /** Ends the body with an error: the upstream request fails and the engine sees a cut body. */
  fail(err: Error): void {
    this.#error = err;
    this.#ended = true;
    this.#chunks = [];
    this.#queued = 0;
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      if (this.#error) throw this.#error;
      const c = this.#chunks.shift();
      if (c) {
        this.#queued -= c.length;
        this.onTake?.();
        yield c;
        continue;
      }
      if (this.#ended) return;
      await new Promise<void>((r) => (this.#wake = r));
      this.#wake = null;
    }
  }
}
