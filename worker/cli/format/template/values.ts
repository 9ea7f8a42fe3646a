/**
 * How JS values stand in for Go values inside templates (what reflect.Kind
 * each has, its Go type name for error texts, and `if` truth):
 * undefined = an invalid reflect.Value ("<no value>", a missing map key);
 * null = a nil interface; strings; integral numbers = int; other numbers and
 * GoFloat = float64; booleans; arrays = slices; Map and plain objects = maps;
 * GoStruct and objects carrying GO_TYPE = structs.
 */
import { GO_TYPE, GoFloat, GoStruct, compareGoStrings, hasOwnOrProtoField } from '../go-value.ts';

/**
 * A nil pointer read from a struct field or method (docker's
 * `Platform() *Platform`): Go prints it as `<nil>`, whereas a nil
 * interface{} from a map prints `<no value>`.
 */
export const NIL_POINTER: object = Object.freeze({ nilPointer: true });

/** The reflect.Kind groups the template engine distinguishes. */
export type Kind = 'invalid' | 'nil' | 'string' | 'int' | 'float' | 'bool' | 'slice' | 'map' | 'struct' | 'func';

/** A struct view: the object holding fields/methods and its Go type name. */
export interface StructView {
  target: object;
  typeName: string;
}

/** Struct view of a value, or undefined when it is not a struct. */
export function asStruct(v: unknown): StructView | undefined {
  if (v instanceof GoStruct) return { target: v.target, typeName: v.typeName };
  if (typeof v === 'object' && v !== null && GO_TYPE in v) {
    return { target: v, typeName: String((v as Record<symbol, unknown>)[GO_TYPE]) };
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !isPlainObject(v)) {
    const ctor = (v as { constructor?: { name?: string } }).constructor;
    return { target: v, typeName: `*${ctor?.name ?? 'struct'}` };
  }
  return undefined;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The Go kind of a JS value. */
export function kindOf(v: unknown): Kind {
  if (v === undefined) return 'invalid';
  if (v === null || v === NIL_POINTER) return 'nil';
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint': return 'int';
    case 'boolean': return 'bool';
    case 'function': return 'func';
  }
  if (v instanceof GoFloat) return 'float';
  if (Array.isArray(v)) return 'slice';
  if (asStruct(v)) return 'struct';
  return 'map';
}

/** Go type name as text/template error messages print it (`%s` of reflect.Type). */
export function goTypeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid': return '<nil>';
    case 'nil': return 'interface {}';
    case 'string': return 'string';
    case 'int': return 'int';
    case 'float': return 'float64';
    case 'bool': return 'bool';
    case 'func': return 'func()';
    case 'slice': return (v as unknown[]).every((e) => typeof e === 'string') ? '[]string' : '[]interface {}';
    case 'struct': return (asStruct(v) as StructView).typeName;
    case 'map': return 'map[string]interface {}';
  }
}

/** Number value of an int or float kind. */
export function numberOf(v: unknown): number {
  if (v instanceof GoFloat) return v.value;
  return Number(v);
}

/** Map entries sorted like Go's fmtsort: numbers numerically, strings by bytes. */
export function sortedEntries(v: unknown): [unknown, unknown][] {
  const entries: [unknown, unknown][] = v instanceof Map ? [...v.entries()] : Object.entries(v as object);
  return entries.sort(([a], [b]) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return compareGoStrings(String(a), String(b));
  });
}

/** Look up a map key: [found, value]. Undefined-valued properties count as absent. */
export function mapLookup(m: unknown, key: string): [boolean, unknown] {
  if (m instanceof Map) return m.has(key) ? [true, m.get(key)] : [false, undefined];
  const obj = m as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined) return [true, obj[key]];
  return [false, undefined];
}

/** Number of map entries. */
export function mapSize(m: unknown): number {
  return m instanceof Map ? m.size : Object.keys(m as object).length;
}

/** Go text/template isTrue: zero values are false; structs are always true. */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'string':
      return (v as string).length > 0;
    case 'int':
    case 'float':
      return numberOf(v) !== 0;
    case 'bool':
      return v as boolean;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      return mapSize(v) > 0;
    default:
      return true;
  }
}

/** Does a struct view have this field or method? */
export function structHas(view: StructView, name: string): boolean {
  return hasOwnOrProtoField(view.target, name);
}

/** Go's exported-identifier rule: first character is an upper-case letter. */
export function isExported(name: string): boolean {
  const first = String.fromCodePoint(name.codePointAt(0) ?? 0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** UTF-8 byte length, which Go's len() and column numbers count. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
