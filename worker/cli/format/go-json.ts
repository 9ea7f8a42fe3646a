/**
 * Go encoding/json output: `json.Marshal` (compact; `<`, `>`, `&` escaped as
 * \u003c \u003e \u0026 unless SetEscapeHTML(false)) and `json.Indent`, which
 * `docker inspect` uses with four spaces (docker-reference §1.2, §6).
 *
 * Value mapping: null/undefined → null; integral numbers → Go int; other
 * numbers and {@link GoFloat} → float64; arrays → arrays; plain objects keep
 * insertion order like a struct (undefined and function properties are
 * omitted, as JSON.stringify does); `Map` → sorted keys like a Go map;
 * `Date` → RFC 3339 with nanoseconds like time.Time; {@link GoStruct} → its
 * marshalJson() text.
 */
import { GO_NIL, GoFloat, GoStruct, compareGoStrings } from './go-value.ts';
import { formatFloat } from '../../common/go-strconv.ts';
import { rfc3339Nano } from './go-time.ts';

/** Options of {@link goJson}. */
export interface GoJsonOptions {
  /** Go's Encoder.SetEscapeHTML; json.Marshal escapes (default true). */
  escapeHtml?: boolean;
}

/** encoding/json float64 encoding: 'f' form, 'e' below 1e-6 or from 1e21, `e-07` shortened to `e-7`. */
export function goJsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new Error(`json: unsupported value: ${formatFloat(f, 'g', -1)}`);
  const abs = Math.abs(f);
  const useE = abs !== 0 && (abs < 1e-6 || abs >= 1e21);
  let s = formatFloat(f, useE ? 'e' : 'f', -1);
  if (useE) s = s.replace(/e-0(\d)$/, 'e-$1');
  return s;
}

/** Go's encodeState.string: quote and escape a string for JSON. */
export function goJsonString(s: string, escapeHtml: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x22) out += '\\"';
      else if (c === 0x5c) out += '\\\\';
      else if (c >= 0x20 && !(escapeHtml && (c === 0x3c || c === 0x3e || c === 0x26))) out += s[i];
      else if (c === 0x08) out += '\\b';
      else if (c === 0x0c) out += '\\f';
      else if (c === 0x0a) out += '\\n';
      else if (c === 0x0d) out += '\\r';
      else if (c === 0x09) out += '\\t';
      else out += '\\u00' + c.toString(16).padStart(2, '0');
    } else if (c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += s[i] + s[i + 1];
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += '\ufffd'; // lone surrogate = invalid UTF-8, which Go replaces
    } else out += s[i];
  }
  return out + '"';
}

/** Escape `<>&` in already-encoded JSON, as Go's compact() does for a Marshaler's output. */
function escapeHtmlInJson(json: string): string {
  return json.replace(/[<>&]/g, (c) => '\\u00' + c.charCodeAt(0).toString(16));
}

function encode(v: unknown, escapeHtml: boolean): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return Number.isInteger(v) ? String(v) : goJsonFloat(v);
    case 'bigint':
      return v.toString();
    case 'string':
      return goJsonString(v, escapeHtml);
    case 'function':
    case 'symbol':
      throw new Error(`json: unsupported type: ${typeof v}`);
  }
  if (v instanceof GoFloat) return goJsonFloat(v.value);
  if (v instanceof GoStruct) {
    if (v.marshalJson) {
      const raw = v.marshalJson();
      return escapeHtml ? escapeHtmlInJson(raw) : raw;
    }
    return encode(v.target, escapeHtml);
  }
  if (v instanceof Date) return goJsonString(rfc3339Nano(v), escapeHtml);
  if (GO_NIL in (v as object)) return 'null';
  if (Array.isArray(v)) return '[' + v.map((e) => encode(e, escapeHtml)).join(',') + ']';
  if (v instanceof Map) {
    const keys = [...v.keys()].map(String).sort(compareGoStrings);
    const byString = new Map([...v.entries()].map(([k, val]) => [String(k), val]));
    return '{' + keys.map((k) => goJsonString(k, escapeHtml) + ':' + encode(byString.get(k), escapeHtml)).join(',') + '}';
  }
  const parts: string[] = [];
  for (const [k, val] of Object.entries(v as object)) {
    if (val === undefined || typeof val === 'function') continue;
    parts.push(goJsonString(k, escapeHtml) + ':' + encode(val, escapeHtml));
  }
  return '{' + parts.join(',') + '}';
}

/** `json.Marshal(value)` (or an Encoder with SetEscapeHTML(escapeHtml), minus its trailing newline). */
export function goJson(value: unknown, options: GoJsonOptions = {}): string {
  return encode(value, options.escapeHtml ?? true);
}

/**
 * `json.Indent(dst, src, prefix, indent)`: re-indent JSON text. Empty objects
 * and arrays stay `{}` / `[]`; ':' is followed by one space; the first line
 * gets no prefix.
 */
export function jsonIndent(src: string, prefix: string, indent: string): string {
  let out = '';
  let depth = 0;
  let needIndent = false;
  let inString = false;
  const newline = (): string => '\n' + prefix + indent.repeat(depth);
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inString) {
      out += c;
      if (c === '\\') out += src[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (needIndent && c !== '}' && c !== ']') {
      needIndent = false;
      depth++;
      out += newline();
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{':
      case '[':
        needIndent = true; // delayed so that empty values print as {} and []
        out += c;
        break;
      case ',':
        out += c + newline();
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        if (needIndent) needIndent = false;
        else {
          depth--;
          out += newline();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/** `json.MarshalIndent`-style output: {@link goJson} then {@link jsonIndent}; escapeHtml defaults to false as the daemon's encoder uses. */
export function goJsonIndent(value: unknown, prefix: string, indent: string, options: GoJsonOptions = {}): string {
  return jsonIndent(goJson(value, { escapeHtml: options.escapeHtml ?? false }), prefix, indent);
}
