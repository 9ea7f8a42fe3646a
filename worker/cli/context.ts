/**
 * What a docker command handler gets: the engine (the Engine API boundary of
 * design.md §2), its parsed flags and arguments, and the process streams.
 * Handlers return the exit code; errors they throw are printed by
 * docker.ts the way docker/cli's main prints them.
 */
import type { EngineApi } from '../engine-api/api.ts';
import type { DockerIo } from './io.ts';
import type { ParsedFlags } from './command/parse.ts';
import type { CommandSpec } from './command/spec.ts';

/** The context of one docker command invocation. */
export interface CommandContext {
  engine: EngineApi;
  command: CommandSpec;
  /** How the user named the command: `docker images`, `docker image ls`. */
  invokedAs: string;
  flags: ParsedFlags;
  args: string[];
  io: DockerIo;
  /** Writes to stdout. */
  out(text: string): void;
  /** Writes to stderr. */
  err(text: string): void;
}

/** A docker command handler. */
export type Handler = (ctx: CommandContext) => Promise<number>;

/**
 * An error the CLI itself reports (not the daemon): printed as is on stderr,
 * like the plain `error` values docker/cli's main prints, with an exit code.
 */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
