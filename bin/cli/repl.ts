/**
 * `bin/layerlab` with no arguments. On a TTY: the same terminal as the page,
 * with a readline line editor and history; `exit` or Ctrl-D ends it and, as
 * bash does, prints `exit`. Not on a TTY: runs the lines read from stdin like
 * `bash -s` would, with no prompts, and exits with the last line's status.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createSession } from '../../worker/session.ts';
import type { LineResult, Session } from '../../worker/session.ts';
import { openStore, readLines } from './io.ts';

/** Runs the terminal or the stdin script; resolves to the exit code. */
export async function runRepl(stdin: Readable & { isTTY?: boolean }, stdout: Writable & { isTTY?: boolean }, stderr: Writable): Promise<number> {
  const store = await openStore(undefined);
  const session = await createSession({ store, isTTY: stdin.isTTY === true && stdout.isTTY === true });
  try {
    if (stdin.isTTY === true) return await interactive(session, stdin, stdout, stderr);
    let rc = 0;
    for await (const line of readLines(stdin)) {
      const r = await session.runLine(line);
      show(r, stdout, stderr);
      rc = r.rc;
      if (session.shell.exited !== undefined) return session.shell.exited;
    }
    return rc;
  } finally {
    await session.close();
  }
}

function show(r: LineResult, stdout: Writable, stderr: Writable): void {
  stdout.write(r.stdoutBytes ?? r.stdout);
  stderr.write(r.stderr);
}

async function interactive(session: Session, stdin: Readable, stdout: Writable & { columns?: number; rows?: number }, stderr: Writable): Promise<number> {
  const rl = createInterface({ input: stdin, output: stdout, terminal: true, historySize: 1000 });
  const resize = () => session.shell.resize(stdout.columns ?? 80, stdout.rows ?? 24);
  resize();
  stdout.on('resize', resize);
  rl.on('SIGINT', () => {
    // bash: ^C abandons the line being edited and shows a new prompt.
    stdout.write('^C\n');
    rl.write(null, { ctrl: true, name: 'u' });
    rl.setPrompt(session.prompt());
    rl.prompt();
  });
  let rc = 0;
  const ask = (): Promise<string | undefined> =>
    new Promise((resolve) => {
      const onClose = () => resolve(undefined);
      rl.once('close', onClose);
      rl.question(session.prompt(), (line) => {
        rl.off('close', onClose);
        resolve(line);
      });
    });
  for (;;) {
    const line = await ask();
    if (line === undefined) {
      stdout.write('exit\n');
      return rc;
    }
    if (line.trim() === '') continue;
    const r = await session.runLine(line);
    show(r, stdout, stderr);
    rc = r.rc;
    if (session.shell.exited !== undefined) {
      stdout.write('exit\n');
      rl.close();
      return session.shell.exited;
    }
  }
}
