/**
 * The docker CLI: parse the command line (command/parse.ts), find the
 * handler for the command, run it against the engine, and print errors the
 * way docker/cli's main does: daemon errors as `Error response from daemon:
 * <message>`, CLI errors as they are, exit code 1 unless the error says
 * otherwise. Nothing thrown gets past this layer as a stack trace.
 */
import type { EngineApi } from '../engine-api/api.ts';
import { isEngineError } from '../engine/errors.ts';
import type { DockerIo } from './io.ts';
import { parseDockerArgs } from './command/parse.ts';
import { CliError, type CommandContext } from './context.ts';
import { HANDLERS, declaredFlags } from './handlers.ts';
import { buildkitDisabled } from './image/build.ts';
import type { ParseOutcome } from './command/parse.ts';

/** What the composer of the lab adds to the CLI's error reports. */
export interface DockerCliOptions {
  /**
   * The line after `Error response from daemon: no space left on device`
   * when the lab's own storage refused the engine's write (an error whose
   * code is ENOSPC): how full it is and what frees space.
   */
  noSpaceNote?(err: Error): string;
  /**
   * Asked after each command: the line to add after Docker's own error when
   * the command named a repository the practice Hub does not hold, once per
   * session (worker/cli/hub-hint.ts hubHintNote); undefined otherwise.
   */
  missingRepositoryNote?(): string | undefined;
}

/** The docker command of one engine. */
export class DockerCli {
  readonly #engine: EngineApi;
  readonly #opts: DockerCliOptions;

  constructor(engine: EngineApi, opts: DockerCliOptions = {}) {
    this.#engine = engine;
    this.#opts = opts;
  }

  /** Runs `docker <argv>`; resolves to the exit code. */
  async run(argv: string[], io: DockerIo): Promise<number> {
    const parsed = parseDockerArgs(argv, { legacyBuilder: buildkitDisabled(io.env.DOCKER_BUILDKIT) });
    if (parsed.kind === 'exit') {
      if (parsed.stdout) io.stdout(parsed.stdout);
      if (parsed.stderr) io.stderr(parsed.stderr);
      return parsed.exitCode;
    }
    if (parsed.stdout) io.stdout(parsed.stdout);
    if (parsed.stderr) io.stderr(parsed.stderr);
    const handler = HANDLERS[parsed.command.path];
    if (!handler) {
      io.stderr(`docker: '${parsed.command.path}' is not available in Layerlab yet.\n`);
      return 1;
    }
    const refused = refusedFlag(parsed, handler.flags);
    if (refused !== undefined) {
      io.stderr(`${refused}\n`);
      return 125;
    }
    const ctx: CommandContext = {
      engine: this.#engine,
      command: parsed.command,
      invokedAs: parsed.invokedAs,
      flags: declaredFlags(parsed.flags, handler.flags),
      args: parsed.args,
      io,
      out: (s) => io.stdout(s),
      err: (s) => io.stderr(s),
    };
    try {
      return await handler.run(ctx);
    } catch (err) {
      return report(io, err, this.#opts);
    } finally {
      // After Docker's own error: once per session, say what the practice Hub holds (hub-hint.ts).
      const note = this.#opts.missingRepositoryNote?.();
      if (note !== undefined) io.stderr(note);
    }
  }
}

/**
 * The refusal of the first flag given that the simulator does not reproduce,
 * global options included: one plain line and exit 125, as docker/cli's own
 * flag errors exit, before anything runs, so the state is unchanged. Docker
 * would honour such a flag; running without it would teach something false.
 */
export function refusedFlag(parsed: Extract<ParseOutcome, { kind: 'run' }>, honoured: readonly string[]): string | undefined {
  const global = parsed.globalsChanged[0];
  if (global !== undefined) return `docker: the global option --${global} is not simulated in Layerlab; run the command without it.`;
  const flag = parsed.command.flags.find((f) => f.name !== 'help' && parsed.flags.changed(f.name) && !honoured.includes(f.name));
  if (flag === undefined) return undefined;
  return `docker: flag --${flag.name} of '${parsed.invokedAs}' is not simulated in Layerlab yet; run the command without it.`;
}

/** Prints an error as docker/cli's main does and returns the exit code. */
function report(io: DockerIo, err: unknown, opts: DockerCliOptions): number {
  if (err instanceof CliError) {
    io.stderr(`${err.message}\n`);
    return err.exitCode;
  }
  if (isEngineError(err)) {
    io.stderr(`Error response from daemon: ${err.message}\n`);
    return 1;
  }
  // The simulated daemon's store is full: Docker's own words, then the lab's note.
  if (err instanceof Error && (err as { code?: unknown }).code === 'ENOSPC') {
    io.stderr(`Error response from daemon: ${err.message}\n`);
    if (opts.noSpaceNote) io.stderr(opts.noSpaceNote(err));
    return 1;
  }
  // The way to the engine broke (the runner's WebSocket dropped): the page says so, not the daemon.
  if (err instanceof Error && (err as { transport?: unknown }).transport === true) {
    io.stderr(`layerlab: ${err.message}\n`);
    return 1;
  }
  // A bug of ours: say so plainly, once, without a stack trace.
  io.stderr(`docker: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}
