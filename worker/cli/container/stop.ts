/**
 * `docker stop`, `docker kill`, `docker restart` (docker/cli
 * cli/command/container/{stop,kill,restart}.go): each container in turn,
 * echoed on success; `--timeout` (or the deprecated `--time`) and `--signal`.
 */
import type { CommandContext } from '../context.ts';
import { forEachContainer } from './errors.ts';

function stopOptions(ctx: CommandContext): { timeout?: number; signal?: string } {
  const opts: { timeout?: number; signal?: string } = {};
  if (ctx.flags.changed('timeout')) opts.timeout = ctx.flags.get<number>('timeout');
  else if (ctx.flags.changed('time')) opts.timeout = ctx.flags.get<number>('time');
  const signal = ctx.flags.get<string>('signal');
  if (signal !== '') opts.signal = signal;
  return opts;
}

/** Runs `docker stop`. */
export async function stop(ctx: CommandContext): Promise<number> {
  const opts = stopOptions(ctx);
  return forEachContainer(ctx, (ref) => ctx.engine.containerStop(ref, opts));
}

/** Runs `docker restart`. */
export async function restart(ctx: CommandContext): Promise<number> {
  const opts = stopOptions(ctx);
  return forEachContainer(ctx, (ref) => ctx.engine.containerRestart(ref, opts));
}

/** Runs `docker kill`. */
export async function kill(ctx: CommandContext): Promise<number> {
  const signal = ctx.flags.get<string>('signal');
  return forEachContainer(ctx, (ref) => ctx.engine.containerKill(ref, signal || 'KILL'));
}
