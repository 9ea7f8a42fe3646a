/**
 * The byte formats of the Engine API's streaming bodies: the stream of JSON
 * messages of pull, load, build and events (one JSON value after another),
 * and the multiplexed stdout/stderr stream of a container without a TTY
 * (moby pkg/stdcopy: an 8-byte header per frame, byte 0 the stream, bytes
 * 4-7 the payload's length, big-endian).
 */
import type { ByteStream } from '../engine/stream.ts';

/** stdcopy's stream numbers. */
export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;

/** Each JSON value of a stream of JSON values (separated by newlines or nothing, as Go's json.Decoder reads them). */
export async function* jsonValues(body: ByteStream): AsyncGenerator<Record<string, unknown>> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) {
    text += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = completeValueEnd(text)) > 0) {
      const raw = text.slice(0, end).trim();
      text = text.slice(end);
      if (raw !== '') yield JSON.parse(raw) as Record<string, unknown>;
    }
  }
  text += decoder.decode();
  if (text.trim() !== '') yield JSON.parse(text) as Record<string, unknown>;
}

/** The end of the first complete top-level JSON object in `text`, or 0. */
function completeValueEnd(text: string): number {
  let depth = 0;
  let inString = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      depth++;
      started = true;
    } else if (c === '}' || c === ']') {
      depth--;
      if (started && depth === 0) return i + 1;
    }
  }
  return 0;
}

/** The frames of a multiplexed stream, as [stream number, payload]. */
export async function* demux(body: ByteStream): AsyncGenerator<[number, Uint8Array]> {
  let buf: Uint8Array = new Uint8Array(0);
  for await (const chunk of body) {
    buf = concat(buf, chunk);
    while (buf.length >= 8) {
      const size = ((buf[4]! << 24) >>> 0) + (buf[5]! << 16) + (buf[6]! << 8) + buf[7]!;
      if (buf.length < 8 + size) break;
      yield [buf[0]!, buf.slice(8, 8 + size)];
      buf = buf.slice(8 + size);
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
