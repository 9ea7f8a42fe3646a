/**
 * The part of Go's fmt package templates reach: `{{.}}` printing (%v),
 * print/println (Sprint/Sprintln) and printf (Sprintf) with the common verbs
 * and Go's error forms (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA …)`).
 */
import { formatFloat, goQuote } from '../../../common/go-strconv.ts';
import { asStruct, goTypeName, kindOf, numberOf, sortedEntries } from './values.ts';
import { fieldNames } from '../go-value.ts';
import { goTimeString } from '../go-time.ts';

/** fmt %v of a value: `[a b]` for slices, `map[k:v]` with sorted keys, `<nil>` for nil. */
export function formatValue(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return '<nil>';
    case 'string':
      return v as string;
    case 'int':
      return String(v);
    case 'float':
      return formatFloat(numberOf(v), 'g', -1);
    case 'bool':
      return v ? 'true' : 'false';
    case 'slice':
      return '[' + (v as unknown[]).map(formatValue).join(' ') + ']';
    case 'map':
      return 'map[' + sortedEntries(v).map(([k, val]) => `${formatValue(k)}:${formatValue(val)}`).join(' ') + ']';
    case 'func':
      return '0x1';
    case 'struct': {
      // time.Time is a fmt.Stringer: `2026-11-24 02:31:58 +0000 UTC`.
      if (v instanceof Date) return goTimeString(v);
      const view = asStruct(v);
      if (!view) return '{}';
      const values = fieldNames(view.target)
        .map((k) => (view.target as Record<string, unknown>)[k])
        .filter((x) => typeof x !== 'function');
      return (view.typeName.startsWith('*') ? '&' : '') + '{' + values.map(formatValue).join(' ') + '}';
    }
  }
}

/** fmt.Sprint: operands separated by a space when neither side is a string. */
export function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(a);
  });
  return out;
}

/** fmt.Sprintln: operands always separated by spaces, newline appended. */
export function sprintln(args: unknown[]): string {
  return args.map(formatValue).join(' ') + '\n';
}

interface Spec {
  minus: boolean;
  plus: boolean;
  zero: boolean;
  space: boolean;
  sharp: boolean;
  width?: number;
  prec?: number;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const len = Array.from(s).length;
  if (spec.width === undefined || len >= spec.width) return s;
  const n = spec.width - len;
  if (spec.minus) return s + ' '.repeat(n);
  if (spec.zero && numeric) {
    const sign = s.startsWith('-') || s.startsWith('+') ? s[0] : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

function bad(verb: string, v: unknown): string {
  if (v === null || v === undefined) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(v)}=${formatValue(v)})`;
}

function withSign(s: string, spec: Spec): string {
  if (s.startsWith('-')) return s;
  return spec.plus ? '+' + s : spec.space ? ' ' + s : s;
}

/** Format one operand; slices apply the verb element-wise as Go does. */
function formatOne(verb: string, v: unknown, spec: Spec): string {
  const kind = kindOf(v);
  if (kind === 'slice' && verb !== 'v' && verb !== 'T') {
    return '[' + (v as unknown[]).map((e) => formatOne(verb, e, { ...spec, width: undefined })).join(' ') + ']';
  }
  switch (verb) {
    case 'v':
      if (kind === 'float' && spec.prec !== undefined) {
        return pad(withSign(formatFloat(numberOf(v), 'g', spec.prec), spec), spec, true);
      }
      if (kind === 'int' || kind === 'float') return pad(withSign(formatValue(v), spec), spec, true);
      return pad(formatValue(v), spec, false);
    case 'T':
      return pad(kind === 'invalid' || kind === 'nil' ? '<nil>' : goTypeName(v), spec, false);
    case 's':
    case 'q':
      if (kind === 'int' && verb === 'q') return pad(`'${String.fromCodePoint(Number(v))}'`, spec, false);
      if (kind !== 'string') return bad(verb, v);
      {
        let s = v as string;
        if (spec.prec !== undefined) s = Array.from(s).slice(0, spec.prec).join('');
        return pad(verb === 'q' ? goQuote(s) : s, spec, false);
      }
    case 't':
      return kind === 'bool' ? pad(String(v), spec, false) : bad(verb, v);
    case 'd':
    case 'b':
    case 'o':
    case 'x':
    case 'X':
    case 'c':
      if (kind === 'string' && (verb === 'x' || verb === 'X')) {
        const hex = Array.from(new Uint8Array(utf8Bytes(v as string)), (b) => b.toString(16).padStart(2, '0')).join('');
        return pad(verb === 'X' ? hex.toUpperCase() : hex, spec, false);
      }
      if (kind !== 'int') return bad(verb, v);
      return pad(withSign(formatInt(Number(v), verb), spec), spec, verb !== 'c');
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      if (kind !== 'float') return bad(verb, v);
      {
        const goVerb = (verb === 'F' ? 'f' : verb) as 'e' | 'E' | 'f' | 'g' | 'G';
        const prec = spec.prec ?? (verb === 'g' || verb === 'G' ? -1 : 6);
        return pad(withSign(formatFloat(numberOf(v), goVerb, prec), spec), spec, true);
      }
    default:
      return bad(verb, v);
  }
}

function formatInt(n: number, verb: string): string {
  switch (verb) {
    case 'b': return n.toString(2);
    case 'o': return n.toString(8);
    case 'x': return n.toString(16);
    case 'X': return n.toString(16).toUpperCase();
    case 'c': return String.fromCodePoint(n);
    default: return String(n);
  }
}

/** UTF-8 encoding of a string (Go strings are bytes: %x and truncate work on them). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** fmt.Sprintf for flags `-+ 0#`, width, precision (also `*`) and verbs v T s q t d b o x X c e E f F g G %. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { minus: false, plus: false, zero: false, space: false, sharp: false };
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === '-') {
        spec.minus = true;
        spec.zero = false; // Go never pads with zeros on the right
      }
      else if (c === '+') spec.plus = true;
      else if (c === '0') spec.zero = !spec.minus;
      else if (c === ' ') spec.space = true;
      else if (c === '#') spec.sharp = true;
      else break;
    }
    const num = (): number | undefined => {
      if (format[i] === '*') {
        i++;
        const a = args[argi++];
        return typeof a === 'number' ? a : undefined;
      }
      const m = /^\d+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    spec.width = num();
    if (format[i] === '.') {
      i++;
      spec.prec = num() ?? 0;
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) as number);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOne(verb, args[argi++], spec);
  }
  if (argi < args.length) {
    const extra = args.slice(argi).map((a) => (a === null || a === undefined ? '<nil>' : `${goTypeName(a)}=${formatValue(a)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

