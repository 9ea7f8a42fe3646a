/**
 * GNU tar 1.34 (Debian 12) command-line parsing for the subset the lessons
 * use: the three modes -c/-x/-t, -v, -f, -C, -z, -O, -p, --strip-components,
 * in the three syntaxes tar accepts: old (`tar xvf a.tar`), short
 * (`tar -xvf a.tar`, `-C dir`) and long (`--file=a.tar`).
 */

/** What one tar invocation asks for. */
export interface TarOptions {
  mode?: 'c' | 'x' | 't';
  /** Archive path; `-` or absent means stdin/stdout, tar's default on Debian. */
  file?: string;
  directory?: string;
  verbose: number;
  gzip: boolean;
  toStdout: boolean;
  stripComponents: number;
  /** Members to extract/list, or files to archive. */
  names: string[];
}

/** A usage error, printed as `tar: <message>` plus the "Try" hint, exit 2. */
export class TarUsageError extends Error {}

const TRY = "Try 'tar --help' or 'tar --usage' for more information.";

/** The stderr text of a usage error. */
export function usageText(err: TarUsageError): string {
  return `tar: ${err.message}\n${TRY}\n`;
}

const LONG: Record<string, string> = {
  create: 'c', extract: 'x', get: 'x', list: 't', verbose: 'v', gzip: 'z', gunzip: 'z',
  'to-stdout': 'O', 'preserve-permissions': 'p', 'same-permissions': 'p',
};
const LONG_ARG: Record<string, string> = { file: 'f', directory: 'C', 'strip-components': 's' };
const WITH_ARG = new Set(['f', 'C']);
const FLAGS = new Set(['c', 'x', 't', 'v', 'z', 'O', 'p']);

/** Parses tar's argv (without `tar`). */
export function parseTarArgs(args: string[]): TarOptions {
  const o: TarOptions = { verbose: 0, gzip: false, toStdout: false, stripComponents: 0, names: [] };
  const set = (letter: string, value?: string): void => {
    if (letter === 'f') o.file = value;
    else if (letter === 'C') o.directory = value;
    else if (letter === 's') o.stripComponents = Number(value);
    else if (letter === 'v') o.verbose++;
    else if (letter === 'z') o.gzip = true;
    else if (letter === 'O') o.toStdout = true;
    else if (letter === 'c' || letter === 'x' || letter === 't') {
      if (o.mode !== undefined && o.mode !== letter) {
        throw new TarUsageError("You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option");
      }
      o.mode = letter;
    }
  };
  const rest = [...args];
  // Old syntax: a first word without '-' is a cluster of letters whose
  // arguments follow in order (`tar cvfC a.tar dir`).
  if (rest.length > 0 && !rest[0]!.startsWith('-')) {
    const cluster = rest.shift()!;
    for (const letter of cluster) {
      if (!FLAGS.has(letter) && !WITH_ARG.has(letter)) throw new TarUsageError(`invalid option -- '${letter}'`);
      set(letter, WITH_ARG.has(letter) ? take(rest, letter) : undefined);
    }
  }
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '--') { o.names.push(...rest.splice(0)); break; }
    if (arg.startsWith('--')) {
      const [name, value] = splitLong(arg.slice(2));
      if (LONG[name] !== undefined) set(LONG[name]);
      else if (LONG_ARG[name] !== undefined) set(LONG_ARG[name], value ?? take(rest, name, true));
      else throw new TarUsageError(`unrecognized option '${arg}'`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let i = 1; i < arg.length; i++) {
        const letter = arg[i]!;
        if (WITH_ARG.has(letter)) {
          set(letter, i + 1 < arg.length ? arg.slice(i + 1) : take(rest, letter));
          break;
        }
        if (!FLAGS.has(letter)) throw new TarUsageError(`invalid option -- '${letter}'`);
        set(letter);
      }
    } else {
      o.names.push(arg);
    }
  }
  if (o.mode === undefined) {
    throw new TarUsageError("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
  }
  return o;
}

function splitLong(s: string): [string, string | undefined] {
  const eq = s.indexOf('=');
  return eq < 0 ? [s, undefined] : [s.slice(0, eq), s.slice(eq + 1)];
}

function take(rest: string[], name: string, long = false): string {
  const value = rest.shift();
  if (value === undefined) {
    throw new TarUsageError(long ? `option '--${name}' requires an argument` : `option requires an argument -- '${name}'`);
  }
  return value;
}
