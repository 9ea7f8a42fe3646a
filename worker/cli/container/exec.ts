/**
 * `docker exec` (docker/cli cli/command/container/exec.go): a command in a
 * running container — its output and exit code, `-d` in the background,
 * `-it` a shell handed to the terminal. `-e`, `--env-file`, `-w`, `-u`.
 */
import type { CommandContext } from '../context.ts';
import { badFlag } from './errors.ts';
import { attachIo, notATty, toForeground } from './launch.ts';

/** Runs `docker exec`. */
export async function exec(ctx: CommandContext): Promise<number> {
  const tty = ctx.flags.get<boolean>('tty');
  const interactive = ctx.flags.get<boolean>('interactive');
  const detach = ctx.flags.get<boolean>('detach');
  const shell = tty && interactive && !detach;
  const env: string[] = [];
  for (const v of ctx.flags.get<string[]>('env')) {
    const eq = v.indexOf('=');
    const k = eq < 0 ? v : v.slice(0, eq);
    if (k === '') throw badFlag(ctx, '-e, --env', v, `invalid environment variable: ${v}`, 1);
    if (eq < 0 && ctx.io.env[k] !== undefined) env.push(`${k}=${ctx.io.env[k]}`);
    else if (eq >= 0) env.push(v);
  }
  // An unknown container is reported before the terminal check, as the CLI did before the API boundary.
  await ctx.engine.containerInspect(ctx.args[0]!);
  if (shell && !ctx.io.startForeground) throw notATty();
  const again = { cmd: ctx.args.slice(1), env, workdir: ctx.flags.get<string>('workdir'), user: ctx.flags.get<string>('user') };
  const size = shell ? ctx.io.tty?.size() : undefined;
  // docker/cli exec.go sizes the exec's tty at create (ConsoleSize) from the terminal.
  const opts = { ...again, tty, interactive: shell, detach, ...(size ? { consoleSize: [size.rows, size.cols] as [number, number] } : {}) };
  // The daemon names the container as the client did (`Container web is paused, …`).
  const ref = ctx.args[0]!;
  // The exec is created (and refused) before anything runs; a detached one is left running in the background.
  const id = await ctx.engine.execCreate(ref, opts);
  const io = detach ? { stdout: () => undefined, stderr: () => undefined } : attachIo(ctx, interactive);
  // A real engine attaches `-it` live, in raw mode; the simulator hands back a line-by-line session.
  if (shell && ctx.io.tty) io.tty = ctx.io.tty;
  const result = await ctx.engine.execStart(id, io);
  if ('terminal' in result) {
    toForeground(ctx, result.terminal);
    return 0;
  }
  return result.exitCode;
}
