/**
 * `docker exec` (docker/cli cli/command/container/exec.go): a command in a
 * running container — its output and exit code, `-d` in the background,
 * `-it` a shell handed to the terminal. `-e`, `--env-file`, `-w`, `-u`.
 */
import { execIn, execTarget } from '../../engine/containers/exec.ts';
import { openTerminal } from '../../engine/containers/terminal.ts';
import type { CommandContext } from '../context.ts';
import { badFlag } from './errors.ts';
import { attachIo, notATty, svcOf, toForeground } from './launch.ts';

/** Runs `docker exec`. */
export async function exec(ctx: CommandContext): Promise<number> {
  const svc = await svcOf(ctx);
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
  const c = svc.get(ctx.args[0]!);
  if (shell && !ctx.io.startForeground) throw notATty();
  const again = { cmd: ctx.args.slice(1), env, workdir: ctx.flags.get<string>('workdir'), user: ctx.flags.get<string>('user') };
  const opts = { ...again, tty, interactive: shell, detach };
  // The daemon names the container as the client did (`Container web is paused, …`).
  const ref = ctx.args[0]!;
  if (detach) {
    // The exec is created (and refused) before the CLI returns; only its run is left in the background.
    execTarget(svc, ref);
    void execIn(svc, ref, opts, { stdout: () => undefined, stderr: () => undefined }).catch(() => undefined);
    return 0;
  }
  const result = await execIn(svc, ref, opts, attachIo(ctx, interactive));
  if ('shell' in result) {
    toForeground(ctx, await openTerminal(svc, c.id, result.shell, again));
    return 0;
  }
  return result.exitCode;
}
