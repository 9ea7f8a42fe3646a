/**
 * A port of spf13/pflag FlagSet.Parse (flag.go, as vendored by docker/cli 28.x) over a
 * FlagSpec table: long and short forms, `=`, attached shorthand values, combined bool
 * shorthands, `--`, interspersed or not, and pflag's exact error texts.
 */
import { convertFlagValue, defaultFlagValue, FlagValueError, goQuote, type FlagValue } from './flag-values.ts';
import type { FlagSpec } from './spec.ts';

/** A flag as the parser sees it: a spec plus pflag's ShorthandDeprecated. */
export interface ParserFlag extends FlagSpec {
  /** pflag MarkShorthandDeprecated message (docker's `-h`: "use --help"). */
  shorthandDeprecated?: string;
}

/** Values, positionals and pflag's deprecation notices of one parse. */
export interface FlagSetResult {
  values: Map<string, FlagValue>;
  changed: Set<string>;
  args: string[];
  /** `Flag --x has been deprecated, …` lines, in the order pflag writes them. */
  notices: string;
}

/** A pflag parse failure; `message` is pflag's error text. */
export class FlagParseError extends Error {
  /** Notices written before the failure. */
  constructor(message: string, readonly notices: string) {
    super(message);
  }
}

/** Parses `args` against `flags`; throws FlagParseError with pflag's message. */
export function parseFlagSet(flags: readonly ParserFlag[], args: readonly string[], interspersed: boolean, result?: FlagSetResult): FlagSetResult {
  const r: FlagSetResult = result ?? { values: new Map(), changed: new Set(), args: [], notices: '' };
  const byName = new Map(flags.map((f) => [f.name, f]));
  const byShort = new Map(flags.filter((f) => f.shorthand).map((f) => [f.shorthand!, f]));
  for (const f of flags) if (!r.values.has(f.name)) r.values.set(f.name, defaultFlagValue(f));
  const fail = (msg: string) => new FlagParseError(msg, r.notices);

  // pflag FlagSet.Set: value conversion, then the Deprecated notice.
  const set = (f: ParserFlag, value: string): void => {
    const flagName = f.shorthand && !f.shorthandDeprecated ? `-${f.shorthand}, --${f.name}` : `--${f.name}`;
    const previous = r.changed.has(f.name) ? r.values.get(f.name)! : f.type === 'stringSlice' ? [] : r.values.get(f.name)!;
    try {
      r.values.set(f.name, convertFlagValue(f, value, previous));
    } catch (e) {
      if (e instanceof FlagValueError) throw fail(`invalid argument ${goQuote(value)} for ${goQuote(flagName)} flag: ${e.message}`);
      throw e;
    }
    r.changed.add(f.name);
    if (f.deprecated) r.notices += `Flag --${f.name} has been deprecated, ${f.deprecated}\n`;
  };
  // Bool flags carry NoOptDefVal "true": they never consume the next argument.
  const noOptDefVal = (f: ParserFlag) => (f.type === 'bool' ? 'true' : undefined);

  const rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length < 2 || s[0] !== '-') {
      r.args.push(s);
      if (!interspersed) {
        r.args.push(...rest);
        break;
      }
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        r.args.push(...rest);
        break;
      }
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') throw fail(`bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const f = byName.get(name);
      if (!f) throw fail(`unknown flag: --${name}`);
      if (eq >= 0) set(f, body.slice(eq + 1));
      else if (noOptDefVal(f)) set(f, noOptDefVal(f)!);
      else if (rest.length > 0) set(f, rest.shift()!);
      else throw fail(`flag needs an argument: ${s}`);
      continue;
    }
    // parseShortArg: each letter in turn until one takes a value.
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0];
      const f = byShort.get(c);
      if (!f) throw fail(`unknown shorthand flag: ${goQuoteRune(c)} in -${shorthands}`);
      let value: string;
      let next = shorthands.slice(1);
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2);
        next = '';
      } else if (noOptDefVal(f)) {
        value = noOptDefVal(f)!;
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        next = '';
      } else if (rest.length > 0) {
        value = rest.shift()!;
      } else {
        throw fail(`flag needs an argument: ${goQuoteRune(c)} in -${shorthands}`);
      }
      if (f.shorthandDeprecated) r.notices += `Flag shorthand -${c} has been deprecated, ${f.shorthandDeprecated}\n`;
      set(f, value);
      shorthands = next;
    }
  }
  return r;
}

/** Go `%q` of a byte: 'z'. */
function goQuoteRune(c: string): string {
  return c === "'" ? "'\\''" : c === '\\' ? "'\\\\'" : `'${c}'`;
}
