/**
 * Binary frames of the runner protocol: `[u32 big-endian stream id][payload]`
 * (runner-protocol.md). Text frames are JSON control messages.
 */

/** A binary frame for stream `id`. */
export function encodeFrame(id: number, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(4 + payload.length);
  out.writeUInt32BE(id, 0);
  out.set(payload, 4);
  return out;
}

/** The stream id and payload of a binary frame, or null when it is shorter than its header. */
export function decodeFrame(frame: Buffer): { id: number; payload: Buffer } | null {
  if (frame.length < 4) return null;
  return { id: frame.readUInt32BE(0), payload: frame.subarray(4) };
}
