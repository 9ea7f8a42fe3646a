/**
 * just-bash's own implementations of the everyday tools (cat, grep, sed, sort, wc, …),
 * used as the bodies of busybox applets and coreutils programs where they print what
 * the real tools print. just-bash does not export its command table, so it is taken
 * from a Bash instance (its `commands` map; just-bash is pinned to 3.4.2 and
 * test/programs/applets.test.ts fails if that changes). The commands then run against
 * the container's filesystem through a context from createCommandContext.
 */
import type { Command, ExecResult } from 'just-bash';
/** The just-bash module namespace. */
export type JustBash = typeof import('just-bash');
import type { ProgramRun } from './program.ts';
import { readAllStdin } from './program.ts';

let loaded: Promise<JustBash> | undefined;

/** Loads just-bash on first use (it is ~350 KB gzipped; never in the initial bundle). */
export function justBash(): Promise<JustBash> {
  loaded ??= import('just-bash');
  return loaded;
}

let table: Promise<Map<string, Command>> | undefined;

async function commands(): Promise<Map<string, Command>> {
  table ??= justBash().then((jb) => {
    const bash = new jb.Bash({ fs: new jb.InMemoryFs() });
    const map = (bash as unknown as { commands: Map<string, Command> }).commands;
    if (!(map instanceof Map) || !map.has('cat')) throw new Error('just-bash: command table not found (version changed?)');
    return map;
  });
  return table;
}

/** Names just-bash implements that we use as they are. */
export const BUILTIN_NAMES = new Set('cat echo printf mkdir rmdir touch rm cp mv ln chmod pwd readlink head tail wc stat grep egrep fgrep sed awk sort uniq comm cut paste tr rev nl fold expand unexpand strings split tee find basename dirname tree du printenv xargs true false clear base64 diff date seq expr md5sum sha1sum sha256sum od tac timeout jq tree tar'.split(' '));

// Filters read stdin when no file operand is given; others never touch it.
const FILTERS = new Set('jq cat head tail wc grep egrep fgrep sed awk sort uniq cut tr rev nl fold tee base64 md5sum sha1sum sha256sum od tac xargs strings expand unexpand paste'.split(' '));

/** Whether `name` is one of just-bash's commands we use. */
export function hasBuiltin(name: string): boolean {
  return BUILTIN_NAMES.has(name);
}

/** Runs just-bash's `name` as this process, writing its output to the process streams. */
export async function runBuiltin(run: ProgramRun, name = run.name): Promise<number> {
  const jb = await justBash();
  const cmd = (await commands()).get(name);
  if (!cmd) {
    run.spec.stderr(`${name}: applet not found\n`);
    return 127;
  }
  const operands = run.args.filter((a) => !a.startsWith('-') || a === '-');
  // tr and xargs take no file operands, tee's are outputs: they always read stdin.
  const stdin = FILTERS.has(name) && (operands.length === 0 || operands.includes('-') || name === 'xargs' || name === 'tee' || name === 'tr' || ['grep', 'egrep', 'fgrep', 'sed', 'awk', 'jq'].includes(name) && operands.length <= 1 && !run.args.includes('-n')) ? await readAllStdin(run.spec) : '';
  const ctx = jb.createCommandContext({
    fs: run.spec.fs,
    cwd: run.spec.cwd,
    env: new Map(Object.entries(run.spec.env)),
    exportedEnv: { ...run.spec.env },
    stdin: stdin as never,
    signal: run.spec.signal,
  });
  const result: ExecResult = await cmd.execute(run.args, ctx);
  if (result.stdout) run.spec.stdout(result.stdout);
  if (result.stderr) run.spec.stderr(result.stderr);
  return result.exitCode;
}
