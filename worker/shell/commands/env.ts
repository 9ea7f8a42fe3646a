/**
 * `env` and `printenv` with no arguments list the exported environment, as
 * they print their own environ. just-bash's list every shell variable,
 * including `?` and BASHOPTS, which a process never inherits.
 */
import type { Command } from 'just-bash';
import { text } from './types.ts';
import type { JustBash } from './types.ts';

// Set by just-bash for the shell itself; never in a child's environment.
const SHELL_ONLY = new Set(['?', 'BASHOPTS', 'SHELLOPTS']);

/** The `env` and `printenv` commands. */
export function envCommands(jb: JustBash): Command[] {
  return ['env', 'printenv'].map((name) =>
    jb.defineCommand(name, async (args, ctx) => {
      if (args.length > 0 || !ctx.origCommand) return ctx.origCommand ? ctx.origCommand(args) : text('', `${name}: unavailable\n`, 127);
      const env = ctx.exportedEnv ?? Object.fromEntries(ctx.env);
      return text(Object.entries(env).filter(([k]) => !SHELL_ONLY.has(k)).map(([k, v]) => `${k}=${v}\n`).join(''));
    }),
  );
}
