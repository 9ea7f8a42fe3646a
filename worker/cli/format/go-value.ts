/**
 * Markers that let plain JS values carry the Go type information the docker
 * CLI's output depends on: a float64 that happens to be integral (Go prints
 * 1982341.0 as `1.982341e+06` with %v), and a struct with a type name (Go's
 * template errors name it, e.g. `*formatter.imageContext`).
 */

/** A Go float64. Plain JS numbers count as Go `int` when integral and float64 otherwise. */
export class GoFloat {
  /** @param value the float64 value */
  constructor(readonly value: number) {}
}

/** Box a number as a Go float64 (e.g. numbers of a JSON-decoded map, as `docker inspect`'s fallback sees them). */
export function goFloat(value: number): GoFloat {
  return new GoFloat(value);
}

/**
 * A Go struct (or pointer to one) backed by a JS object: templates look up its
 * fields as properties and call function-valued properties as zero-argument
 * methods, like docker's formatter contexts (`imageContext.Repository()`).
 */
export class GoStruct {
  /**
   * @param target object whose properties are the struct's fields and methods
   * @param typeName Go type name used in errors, e.g. `*formatter.imageContext`
   * @param marshalJson optional json.Marshaler: returns the value's JSON text
   */
  constructor(
    readonly target: object,
    readonly typeName: string,
    readonly marshalJson?: () => string,
  ) {}
}

/** Marks a nil slice or map: a template prints it as `[]` / `map[]`, json.Marshal as `null`. */
export const GO_NIL: unique symbol = Symbol.for('layerlab.goNil');

/** `v` (an empty array or Map) marked as Go's nil slice or nil map (see {@link GO_NIL}). */
export function goNil<T extends unknown[] | Map<unknown, unknown>>(v: T): T {
  Object.defineProperty(v, GO_NIL, { value: true });
  return v;
}

/**
 * Alternative to {@link GoStruct}: any object carrying this symbol (value =
 * the Go type name) is treated as a struct rather than as a map.
 */
export const GO_TYPE: unique symbol = Symbol.for('layerlab.goType');

/** Where a property is found on an object, skipping Object.prototype's built-ins. */
export function hasOwnOrProtoField(obj: object, name: string): boolean {
  let o: object | null = obj;
  while (o !== null && o !== Object.prototype) {
    if (Object.prototype.hasOwnProperty.call(o, name)) return true;
    o = Object.getPrototypeOf(o) as object | null;
  }
  return false;
}

/** Property names visible on an object and its prototypes (without Object.prototype), first-seen order. */
export function fieldNames(obj: object): string[] {
  const seen = new Set<string>();
  let o: object | null = obj;
  while (o !== null && o !== Object.prototype) {
    for (const k of Object.getOwnPropertyNames(o)) if (k !== 'constructor') seen.add(k);
    o = Object.getPrototypeOf(o) as object | null;
  }
  return [...seen];
}

/** Compare strings by code point, which equals Go's byte-wise UTF-8 string order. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = (x.value as string).codePointAt(0) as number;
    const cy = (y.value as string).codePointAt(0) as number;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}
