/**
 * `bin/layerlab exec --json`: the contract of design.md §7. Reads one
 * command line per stdin line, runs each in one host shell (state carries
 * from line to line, as in a terminal; every invocation starts in a fresh
 * home unless --state keeps one), and prints one JSON array, one record per
 * line of output so diffs stay readable.
 *
 * A command that goes on over several stdin lines (a here-document, an open
 * `for` or quote, a line ending in `|`, `&&` or `\`) is read as `bash -s`
 * reads it, its next lines from stdin: it makes one record, whose `cmd` is
 * its lines joined by `\n`. If stdin ends inside one, the record holds
 * bash's end-of-file message (`bash: warning: here-document at line N
 * delimited by end-of-file (wanted `EOF')`, `bash: syntax error: unexpected
 * end of file`, rc 2).
 *
 * JSON strings hold text. When a line's stdout is binary and not valid UTF-8
 * (`docker save` to stdout), its record carries the bytes as a string of one
 * char per byte (U+0000-U+00FF) and `"stdoutEncoding": "latin1"`, so a reader
 * gets the exact bytes back with Buffer.from(stdout, 'latin1').
 *
 * `--engine unix:///PATH` (or tcp://HOST:PORT): `docker` in the lines is our
 * CLI talking to that daemon over the Engine API (worker/engine-client)
 * instead of the simulated engine; the host shell stays simulated.
 * `--runner URL`: the same through a Layerlab runner session (bin/cli/runner.ts).
 */
import type { Readable, Writable } from 'node:stream';
import { createSession } from '../../worker/session.ts';
import type { LineResult } from '../../worker/session.ts';
import type { ExecArgs } from './args.ts';
import { openStore, readLines } from './io.ts';
import { DockerCli } from '../../worker/cli/docker.ts';
import { HttpEngine } from '../../worker/engine-client/http-engine.ts';
import { nodeTransport } from '../../worker/engine-client/node-transport.ts';
import { openNodeRunner } from './runner.ts';

/** One record of the output array. */
export interface ExecRecord {
  cmd: string;
  stdout: string;
  stderr: string;
  rc: number;
  stdoutEncoding?: 'latin1';
}

/** Runs `exec`; resolves to 0 once every line ran (their own failures are in `rc`). */
export async function runExec(args: ExecArgs, stdin: Readable, stdout: Writable): Promise<number> {
  const store = await openStore(args.state);
  const remote = args.engine === undefined ? undefined : new DockerCli(new HttpEngine(nodeTransport(args.engine)));
  // --runner: a session on a Layerlab runner; its real engine answers docker, as in the page.
  const runner = args.runner === undefined ? undefined : await openNodeRunner(args.runner);
  const session = await createSession({
    store,
    preload: args.preload,
    isTTY: false,
    ...(remote ? { docker: (argv, io) => remote.run(argv, io) } : {}),
    ...(runner ? { remote: new HttpEngine(runner.transport) } : {}),
  });
  const records: ExecRecord[] = [];
  // The lines of a command still being read (a heredoc, a `for`, a quote, a trailing `|` or `\`).
  let lines: string[] = [];
  const record = (r: LineResult): void => {
    records.push(toRecord({ ...r, cmd: lines.join('\n') }));
    lines = [];
  };
  try {
    for await (const line of readLines(stdin)) {
      lines.push(line);
      const r = await session.runLine(line);
      // bash -s reads a command's next lines from stdin too: one record per whole command.
      if (session.foreground === undefined && session.shell.continuing) continue;
      record(r);
      if (session.shell.exited !== undefined) break;
    }
    // End of stdin inside a command: bash's end-of-file handling (warning, syntax error).
    if (lines.length > 0) record((await session.endInput())!);
  } finally {
    await session.close();
    await runner?.close();
  }
  const body = records.map((r) => JSON.stringify(r)).join(',\n');
  stdout.write(records.length === 0 ? '[]\n' : `[\n${body}\n]\n`);
  return 0;
}

/** The JSON record of a line, with binary stdout encoded as described above. */
export function toRecord(r: LineResult): ExecRecord {
  const record: ExecRecord = { cmd: r.cmd, stdout: r.stdout, stderr: r.stderr, rc: r.rc };
  if (r.stdoutBytes !== undefined) {
    try {
      record.stdout = new TextDecoder('utf-8', { fatal: true }).decode(r.stdoutBytes);
    } catch {
      record.stdout = Buffer.from(r.stdoutBytes).toString('latin1');
      record.stdoutEncoding = 'latin1';
    }
  }
  return record;
}
