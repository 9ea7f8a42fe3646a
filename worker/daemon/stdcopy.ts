/**
 * moby's stdcopy framing (pkg/stdcopy): on a non-TTY attach, exec or logs
 * stream every write is prefixed by 8 bytes: the stream (0 stdin, 1 stdout,
 * 2 stderr, 3 system error), three zero bytes, and the payload length as a
 * big-endian uint32. A TTY stream is raw bytes.
 */

/** One multiplexed frame. */
export function frame(stream: 0 | 1 | 2 | 3, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + payload.length);
  out[0] = stream;
  new DataView(out.buffer).setUint32(4, payload.length);
  out.set(payload, 8);
  return out;
}

const encoder = new TextEncoder();

/** Encodes output of `stream` for a client: a frame when multiplexed, the bytes as they are on a TTY. */
export function encodeOutput(stream: 1 | 2, text: string | Uint8Array, multiplexed: boolean): Uint8Array {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  return multiplexed ? frame(stream, bytes) : bytes;
}
