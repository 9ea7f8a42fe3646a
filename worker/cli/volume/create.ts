/**
 * `docker volume create [NAME]` (docker/cli cli/command/volume/create.go):
 * the daemon creates it (or finds it) and the CLI prints its name; without a
 * name the daemon picks 64 hex characters.
 */
import { CliError, type CommandContext } from '../context.ts';

/** Runs `docker volume create`. */
export async function create(ctx: CommandContext): Promise<number> {
  const labels: Record<string, string> = {};
  for (const l of ctx.flags.get<string[]>('label')) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  // `--name` is the hidden form of the positional name, from Docker before 1.13 (create.go).
  const flagName = ctx.flags.get<string>('name');
  if (flagName !== '' && ctx.args.length > 0) throw new CliError('conflicting options: cannot specify a volume-name through both --name and as a positional arg');
  const name = ctx.args[0] ?? flagName;
  const v = await ctx.engine.volumeCreate({ name, driver: ctx.flags.get<string>('driver'), labels });
  ctx.out(`${String(v.Name)}\n`);
  return 0;
}
