/**
 * UTF-8 encode/decode without TextEncoder: the engine compiles against the bare ES2022 lib
 * (no DOM, no Node types), where TextEncoder/TextDecoder are not declared. Tar names and
 * text files are mostly ASCII, so the fast path is a plain byte copy.
 */

/** Encode a JS string as UTF-8 bytes (lone surrogates become U+FFFD, like TextEncoder). */
export function encodeUtf8(s: string): Uint8Array {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) { ascii = false; break; }
  if (ascii) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(bytes);
}

/** Decode UTF-8 bytes (invalid sequences become U+FFFD). */
export function decodeUtf8(b: Uint8Array): string {
  let out = '';
  let chunk: number[] = [];
  const flush = (): void => { out += String.fromCharCode(...chunk); chunk = []; };
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    let cp = 0xfffd;
    let n = 1;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c < 0xe0 && cont(b, i + 1)) { cp = ((c & 31) << 6) | (b[i + 1]! & 63); n = 2; }
    else if (c >= 0xe0 && c < 0xf0 && cont(b, i + 1) && cont(b, i + 2)) {
      cp = ((c & 15) << 12) | ((b[i + 1]! & 63) << 6) | (b[i + 2]! & 63); n = 3;
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
    } else if (c >= 0xf0 && c < 0xf5 && cont(b, i + 1) && cont(b, i + 2) && cont(b, i + 3)) {
      cp = ((c & 7) << 18) | ((b[i + 1]! & 63) << 12) | ((b[i + 2]! & 63) << 6) | (b[i + 3]! & 63); n = 4;
      if (cp < 0x10000 || cp > 0x10ffff) cp = 0xfffd;
    }
    if (cp >= 0x10000) { cp -= 0x10000; chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 1023)); }
    else chunk.push(cp);
    if (chunk.length > 8192) flush();
    i += n;
  }
  flush();
  return out;
}

function cont(b: Uint8Array, i: number): boolean {
  return i < b.length && (b[i]! & 0xc0) === 0x80;
}

/**
 * Bytes to a string of one char per byte ("latin1", "binary"), as Node's
 * Buffer does. In slices: `String.fromCharCode(...bytes)` puts every byte on
 * the stack as an argument, and a Chromium worker overflows its stack at
 * about 63,000 of them (a Node main thread only near 130,000), so a file of
 * 64 KB could not be read in the page at all.
 */
export function decodeLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += LATIN1_SLICE) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + LATIN1_SLICE) as unknown as number[]);
  }
  return out;
}

// Small enough to leave most of the stack to the caller, large enough to cost nothing.
const LATIN1_SLICE = 8192;

/** True when every UTF-16 unit of `s` is 7-bit ASCII. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
