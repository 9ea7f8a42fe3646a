/**
 * How container commands report errors (docker/cli ≥ 28): `run`/`create`
 * wrap daemon errors as `docker: Error response from daemon: <msg>`, a blank
 * line and `Run 'docker run --help' for more information`, exit 125, or 126
 * / 127 when the runtime could not execute the command (cli/command/container
 * run.go runStartContainerErr). Commands over several containers print each
 * failure on its own line and exit 1 (stop, start, rm, kill…).
 */
import { isEngineError } from '../../engine/errors.ts';
import { CliError, type CommandContext } from '../context.ts';
import { StreamError } from '../../engine/platform.ts';

/** The exit status docker run/create gives a daemon error. */
export function runExitCode(message: string): number {
  if (message.includes('executable file not found') || message.includes('no such file or directory') || message.includes('system cannot find the file specified')) return 127;
  if (message.includes('permission denied') || message.includes('is a directory')) return 126;
  return 125;
}

/** The error `docker run`/`create` print for a failure. */
export function runFailure(err: unknown, verb: string): CliError {
  // docker create returns the daemon's error as is (main prints it, exit 1);
  // docker run wraps it (recorded from CLI 28.2.2).
  if (isEngineError(err) && verb === 'create') return new CliError(`Error response from daemon: ${err.message}`, 1);
  if (isEngineError(err)) {
    return new CliError(`docker: Error response from daemon: ${err.message}\n\nRun 'docker ${verb} --help' for more information`, runExitCode(err.message));
  }
  if (err instanceof CliError) return err;
  // A pull's in-stream error (`no matching manifest for …`): as it is for create, wrapped for run.
  if (err instanceof StreamError) return verb === 'create' ? new CliError(err.message, 1) : new CliError(`docker: ${err.message}\n\nRun 'docker ${verb} --help' for more information`, 125);
  throw err;
}

/** A pflag-style bad flag value error with the command's usage (exit 125 for run/create). */
export function badFlag(ctx: CommandContext, flag: string, value: string, why: string, exitCode = 125): CliError {
  const use = ctx.command.use.split('\n')[0]!;
  const usage = `${ctx.invokedAs}${use.slice(use.indexOf(' '))}`;
  const verb = ctx.invokedAs.replace(/^docker /, '');
  return new CliError(`invalid argument "${value}" for "${flag}" flag: ${why}\n\nUsage:  ${usage}\n\nRun 'docker ${verb} --help' for more information`, exitCode);
}

/**
 * Runs `fn` for each argument: successes print the argument as given,
 * failures are collected and printed at the end (exit 1).
 */
export async function forEachContainer(ctx: CommandContext, fn: (ref: string) => Promise<void>, echo = true): Promise<number> {
  const errors: string[] = [];
  for (const ref of ctx.args) {
    try {
      await fn(ref);
      if (echo) ctx.out(`${ref}\n`);
    } catch (err) {
      if (!isEngineError(err)) throw err;
      errors.push(`Error response from daemon: ${err.message}`);
    }
  }
  if (errors.length > 0) {
    ctx.err(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}
