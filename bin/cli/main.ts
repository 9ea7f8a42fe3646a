/**
 * `bin/layerlab` dispatch: `exec --json` for scripts and tests, the
 * interactive terminal with no arguments (design.md §7). Usage errors exit 2,
 * as Go's flag package and docker/cli do.
 */
import { runExec } from './exec.ts';
import { parseExecArgs, parseReplArgs, UsageError, USAGE } from './args.ts';
import { runRepl } from './repl.ts';
import { parseDaemonArgs, runDaemon } from './daemon.ts';

/** Runs the CLI with `argv` (without `node bin/layerlab`); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    if (command === undefined || command.startsWith('--runner')) return await runRepl(process.stdin, process.stdout, process.stderr, parseReplArgs(argv));
    if (command === 'exec') return await runExec(parseExecArgs(rest), process.stdin, process.stdout);
    if (command === 'daemon') return await runDaemon(parseDaemonArgs(rest), process.stderr);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`layerlab: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`layerlab: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
