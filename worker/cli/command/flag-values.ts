/**
 * Converting flag text to values the way pflag's and docker/cli's flag.Value types do,
 * with their exact error texts (strconv, time, go-units, docker opts). pflag wraps each
 * error as `invalid argument "<v>" for "<flag>" flag: <error>` (see parse.ts).
 */
import { listValidators } from './list-validators.ts';
import type { FlagSpec } from './spec.ts';

/** A parsed flag value: bool, string, number (ints, floats, bytes, durations in ns) or a list. */
export type FlagValue = boolean | string | number | string[];

/** Thrown with the Go error text of a rejected value. */
export class FlagValueError extends Error {}

/** Go's strconv.Quote (`%q`) for the printable-ASCII-and-Unicode case docker prints. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const repeated = new Set<FlagSpec['type']>(['filter', 'list', 'stringSlice', 'stringArray', 'map', 'value', 'host']);

/** True for flags that collect every occurrence (ListOpts, FilterOpt, pflag slices). */
export function isRepeated(flag: FlagSpec): boolean {
  return repeated.has(flag.type);
}

/** The value of an unset flag, from the DefValue help prints. */
export function defaultFlagValue(flag: FlagSpec): FlagValue {
  const d = flag.default;
  if (flag.type === 'bool') return d === 'true';
  if (isRepeated(flag)) return d && d !== '[]' && d !== 'map[]' ? d.replace(/^\[|\]$/g, '').split(/[ ,]/) : [];
  if (flag.type === 'string') return d ?? '';
  if (d === undefined) return 0;
  return convertFlagValue(flag, d, 0);
}

/**
 * Converts one occurrence of a flag. `previous` is the current value (for repeated flags,
 * the list so far — pflag slices replace their default on the first Set).
 */
export function convertFlagValue(flag: FlagSpec, raw: string, previous: FlagValue): FlagValue {
  switch (flag.type) {
    case 'bool': return parseBool(raw);
    case 'string': return raw;
    case 'int': case 'int64': return parseGoInt(raw, 64, false);
    case 'uint': case 'uint64': return parseGoInt(raw, 64, true);
    case 'uint16': return parseGoInt(raw, 16, true);
    case 'uint32': return parseGoInt(raw, 32, true);
    case 'float': return parseFloat64(raw);
    case 'decimal': return parseNanoCpus(raw);
    case 'duration': return parseGoDuration(raw);
    case 'bytes': return flag.name === 'memory-swap' && raw === '-1' ? -1 : ramInBytes(raw);
    case 'filter': return raw === '' ? previous : [...(previous as string[]), parseFilter(raw)];
    // docker/cli v28.4+ cli/flags/options.go hostVar.Set; the value is the 0/1-element host list.
    case 'host':
      if ((previous as string[]).length > 0) throw new FlagValueError('specify only one -H');
      return [raw];
    case 'stringSlice': return [...(previous as string[]), ...(raw === '' ? [] : raw.split(','))];
    default: return [...(previous as string[]), flag.validate ? listValidators[flag.validate](raw) : raw];
  }
}

/** strconv.ParseBool. */
function parseBool(s: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  throw new FlagValueError(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

/** strconv.ParseInt / ParseUint with base 0 (pflag's int and uint values). */
function parseGoInt(s: string, bits: number, unsigned: boolean): number {
  const fn = unsigned ? 'ParseUint' : 'ParseInt';
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/.exec(
    // base 0 allows digit-separating underscores after a base prefix (strconv underscoreOK)
    /^[+-]?0[xXbBoO]/.test(s) ? s.replace(/_/g, '') : s,
  );
  if (!m || (unsigned && m[1] !== '')) throw new FlagValueError(`strconv.${fn}: parsing ${goQuote(s)}: invalid syntax`);
  let digits = m[2];
  if (/^0[0-7]/.test(digits)) digits = `0o${digits.slice(1)}`;
  const v = BigInt(digits.replace(/^0([XBO])/, (_, p: string) => `0${p.toLowerCase()}`)) * (m[1] === '-' ? -1n : 1n);
  const max = unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = unsigned ? 0n : -(1n << BigInt(bits - 1));
  if (v > max || v < min) throw new FlagValueError(`strconv.${fn}: parsing ${goQuote(s)}: value out of range`);
  return Number(v);
}

/** strconv.ParseFloat(s, 64) for decimal and special forms. */
function parseFloat64(s: string): number {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) throw new FlagValueError(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`);
  return Number(s);
}

/** docker/cli opts.NanoCPUs.Set: a big.Rat that must be a whole number of nano-CPUs. */
function parseNanoCpus(s: string): number {
  const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.exec(s) ?? /^[+-]?\d+\/\d+$/.exec(s);
  const v = m ? (s.includes('/') ? Number(s.split('/')[0]) / Number(s.split('/')[1]) : Number(s)) : NaN;
  if (!m || !Number.isFinite(v)) throw new FlagValueError(`failed to parse ${s} as a rational number`);
  if (!Number.isInteger(Math.round(v * 1e9 * 1e6) / 1e6)) throw new FlagValueError('value is too precise');
  return v;
}

const durationUnits: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go time.ParseDuration; the value is in nanoseconds. */
export function parseGoDuration(orig: string): number {
  const invalid = () => new FlagValueError(`time: invalid duration ${goQuote(orig)}`);
  let s = orig;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0;
  while (s !== '') {
    const num = /^(\d*)(\.(\d*))?/.exec(s)!;
    if (num[0] === '' || num[0] === '.') throw invalid();
    s = s.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') throw new FlagValueError(`time: missing unit in duration ${goQuote(orig)}`);
    if (!(unit in durationUnits)) throw new FlagValueError(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(orig)}`);
    s = s.slice(unit.length);
    total += Number(`${num[1] || '0'}.${num[3] ?? ''}0`) * durationUnits[unit];
  }
  return sign * Math.round(total);
}

const binaryMultipliers: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes (parseSize with the binary map), as docker's opts.MemBytes uses. */
function ramInBytes(sizeStr: string): number {
  const sep = Math.max(...[...'01234567890. '].map((c) => sizeStr.lastIndexOf(c)));
  if (sep === -1) throw new FlagValueError(`invalid size: '${sizeStr}'`);
  const num = sizeStr[sep] === ' ' ? sizeStr.slice(0, sep) : sizeStr.slice(0, sep + 1);
  let sfx = sizeStr.slice(sep + 1);
  const size = parseFloat64(num);
  if (size < 0) throw new FlagValueError(`invalid size: '${sizeStr}'`);
  if (sfx === '') return Math.trunc(size);
  const bad = () => new FlagValueError(`invalid suffix: '${sfx}'`);
  if (sfx.length > 3) throw bad();
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') {
    if (sfx.length > 1) throw bad();
    return Math.trunc(size);
  }
  const mul = binaryMultipliers[sfx[0]];
  if (!mul || (sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) throw bad();
  return Math.trunc(size * mul);
}

/** docker/cli opts.FilterOpt.Set: `name=value`, name lower-cased and both trimmed. */
function parseFilter(s: string): string {
  const eq = s.indexOf('=');
  if (eq < 0) throw new FlagValueError('bad format of filter (expected name=value)');
  return `${s.slice(0, eq).trim().toLowerCase()}=${s.slice(eq + 1).trim()}`;
}
