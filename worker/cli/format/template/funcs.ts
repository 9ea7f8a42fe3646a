/**
 * Template function definitions and Go's predefined functions
 * (text/template/funcs.go): and, or, not, len, index, print, printf,
 * println, eq, ne, lt, le, gt, ge, slice, html, js, urlquery.
 */
import { formatValue, sprint, sprintf, sprintln, utf8Bytes } from './go-fmt.ts';
import { goTypeName, isTrue, kindOf, mapLookup, numberOf, utf8Length } from './values.ts';

/**
 * Go parameter types the engine checks arguments against: 'value' is
 * reflect.Value (anything, nil stays nil), 'any' is interface{}.
 */
export type ParamType = 'string' | 'int' | 'bool' | '[]string' | 'any' | 'value';

/** A template function with a Go signature; `fn` may throw an Error (→ `error calling NAME: msg`). */
export interface GoFunc {
  params: ParamType[];
  variadic?: ParamType;
  fn: (...args: never[]) => unknown;
}

/** Template functions by name; plain JS functions count as `func(...interface{}) interface{}`. */
export type FuncMap = Record<string, GoFunc | ((...args: never[]) => unknown)>;

/** Normalize a FuncMap entry to a GoFunc. */
export function toGoFunc(f: GoFunc | ((...args: never[]) => unknown)): GoFunc {
  return typeof f === 'function' ? { params: [], variadic: 'any', fn: f } : f;
}

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'other' | 'invalid';

function basicKind(v: unknown): BasicKind {
  const k = kindOf(v);
  if (k === 'invalid' || k === 'nil') return 'invalid';
  if (k === 'bool' || k === 'int' || k === 'float' || k === 'string') return k;
  return 'other';
}

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

function eq(arg1: unknown, ...rest: unknown[]): boolean {
  if (rest.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of rest) {
    const k2 = basicKind(arg);
    if (k1 !== k2) {
      if (k1 !== 'invalid' && k2 !== 'invalid') throw new Error(INCOMPATIBLE);
      continue;
    }
    if (k1 === 'other') {
      const kind = kindOf(arg1);
      if (kind === 'slice' || kind === 'map' || kind === 'func') {
        throw new Error(`non-comparable type ${formatValue(arg1)}: ${goTypeName(arg1)}`);
      }
      if (arg1 === arg) return true;
    } else if (k1 === 'invalid') return true;
    else if (k1 === 'int' || k1 === 'float') {
      if (numberOf(arg1) === numberOf(arg)) return true;
    } else if (arg1 === arg) return true;
  }
  return false;
}

function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k1 === 'other' || k2 === 'invalid' || k2 === 'other') throw new Error(BAD_TYPE);
  if (k1 !== k2) throw new Error(INCOMPATIBLE);
  if (k1 === 'bool') throw new Error(BAD_TYPE);
  if (k1 === 'string') return (a as string) < (b as string);
  return numberOf(a) < numberOf(b);
}

function length(item: unknown): number {
  switch (kindOf(item)) {
    case 'invalid':
    case 'nil':
      throw new Error('len of nil pointer');
    case 'string':
      return utf8Length(item as string);
    case 'slice':
      return (item as unknown[]).length;
    case 'map':
      return item instanceof Map ? item.size : Object.keys(item as object).length;
    default:
      throw new Error(`len of type ${goTypeName(item)}`);
  }
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('index of untyped nil');
  for (const i of indexes) {
    if (item === null) throw new Error('index of nil pointer');
    const kind = kindOf(item);
    if (kind === 'slice' || kind === 'string') {
      const len = kind === 'slice' ? (item as unknown[]).length : utf8Length(item as string);
      const x = indexArg(i, len);
      if (x === len) throw new Error(`reflect: ${kind === 'slice' ? 'slice' : 'string'} index out of range`);
      item = kind === 'slice' ? (item as unknown[])[x] : utf8Bytes(item as string)[x];
    } else if (kind === 'map') {
      if (typeof i !== 'string') throw new Error(`value has type ${goTypeName(i)}; should be string`);
      item = mapLookup(item, i)[1] ?? null;
    } else throw new Error(`can't index item of type ${goTypeName(item)}`);
  }
  return item;
}

/** Go's indexArg: an int within [0, cap]. */
function indexArg(i: unknown, cap: number): number {
  const k = kindOf(i);
  if (k === 'invalid' || k === 'nil') throw new Error('cannot index slice/array with nil');
  if (k !== 'int') throw new Error(`cannot index slice/array with type ${goTypeName(i)}`);
  const x = Number(i);
  if (x < 0 || x > cap) throw new Error(`index out of range: ${x}`);
  return x;
}

/** Decode UTF-8 bytes; invalid sequences (a string cut mid-character) become U+FFFD per byte. */
function decodeUtf8(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    const seq = bytes.slice(i, i + n);
    if (n === 0 || seq.length < n || seq.slice(1).some((c) => (c & 0xc0) !== 0x80)) {
      out += '\uFFFD';
      i++;
      continue;
    }
    let cp = n === 1 ? b : b & (0xff >> (n + 1));
    for (const c of seq.slice(1)) cp = (cp << 6) | (c & 0x3f);
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}

/** Go's slice builtin: item[i:j(:k)] on slices and (byte-wise) strings. */
function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const kind = kindOf(item);
  let bytes: number[] | undefined;
  let len: number;
  if (kind === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    bytes = utf8Bytes(item as string);
    len = bytes.length;
  } else if (kind === 'slice') len = (item as unknown[]).length;
  else throw new Error(`can't slice item of type ${goTypeName(item)}`);
  const idx = [0, len, len];
  indexes.forEach((ix, n) => (idx[n] = indexArg(ix, len)));
  if (idx[0] > idx[1]) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  return bytes ? decodeUtf8(bytes.slice(idx[0], idx[1])) : (item as unknown[]).slice(idx[0], idx[1]);
}

/** Go's JSEscapeString. */
function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '\\' || ch === "'" || ch === '"') out += '\\' + ch;
    else if ('<>&='.includes(ch) || cp < 0x20 || (cp >= 0x7f && !/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch))) {
      out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    } else out += ch;
  }
  return out;
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
}

/** Go's url.QueryEscape. */
function queryEscape(s: string): string {
  return utf8Bytes(s)
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
      if (c === ' ') return '+';
      return '%' + b.toString(16).toUpperCase().padStart(2, '0');
    })
    .join('');
}

/** Go's predefined template functions; `and`/`or` are short-circuited by the executor. */
export const BUILTINS: Record<string, GoFunc> = {
  and: { params: ['value'], variadic: 'value', fn: () => undefined },
  or: { params: ['value'], variadic: 'value', fn: () => undefined },
  not: { params: ['value'], fn: (v: unknown) => !isTrue(v) },
  len: { params: ['value'], fn: length },
  index: { params: ['value'], variadic: 'value', fn: index },
  print: { params: [], variadic: 'any', fn: (...a: unknown[]) => sprint(a) },
  printf: { params: ['string'], variadic: 'any', fn: (f: string, ...a: unknown[]) => sprintf(f, a) },
  println: { params: [], variadic: 'any', fn: (...a: unknown[]) => sprintln(a) },
  eq: { params: ['value'], variadic: 'value', fn: eq },
  ne: { params: ['value', 'value'], fn: (a: unknown, b: unknown) => !eq(a, b) },
  lt: { params: ['value', 'value'], fn: lt },
  le: { params: ['value', 'value'], fn: (a: unknown, b: unknown) => lt(a, b) || eq(a, b) },
  gt: { params: ['value', 'value'], fn: (a: unknown, b: unknown) => !lt(a, b) && !eq(a, b) },
  ge: { params: ['value', 'value'], fn: (a: unknown, b: unknown) => !lt(a, b) },
  slice: { params: ['value'], variadic: 'value', fn: slice },
  js: { params: [], variadic: 'any', fn: (...a: unknown[]) => jsEscape(a.length === 1 && typeof a[0] === 'string' ? a[0] : sprint(a)) },
  html: { params: [], variadic: 'any', fn: (...a: unknown[]) => htmlEscape(a.length === 1 && typeof a[0] === 'string' ? a[0] : sprint(a)) },
  urlquery: { params: [], variadic: 'any', fn: (...a: unknown[]) => queryEscape(a.length === 1 && typeof a[0] === 'string' ? a[0] : sprint(a)) },
};
