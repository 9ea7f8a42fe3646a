/**
 * A streamed JSON-message response (pull, load, build, import), as moby's
 * WriteFlusher + streamformatter write it: one JSON object per line, `\r\n`
 * terminated, headers sent with the first message. An error before any
 * message is an ordinary error response (`Error response from daemon: …`
 * with its status); after, it is an `errorDetail` message in the stream.
 */
import type { ServerResponse } from 'node:http';
import type { JsonMessage } from '../engine/api-types.ts';
import { sendError, startStream, statusOf } from './respond.ts';

/** A lazily started JSON message stream on `res`. */
export class JsonStream {
  #started = false;
  constructor(private readonly res: ServerResponse) {}

  /** Whether anything was written. */
  get started(): boolean {
    return this.#started;
  }

  /** Writes one message (streamformatter: JSON + `\r\n`). */
  message(m: JsonMessage): void {
    this.begin();
    this.res.write(`${JSON.stringify(m)}\r\n`);
  }

  /** Sends the headers now (moby flushes them first for load). */
  begin(): void {
    if (this.#started) return;
    this.#started = true;
    startStream(this.res, 'application/json');
  }

  /** Ends the stream after success. */
  end(): void {
    this.begin();
    this.res.end();
  }

  /** Ends with an error: a response of its own if nothing was streamed, else an errorDetail message. */
  fail(err: unknown, code?: number): void {
    if (!this.#started) {
      sendError(this.res, err);
      return;
    }
    const { message } = statusOf(err);
    this.message({ errorDetail: { ...(code !== undefined ? { code } : {}), message }, error: message });
    this.res.end();
  }
}

/** Writes a byte stream as the response body chunk by chunk (save, export, archive): a ByteStream drops in unchanged. */
export async function pipeBytes(res: ServerResponse, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void> {
  for await (const c of chunks) {
    if (!res.write(c)) await new Promise<void>((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/** Slices a whole buffer into ~1 MB chunks: the engine's whole-buffer results until they are ByteStreams (streams.md). */
export function* chunksOf(bytes: Uint8Array, size = 1 << 20): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(bytes.length, at + size));
}
