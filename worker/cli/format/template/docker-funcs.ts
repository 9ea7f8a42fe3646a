/**
 * docker/cli templates/templates.go: the functions every `--format`
 * template gets (json, split, join, title, lower, upper, pad, truncate) and
 * the identity replacements used while rendering table headers (pad is
 * deliberately not replaced, to keep header and column alignment).
 */
import { goJson } from '../go-json.ts';
import type { GoFunc } from './funcs.ts';
import { utf8Bytes } from './go-fmt.ts';

/** Go's simple per-rune case mapping: JS mappings that change the length (ß → SS) are not applied. */
function mapRunes(s: string, f: (ch: string) => string): string {
  let out = '';
  for (const ch of s) {
    const m = f(ch);
    out += Array.from(m).length === 1 ? m : ch;
  }
  return out;
}

/** strings.Title's isSeparator. */
function isSeparator(ch: string): boolean {
  const cp = ch.codePointAt(0) as number;
  if (cp <= 0x7f) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

/** strings.Title: upper-case the first letter of each word. */
function title(s: string): string {
  let prev = ' ';
  return mapRunes(s, (ch) => {
    const out = isSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
    return out;
  });
}

/** strings.Split; an empty separator splits into characters. */
function split(s: string, sep: string): string[] {
  return sep === '' ? Array.from(s) : s.split(sep);
}

function repeat(n: number): string {
  if (n < 0) throw new Error('strings: negative Repeat count');
  return ' '.repeat(n);
}

/** Decode the first `n` bytes of the UTF-8 form of `s`; a cut character leaves U+FFFD per byte, as a terminal shows it. */
function byteSlice(s: string, n: number): string {
  let out = '';
  let used = 0;
  for (const ch of s) {
    const len = utf8Bytes(ch).length;
    if (used + len > n) {
      out += '\uFFFD'.repeat(n - used);
      break;
    }
    out += ch;
    used += len;
  }
  return out;
}

/** templates.truncateWithLength: byte-based, like Go's `source[:length]`. */
function truncate(s: string, length: number): string {
  const bytes = utf8Bytes(s).length;
  if (bytes < length) return s;
  if (length < 0) throw new Error(`runtime error: slice bounds out of range [:${length}]`);
  return byteSlice(s, length);
}

/** templates.basicFunctions. */
export const DOCKER_FUNCS: Record<string, GoFunc> = {
  // Encoder with SetEscapeHTML(false), trailing newline trimmed.
  json: { params: ['any'], fn: (v: unknown) => goJson(v, { escapeHtml: false }).trim() },
  split: { params: ['string', 'string'], fn: split },
  join: { params: ['[]string', 'string'], fn: (a: string[], sep: string) => a.join(sep) },
  title: { params: ['string'], fn: title },
  lower: { params: ['string'], fn: (s: string) => mapRunes(s, (c) => c.toLowerCase()) },
  upper: { params: ['string'], fn: (s: string) => mapRunes(s, (c) => c.toUpperCase()) },
  pad: { params: ['string', 'int', 'int'], fn: (s: string, pre: number, post: number) => (s === '' ? s : repeat(pre) + s + repeat(post)) },
  truncate: { params: ['string', 'int'], fn: truncate },
};

const identity = (v: string): string => v;

/** templates.HeaderFunctions: identity versions taking the header string. */
export const DOCKER_HEADER_FUNCS: Record<string, GoFunc> = {
  json: { params: ['string'], fn: identity },
  split: { params: ['string', 'string'], fn: identity },
  join: { params: ['string', 'string'], fn: identity },
  title: { params: ['string'], fn: identity },
  lower: { params: ['string'], fn: identity },
  upper: { params: ['string'], fn: identity },
  truncate: { params: ['string', 'int'], fn: identity },
};
