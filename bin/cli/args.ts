/** Arguments of `bin/layerlab exec` and the usage text. */

/** The usage text, printed by `--help` and after usage errors. */
export const USAGE = `Usage:
  layerlab [--runner URL]   an interactive terminal on the simulated host (a TTY),
                            or run the command lines read from stdin
  layerlab exec --json [--preload IMG,...] [--state DIR] [--engine ADDR | --runner URL]
                            run one command line per stdin line and print one JSON
                            array of {"cmd","stdout","stderr","rc"}
  layerlab daemon --host unix:///PATH|tcp://127.0.0.1:PORT [--state DIR]
                            serve the simulated engine as Docker Engine API 1.51:
                            DOCKER_HOST=unix:///PATH docker ... drives it
  layerlab --help           this text

Options of exec:
  --json                    print JSON (required; the only output format)
  --preload IMG,...         pull these images first, silently
  --state DIR               keep images and the home directory in DIR across runs
  --engine ADDR             run docker against the Docker daemon at ADDR
                            (unix:///PATH or tcp://HOST:PORT) instead of the simulator
  --runner URL              run docker against a real engine on the Layerlab runner at
                            URL (http://HOST:PORT), as the page's Engine control does;
                            the Origin sent is $LAYERLAB_ORIGIN, else the runner's own
`;

/** A command-line mistake: printed with the usage, exit 2. */
export class UsageError extends Error {}

/** What `exec` was asked. */
export interface ExecArgs {
  json: boolean;
  preload: string[];
  state?: string;
  /** `--engine`: the daemon our docker CLI talks to over the Engine API, instead of the simulated one. */
  engine?: string;
  /** `--runner`: a Layerlab runner whose session engine our docker CLI talks to. */
  runner?: string;
}

/** Parses the arguments after `exec`; accepts `--flag value` and `--flag=value`. */
export function parseExecArgs(argv: string[]): ExecArgs {
  const out: ExecArgs = { json: false, preload: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const value = (): string => {
      const v = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (v === undefined || v === '') throw new UsageError(`flag needs an argument: ${name}`);
      return v;
    };
    if (name === '--json' && eq < 0) out.json = true;
    else if (name === '--preload') out.preload.push(...value().split(',').filter((s) => s !== ''));
    else if (name === '--state') out.state = value();
    else if (name === '--engine') out.engine = value();
    else if (name === '--runner') out.runner = value();
    else throw new UsageError(`unknown flag: ${arg}`);
  }
  if (!out.json) throw new UsageError('exec needs --json');
  if (out.engine !== undefined && out.runner !== undefined) throw new UsageError('--engine and --runner cannot be used together');
  return out;
}

/** Parses the arguments of the interactive terminal: only `--runner URL`. */
export function parseReplArgs(argv: string[]): { runner?: string } {
  const out: { runner?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--runner' && argv[i + 1]) out.runner = argv[++i];
    else if (arg.startsWith('--runner=') && arg.length > '--runner='.length) out.runner = arg.slice('--runner='.length);
    else throw new UsageError(arg === '--runner' ? 'flag needs an argument: --runner' : `unknown flag: ${arg}`);
  }
  return out;
}
