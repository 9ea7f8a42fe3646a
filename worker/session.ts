/**
 * One learner session: the host shell on a persisted home directory, wired
 * to the docker CLI over the simulated engine, all on one {@link Store}.
 * The page's worker, `bin/layerlab` and the tests drive it line by line.
 *
 * Interactive programs (`docker run -it`, editors) are a later step; the seam
 * for them is {@link Session.foreground}: while a program owns the terminal,
 * lines go to it instead of to the shell, and its exit status becomes `$?`.
 */
import { StoreFullError } from './store/store.ts';
import type { Json, Store } from './store/store.ts';
import { HostShell, parseShellState } from './shell/host-shell.ts';
import { SHELL_STATE_KEY } from './shell/line-state.ts';
import type { DockerCommand, DockerIo, ShellState } from './shell/host-shell.ts';
import { LEARNER } from './shell/commands/identity.ts';
import { noSpaceMessage } from './shell/no-space.ts';
import { hostFs } from './shell/host-fs.ts';
import type { ForegroundOutput, ForegroundProgram } from './shell/foreground.ts';
import { HomeSync } from './shell/store-fs.ts';
import { isRaw } from './editors/program.ts';
import { tracked } from './progress.ts';

export type { ForegroundProgram } from './shell/foreground.ts';

/** What {@link createSession} needs. */
export interface SessionOptions {
  store: Store;
  /** Images pulled before the first line, silently (`bin/layerlab exec --preload`). */
  preload?: string[];
  /** Milliseconds since the epoch; defaults to Date.now. */
  clock?: () => number;
  /** Uniform in [0, 1); defaults to Math.random. */
  random?: () => number;
  /** Whether output goes to a terminal (the page, a TTY), not to a file or pipe. */
  isTTY?: boolean;
  /**
   * The terminal's streams, for output written as it happens: a line that is
   * one docker command alone (`docker pull nginx`) shows its progress here
   * instead of in its LineResult. Used only with `isTTY`.
   */
  onOutput?: import('./shell/commands/types.ts').LiveOutput;
  /**
   * The engine `docker` talks to instead of the simulated one (a real engine
   * through the remote runner: engine-client/http-engine.ts). The simulated
   * lab stays behind the lessons and the layer view.
   */
  remote?: import('./engine-api/api.ts').EngineApi;
  /** Replaces the docker CLI (tests of the shell and session plumbing). */
  docker?: DockerCommand;
  /**
   * A page (re)load on a terminal: if the terminal was attached to a
   * container's shell, come back inside it (see {@link Session.notice}).
   */
  reattach?: boolean;
  /**
   * The shell state to start from: by default the one stored with the lab
   * (a reload finds its directory and variables again, as a terminal
   * reattaching to its session); null for a fresh login (after `exit`).
   */
  shellState?: ShellState | null;
}

/** The shell history file; its writes may wait when the store is full. */
export const HISTFILE = `${LEARNER.home}/.bash_history`;

/** The outcome of one line, in the shape of `bin/layerlab exec --json`. */
export interface LineResult {
  cmd: string;
  stdout: string;
  stderr: string;
  rc: number;
  /** Exact bytes when stdout was binary (see ShellResult.stdoutBytes). */
  stdoutBytes?: Uint8Array;
}

/** A running session. */
export interface Session {
  readonly shell: HostShell;
  /** The program that receives lines instead of the shell, if any. */
  foreground: ForegroundProgram | undefined;
  /**
   * One line for the terminal before the first prompt, set by `reattach`:
   * `layerlab: reattached to container NAME (the page was reloaded)`, or
   * what ended (engine/containers/terminal.ts).
   */
  notice?: string;
  /** What the terminal shows before the next line. */
  prompt(): string;
  /** Persists the home directory now (the lessons wrote a page's start files into it), as a line's end does. */
  saveHome(): Promise<void>;
  /** Runs one line and persists what it changed in the home directory. */
  runLine(line: string, opts?: { signal?: AbortSignal }): Promise<LineResult>;
  /**
   * Ctrl-D at the start of a line. With a foreground program that reads
   * input (`cat > file`), ends its input; on a PS2 line, ends the
   * unfinished command as bash does (HostShell.endOfInput); otherwise
   * undefined, and the terminal ends the session as bash does.
   */
  endInput(): Promise<LineResult | undefined>;
  /**
   * Ctrl-P Ctrl-Q: leaves a detachable foreground program (a container's
   * terminal) running and gives the terminal back to the host shell; false
   * when there is none, and the keys are then ordinary input.
   */
  detach(): Promise<boolean>;
  /** Ctrl-C: interrupts the foreground program, if any; at the shell, drops the line or the command typed on PS2 lines (`$?` 130). */
  interrupt(): Promise<LineResult | undefined>;
  /**
   * The engine behind `docker`, for the layer view (worker/layers): loaded
   * now unless `load` is false, when it is undefined until a docker command
   * has loaded it. Absent with a replaced docker CLI (`opts.docker`).
   */
  engine?(load?: boolean): Promise<import('./engine/engine.ts').Engine | undefined>;
  /** The lab behind `docker` (engine, containers, Engine API), loaded as `engine` is. */
  lab?(load?: boolean): Promise<import('./lab/lab.ts').Lab | undefined>;
  /** Writes pending state and closes the store. */
  close(): Promise<void>;
  /**
   * A newer session on the same store replaces this one (a fresh login,
   * another tab's change, Reset): this session's engine stops its
   * containers' programs and never writes to the store again.
   */
  retire(): Promise<void>;
}

/** Opens a session on `opts.store`: restores the home directory, starts the engine, preloads images. */
export async function createSession(opts: SessionOptions): Promise<Session> {
  const home = await HomeSync.open(opts.store, { bestEffort: [HISTFILE] });
  const real = opts.docker ? undefined : realDocker(opts, home.fs);
  const docker = opts.docker ?? real!.run;
  let started: ForegroundProgram | undefined;
  const given = opts.shellState === undefined ? parseShellState(home.meta(SHELL_STATE_KEY)) : (opts.shellState ?? undefined);
  const state = given && { ...given, env: { ...given.env } };
  // A directory removed since (or /tmp, which is not kept): bash's login starts in the home then.
  if (state && !(await isDirectory(home, state.env.PWD))) state.env.PWD = LEARNER.home;
  if (opts.shellState === null && home.meta(SHELL_STATE_KEY) !== undefined) await home.commit([{ key: SHELL_STATE_KEY }]).catch(ignoreFull);
  const shell = new HostShell({
    docker,
    fs: home.fs,
    ...(state ? { state } : {}),
    isTTY: opts.isTTY ?? false,
    startForeground: (program) => (started = program),
    ...(opts.onOutput ? { live: opts.onOutput } : {}),
  });
  for (const image of opts.preload ?? []) {
    let err = '';
    const rc = await docker(['pull', image], silentIo(shell, home, (s) => (err += s)));
    if (rc !== 0) throw new Error(`preload of ${image} failed: ${err.trim()}`);
  }
  // The shell state as of the last line whose changes were kept.
  let kept: ShellState = shell.state;
  /**
   * Writes what the line changed in the home, with the shell state, as one
   * batch. When the store is full the home is back as before the line
   * (HomeSync.commit), so the shell state goes back too, and the returned
   * message says so; the line then failed, `$?` 1.
   */
  const persist = async (): Promise<string | undefined> => {
    const value = shell.exited === undefined ? (shell.state as unknown as Json) : undefined;
    try {
      // A big write (an archive, an unpacked tar) takes seconds in IndexedDB: the page shows it as progress.
      await tracked('Storing your files in this browser', () => home.commit([{ key: SHELL_STATE_KEY, ...(value === undefined ? {} : { value }) }]));
      kept = shell.state;
      return undefined;
    } catch (error) {
      if (!(error instanceof StoreFullError)) throw error;
      shell.restore({ ...kept, status: 1 });
      return noSpaceMessage(error);
    }
  };
  // Lines and keys the foreground program takes; its writes to the home persist like a line's.
  const toProgram = async (cmd: string, step: () => Promise<ForegroundOutput>): Promise<LineResult> => {
    const out = await step();
    if (out.exitCode !== undefined) session.foreground = undefined;
    const full = await persist();
    return { cmd, stdout: out.stdout, stderr: out.stderr + (full ?? ''), rc: full ? 1 : (out.exitCode ?? 0) };
  };
  const toShell = async (cmd: string, step: () => Promise<{ stdout: string; stderr: string; exitCode: number }>): Promise<LineResult> => {
    const r = await step();
    const full = await persist();
    return { cmd, stdout: r.stdout, stderr: r.stderr + (full ?? ''), rc: full ? 1 : r.exitCode };
  };
  const session: Session = {
    shell,
    foreground: undefined,
    prompt: () => session.foreground?.prompt() ?? shell.prompt(),
    async saveHome() {
      const full = await persist();
      if (full !== undefined) throw new StoreFullError();
    },
    async runLine(line, opts) {
      const program = session.foreground;
      if (program !== undefined) return toProgram(line, () => program.feed(line));
      
      started = undefined;
      const r = await shell.run(line, undefined, opts?.signal);
      const full = await persist();
      if (full !== undefined) {
        r.stderr += full;
        r.exitCode = 1;
      }
      if (started !== undefined) session.foreground = started;
      // An editor saves after its line has ended, when the command's own filesystem handle no longer works.
      const begun = started as ForegroundProgram | undefined;
      if (isRaw(begun)) begun.attach(home.fs);
      const result: LineResult = { cmd: line, stdout: r.stdout, stderr: r.stderr, rc: r.exitCode };
      if (r.stdoutBytes !== undefined) result.stdoutBytes = r.stdoutBytes;
      return result;
    },
    async endInput() {
      // Ctrl-D on a PS2 line: bash's end of input inside a command (continuation.ts).
      if (session.foreground === undefined && shell.continuing) return toShell('', () => shell.endOfInput());
      const eof = session.foreground?.eof?.bind(session.foreground);
      return eof === undefined ? undefined : toProgram('', eof);
    },
    async interrupt() {
      // At the shell's prompt (PS1 or PS2) bash's SIGINT handler drops the line, or the command typed so far, and sets `$?` to 130.
      if (session.foreground === undefined) {
        shell.abandon();
        return { cmd: '', stdout: '', stderr: '', rc: 130 };
      }
      const stop = session.foreground?.interrupt?.bind(session.foreground);
      return stop === undefined ? undefined : toProgram('', stop);
    },
    async detach() {
      const program = session.foreground;
      if (!program?.detachable) return false;
      session.foreground = undefined;
      await program.detached?.();
      return true;
    },
    async close() {
      await persist();
      await opts.store.close();
    },
    retire: async () => real?.retire(),
    ...(real ? { engine: real.engine, lab: real.lab } : {}),
  };
  if (opts.reattach && opts.isTTY && real) {
    // Whatever goes wrong (storage refusing a write), the lab still opens, at the host prompt, saying why.
    const back = await real.reattach().catch((err: unknown) => ({
      note: `layerlab: the page was reloaded; the container terminal could not be reattached (${err instanceof Error ? err.message : String(err)})`,
      program: undefined,
    }));
    if (back) {
      session.foreground = back.program;
      session.notice = back.note;
    }
  }
  return session;
}

/**
 * The docker CLI over the simulated engine. Both are loaded by the first
 * docker command, so a session whose lines never call docker (and the
 * prompt) does not wait for the engine to read the store.
 */
function realDocker(opts: SessionOptions, host: import('just-bash').IFileSystem): {
  run: DockerCommand;
  reattach(): Promise<{ note: string; program?: ForegroundProgram } | undefined>;
  retire(): Promise<void>;
  engine(load?: boolean): Promise<import('./engine/engine.ts').Engine | undefined>;
  lab(load?: boolean): Promise<import('./lab/lab.ts').Lab | undefined>;
} {
  type Loaded = { run: DockerCommand; lab: import('./lab/lab.ts').Lab; engine: import('./engine/engine.ts').Engine };
  let cli: Promise<Loaded> | undefined;
  const load = async (): Promise<Loaded> => {
    const [{ Lab }, { DockerCli }, { hubRegistry }, { engineNoSpaceMessage }, { hubHintNote }] = await Promise.all([
      import('./lab/lab.ts'),
      import('./cli/docker.ts'),
      import('./registry/hub-client.ts'),
      import('./shell/no-space.ts'),
      import('./cli/hub-hint.ts'),
    ]);
    const lab = await Lab.open({ store: opts.store, registry: hubRegistry(), clock: opts.clock, random: opts.random, host });
    const docker = new DockerCli(opts.remote ?? lab.api, {
      noSpaceNote: (err) => engineNoSpaceMessage(err as StoreFullError),
      // The practice Hub's hint is about the simulated Hub; a real engine pulls from its own registry.
      ...(opts.remote ? {} : { missingRepositoryNote: hubHintNote(lab.engine.registry) }),
    });
    // BuildKit's session is not spoken over the Engine API client yet: on a real engine, builds use the
    // legacy builder unless the learner set DOCKER_BUILDKIT themselves (http-engine.ts says so then).
    const env = (io: Parameters<DockerCommand>[1]): Parameters<DockerCommand>[1] => (opts.remote && io.env.DOCKER_BUILDKIT === undefined ? { ...io, env: { ...io.env, DOCKER_BUILDKIT: '0' } } : io);
    return { run: (argv, io) => docker.run(argv, env(io)), lab, engine: lab.engine };
  };
  const run: DockerCommand = async (argv, io) => {
    cli ??= load();
    return (await cli).run(argv, io);
  };
  run.hostNetwork = async () => {
    cli ??= load();
    const [{ engine, lab }, { labNetwork }] = await Promise.all([cli, import('./engine/network/lab.ts')]);
    // Containers stored as running are started again first: their servers must be listening.
    await lab.containers();
    return labNetwork(engine).forHost();
  };
  return {
    run,
    // The engine is loaded only when the store says a container terminal was attached.
    async reattach() {
      if (!(await opts.store.load()).meta.has('attached')) return undefined;
      cli ??= load();
      const [{ lab }, { reattach }, { foregroundOf }] = await Promise.all([cli, import('./engine/containers/terminal.ts'), import('./cli/container/launch.ts')]);
      const back = await reattach(await lab.containers());
      return back && (back.terminal ? { note: back.note, program: foregroundOf(back.terminal) } : { note: back.note });
    },
    async engine(loadIt = true) {
      if (!cli && !loadIt) return undefined;
      cli ??= load();
      return (await cli).engine;
    },
    async lab(loadIt = true) {
      if (!cli && !loadIt) return undefined;
      cli ??= load();
      return (await cli).lab;
    },
    async retire() {
      if (!cli) return;
      await (await cli).lab.retire();
    },
  };
}

async function isDirectory(home: HomeSync, path: string | undefined): Promise<boolean> {
  if (path === undefined || !path.startsWith('/')) return false;
  try {
    return (await home.fs.stat(path)).isDirectory;
  } catch {
    return false;
  }
}

function ignoreFull(error: unknown): void {
  if (!(error instanceof StoreFullError)) throw error;
}

/** Streams that discard output, for preloading. */
function silentIo(shell: HostShell, home: HomeSync, onErr: (s: string) => void): DockerIo {
  return {
    stdin: new Uint8Array(0),
    stdout: () => undefined,
    stderr: onErr,
    env: shell.env,
    cwd: shell.cwd,
    fs: hostFs(home.fs, shell.cwd),
    isTTY: false,
  };
}
