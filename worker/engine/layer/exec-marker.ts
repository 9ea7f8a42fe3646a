/**
 * Which simulated program an executable is. The marker lives in the file's bytes (not in
 * a side table), so it survives everything Docker does to bytes: save/load, export,
 * `docker cp`, commit, COPY --from. Layout: a 16-byte ELF identification
 * (`\x7fELF`, 64-bit, little-endian, version 1) so `file`-like checks look plausible,
 * then `LAYERLAB-EXEC <program>\n`.
 */
import { decodeUtf8, encodeUtf8 } from './utf8.ts';

const ELF_IDENT = [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const TAG = 'LAYERLAB-EXEC ';

/** The header bytes that start a simulated executable for `program` (e.g. 'busybox'). */
export function execHeader(program: string): Uint8Array {
  const tail = encodeUtf8(TAG + program + '\n');
  const out = new Uint8Array(ELF_IDENT.length + tail.length);
  out.set(ELF_IDENT, 0);
  out.set(tail, ELF_IDENT.length);
  return out;
}

/** Program name carried by a file's first bytes, or undefined when it is not a marked executable. */
export function programOf(prefix: Uint8Array): string | undefined {
  if (prefix.length < ELF_IDENT.length + TAG.length + 2) return undefined;
  for (let i = 0; i < 4; i++) if (prefix[i] !== ELF_IDENT[i]) return undefined;
  const start = ELF_IDENT.length;
  const tag = decodeUtf8(prefix.subarray(start, start + TAG.length));
  if (tag !== TAG) return undefined;
  const end = prefix.indexOf(10, start + TAG.length);
  if (end < 0 || end - start > 80) return undefined;
  return decodeUtf8(prefix.subarray(start + TAG.length, end));
}

/** How many leading bytes `programOf` needs at most. */
export const EXEC_PREFIX_BYTES = 112;
