/**
 * Typed reads of a strictly parsed JSON document, the way the daemon's Go
 * structs would read it, minus every ambiguity (runner-security.md §2.2 item
 * 1, §6.2 "exact-case keys … no unknown keys anywhere"): a key must be the
 * canonical field name exactly, a key that differs only by case is refused
 * (Go would accept it), an unknown key is refused (Go would drop it, and a
 * field a newer daemon understands must fail closed, §5.3 17), and a value
 * of the wrong JSON type is refused.
 */
import { foldKey, isObject, type Json, type JsonObject } from './json.ts';
import { forbid, malformed } from './refusal.ts';

/** A struct-shaped object whose keys were checked against its field list. */
export class Fields {
  constructor(
    readonly where: string,
    readonly obj: JsonObject,
  ) {}

  /** The raw value of a field (undefined when absent). */
  raw(name: string): Json | undefined {
    return this.obj[name];
  }

  has(name: string): boolean {
    return this.obj[name] !== undefined;
  }

  /** A string field; absent and null read as "". */
  string(name: string, max = 4096): string {
    const v = this.obj[name];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') malformed(`${this.at(name)} must be a string`);
    if (v.length > max) malformed(`${this.at(name)} is too long`);
    return v;
  }

  /** A boolean field; absent and null read as false. */
  bool(name: string): boolean {
    const v = this.obj[name];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') malformed(`${this.at(name)} must be a boolean`);
    return v;
  }

  /** An integer field (Go int64 within ±2^53); absent and null read as 0. */
  int(name: string): number {
    const v = this.obj[name];
    if (v === undefined || v === null) return 0;
    if (typeof v !== 'number' || !Number.isInteger(v)) malformed(`${this.at(name)} must be an integer`);
    return v;
  }

  /** An array of strings; absent and null read as null (Go's nil slice). */
  strings(name: string, maxItems = 1024, maxLen = 65536): string[] | null {
    const v = this.obj[name];
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v)) malformed(`${this.at(name)} must be an array of strings`);
    if (v.length > maxItems) malformed(`${this.at(name)} has too many entries`);
    return v.map((s) => {
      if (typeof s !== 'string') malformed(`${this.at(name)} must be an array of strings`);
      if (s.length > maxLen) malformed(`${this.at(name)} has an entry that is too long`);
      return s;
    });
  }

  /** A map of string to string; absent and null read as null. */
  stringMap(name: string, maxItems = 256): Record<string, string> | null {
    const v = this.obj[name];
    if (v === undefined || v === null) return null;
    if (!isObject(v)) malformed(`${this.at(name)} must be an object`);
    const out: Record<string, string> = {};
    const keys = Object.keys(v);
    if (keys.length > maxItems) malformed(`${this.at(name)} has too many entries`);
    for (const k of keys) {
      const s = v[k];
      if (typeof s !== 'string') malformed(`${this.at(name)}[${JSON.stringify(k)}] must be a string`);
      out[k] = s;
    }
    return out;
  }

  /** A nested struct (absent and null read as null). */
  struct(name: string, known: readonly string[]): Fields | null {
    const v = this.obj[name];
    if (v === undefined || v === null) return null;
    return fields(v, this.at(name), known);
  }

  /**
   * Refuses the request unless the field is absent or its zero value (null,
   * false, 0, "", [], {}): the fields the docker CLI always sends zeroed and
   * the rebuild never copies (§6.2 "every other field must be absent or zero").
   */
  zero(name: string, why = 'is not allowed on this runner'): void {
    const v = this.obj[name];
    if (isZero(v)) return;
    forbid(`${this.at(name)} ${why}`);
  }

  at(name: string): string {
    return this.where ? `${this.where}.${name}` : name;
  }
}

/**
 * Go's zero values as the CLI sends them. An object is zero only when it has
 * no keys: a map with a key is not nil even when the value is "" (`Sysctls:
 * {"kernel.x":""}` sets it), and structs sent zeroed (`LogConfig`) are read
 * field by field instead.
 */
export function isZero(v: Json | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.keys(v).length === 0;
  return false;
}

/**
 * Checks the keys of a struct-shaped object: every key must be one of
 * `known` spelt exactly. Go's json would accept `hostconfig` for
 * `HostConfig`; we refuse it, since a proxy and the daemon reading the same
 * bytes differently is the whole class of bypass (§2.2 item 1).
 */
export function fields(v: Json, where: string, known: readonly string[]): Fields {
  if (!isObject(v)) malformed(`${where || 'the body'} must be a JSON object`);
  const byFold = new Map(known.map((k) => [foldKey(k), k]));
  for (const key of Object.keys(v)) {
    if (known.includes(key)) continue;
    const canonical = byFold.get(foldKey(key));
    const at = where ? `${where}.${key}` : key;
    if (canonical) malformed(`field ${JSON.stringify(at)} differs from the Engine API's ${JSON.stringify(canonical)} only by case`);
    forbid(`unknown field ${JSON.stringify(at)} is not allowed on this runner`);
  }
  return new Fields(where, v);
}

/** ConsoleSize `[0,0]` is the CLI's "no terminal size" (cli/command/container/run.go). */
export function isZeroSize(v: Json | undefined): boolean {
  return isZero(v) || (Array.isArray(v) && v.every((n) => n === 0));
}
