/**
 * Strict JSON for the policy (runner-security.md §2.2 items 1, 4 and §5.3 C).
 *
 * The daemon decodes with Go's encoding/json, which matches object keys to
 * struct fields case-insensitively (with Unicode simple folding, so "ſ"
 * matches "s" and "K" matches "k"), lets the LAST of several matching keys
 * win, replaces invalid UTF-8 and lone surrogates with U+FFFD, and refuses
 * "unexpected content after JSON" only for non-space trailing bytes. A
 * proxy that reads `JSON.parse(body).HostConfig.Privileged` therefore sees a
 * different document than the daemon does. This parser refuses every such
 * ambiguity instead of resolving it:
 * - invalid UTF-8 and lone surrogate escapes;
 * - duplicate keys, exact or after folding (struct-ness is the schema's
 *   business: schema.ts also refuses keys that only differ by case from a
 *   canonical field name);
 * - non-finite numbers (1e400) and integers beyond ±2^53;
 * - nesting deeper than MAX_DEPTH, trailing data other than whitespace.
 * Objects come back with a null prototype so `__proto__` is an ordinary key.
 */
import { malformed } from './refusal.ts';

/** A parsed JSON value. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
/** A parsed JSON object (null prototype, keys in document order). */
export interface JsonObject {
  [key: string]: Json;
}

/** Deeper documents are refused (the 10 000-level nesting of §5.3 16). */
export const MAX_DEPTH = 32;

/** Go's case-insensitive key matching, approximated from above: upper then lower folds ſ→s, K→k, ﬀ-style ligatures too. */
export function foldKey(key: string): string {
  return key.toUpperCase().toLowerCase();
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Parses `bytes` strictly; throws a Refusal (400) saying what is wrong. */
export function parseStrictJson(bytes: Uint8Array): Json {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    malformed('request body is not valid UTF-8');
  }
  // A BOM is not JSON (Go refuses it too: "invalid character 'ï'").
  let i = 0;
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const fail = (what: string): never => malformed(`invalid JSON body: ${what} at offset ${i}`);

  const str = (): string => {
    // text[i] === '"'
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return out;
      }
      if (c < 0x20) fail('control character in string');
      if (c !== 0x5c) {
        out += text[i];
        i++;
        continue;
      }
      const e = text[i + 1];
      i += 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const unit = hex4();
          if (unit >= 0xd800 && unit <= 0xdbff) {
            if (text[i] !== '\\' || text[i + 1] !== 'u') fail('lone surrogate escape');
            i += 2;
            const low = hex4();
            if (low < 0xdc00 || low > 0xdfff) fail('lone surrogate escape');
            out += String.fromCharCode(unit, low);
          } else if (unit >= 0xdc00 && unit <= 0xdfff) fail('lone surrogate escape');
          else out += String.fromCharCode(unit);
          break;
        }
        default:
          fail('invalid escape');
      }
    }
  };
  const hex4 = (): number => {
    const h = text.slice(i, i + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) fail('invalid \\u escape');
    i += 4;
    return parseInt(h, 16);
  };
  const num = (): number => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-') fail('invalid number');
    i += m![0].length;
    const n = Number(m![0]);
    if (!Number.isFinite(n)) fail('number out of range');
    if (Number.isInteger(n) && !Number.isSafeInteger(n)) fail('number out of range');
    return n;
  };
  const value = (depth: number): Json => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj = Object.create(null) as JsonObject;
      const folded = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const key = str();
        const f = foldKey(key);
        if (folded.has(f)) malformed(`duplicate key ${JSON.stringify(key)} in JSON body (keys are matched case-insensitively by the daemon)`);
        folded.add(f);
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        obj[key] = value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const arr: Json[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('null', i)) return (i += 4), null;
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    return fail(c === undefined ? 'unexpected end' : 'unexpected character');
  };
  const v = value(0);
  ws();
  if (i !== text.length) fail('trailing data after the JSON value');
  return v;
}

/** True for a JSON object (not an array, not null). */
export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
