/**
 * Template function definitions and Go's predefined functions
 * (text/template/funcs.go): and, or, not, len, index, print, printf,
 * println, eq, ne, lt, le, gt, ge, html, urlquery.
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
      const k = kindOf(i);
      if (k === 'invalid' || k === 'nil') throw new Error('cannot index slice/array with nil');
      if (k !== 'int') throw new Error(`cannot index slice/array with type ${goTypeName(i)}`);
      const x = Number(i);
      const len = kind === 'slice' ? (item as unknown[]).length : utf8Length(item as string);
      if (x < 0 || x > len) throw new Error(`index out of range: ${x}`);
      if (x === len) throw new Error(`reflect: ${kind === 'slice' ? 'slice' : 'string'} index out of range`);
      item = kind === 'slice' ? (item as unknown[])[x] : utf8Bytes(item as string)[x];
    } else if (kind === 'map') {
      if (typeof i !== 'string') throw new Error(`value has type ${goTypeName(i)}; should be string`);
      item = mapLookup(item, i)[1] ?? null;
    } else throw new Error(`can't index item of type ${goTypeName(item)}`);
  }
  return item;
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
  html: { params: [], variadic: 'any', fn: (...a: unknown[]) => htmlEscape(a.length === 1 && typeof a[0] === 'string' ? a[0] : sprint(a)) },
  urlquery: { params: [], variadic: 'any', fn: (...a: unknown[]) => queryEscape(a.length === 1 && typeof a[0] === 'string' ? a[0] : sprint(a)) },
};
