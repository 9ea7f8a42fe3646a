/** Export lab / Import lab in tests: the archive as one buffer, over the streaming API (callbacks comlink-proxied, as the page passes them). */
import { proxy } from 'comlink';
import type { ChunkSource, LabApi } from '../../worker/api.ts';

/** Exports the lab of `api` into one buffer (tests only: the page never assembles it). */
export async function exportBytes(api: Pick<LabApi, 'exportLab'>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const size = await api.exportLab(proxy((chunk: Uint8Array) => void parts.push(chunk.slice())));
  const out = new Uint8Array(size);
  parts.reduce((off, p) => (out.set(p, off), off + p.length), 0);
  return out;
}

/** A source giving `bytes` in pieces of `piece` bytes, as the page reads a File. */
export function fromBytes(bytes: Uint8Array, piece = 64 * 1024 + 3): ChunkSource {
  let off = 0;
  return proxy(async () => {
    if (off >= bytes.length) return null;
    const chunk = bytes.slice(off, off + piece);
    off += piece;
    return chunk;
  });
}
