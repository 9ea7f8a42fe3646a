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
import { isRaw } from '../../worker/editors/program.ts';
import { HttpEngine } from '../../worker/engine-client/http-engine.ts';
import { nodeRawTty, openNodeRunner } from './runner.ts';

/** Runs the terminal or the stdin script; resolves to the exit code. */
export async function runRepl(stdin: Readable & { isTTY?: boolean }, stdout: Writable & { isTTY?: boolean }, stderr: Writable, opts: { runner?: string } = {}): Promise<number> {
  const store = await openStore(undefined);
  const tty = stdin.isTTY === true && stdout.isTTY === true;
  // --runner: docker goes to a runner session's real engine; `-it` then takes this terminal raw.
  const runner = opts.runner === undefined ? undefined : await openNodeRunner(opts.runner);
  runner?.onDrop((why) => void stderr.write(`\nlayerlab: ${why}; docker commands fail from now on.\n`));
  const live = { stdout: (c: string | Uint8Array) => void stdout.write(c), stderr: (c: string) => void stderr.write(c), rawTty: nodeRawTty(stdin, stdout) };
  const session = await createSession({ store, isTTY: tty, ...(tty ? { onOutput: live } : {}), ...(runner ? { remote: new HttpEngine(runner.transport) } : {}) });
  try {
    if (stdin.isTTY === true) return await interactive(session, stdin, stdout, stderr);
    let rc = 0;
    for await (const line of readLines(stdin)) {
      const r = await session.runLine(line);
      show(r, stdout, stderr);
      rc = r.rc;
      if (session.shell.exited !== undefined) return session.shell.exited;
    }
    // bash -s at the end of its script inside a command (an unfinished heredoc, `for`, quote): its end-of-file handling.
    if (session.foreground === undefined && session.shell.continuing) {
      const r = (await session.endInput())!;
      show(r, stdout, stderr);
      rc = r.rc;
    }
    return rc;
  } finally {
    await session.close();
    await runner?.close();
  }
}

function show(r: LineResult, stdout: Writable, stderr: Writable): void {
  stdout.write(r.stdoutBytes ?? r.stdout);
  stderr.write(r.stderr);
}

async function interactive(session: Session, stdin: Readable, stdout: Writable & { columns?: number; rows?: number }, stderr: Writable): Promise<number> {
  const resize = () => session.shell.resize(stdout.columns ?? 80, stdout.rows ?? 24);
  resize();
  stdout.on('resize', resize);
  const history: string[] = [];
  let rc = 0;
  for (;;) {
    if (isRaw(session.foreground)) {
      await rawSession(session, stdin as Readable & { setRawMode?(raw: boolean): void }, stdout, stderr);
      continue;
    }
    // A fresh line editor per line: Ctrl-D closes readline's interface, and
    // under `cat > file` Ctrl-D only ends the input, not the terminal.
    const event = await readLine(session, stdin, stdout, history);
    let r: LineResult | undefined;
    const continuing = session.foreground === undefined && session.shell.continuing;
    if (event.kind === 'eof') {
      // Ctrl-D on a PS2 line: bash's messages (and its own `exit`, if it ends) on the next row.
      if (continuing) stdout.write('\n');
      r = await session.endInput();
      if (r === undefined) {
        stdout.write('exit\n');
        return rc;
      }
    } else if (event.kind === 'interrupt') {
      r = await session.interrupt();
      if (r === undefined) continue;
    } else {
      const inShell = session.foreground === undefined;
      if (event.line.trim() === '' && inShell && !continuing) continue;
      r = await session.runLine(event.line);
      // A command typed over several lines is one history entry, as bash joins it (history-join.ts).
      const entry = session.shell.historyEntry;
      if (continuing && entry !== undefined && history[0] !== undefined) history[0] = entry;
      else if (event.line.trim() !== '' && inShell && !event.line.startsWith(' ')) history.unshift(event.line);
    }
    show(r, stdout, stderr);
    rc = r.rc;
    if (session.shell.exited !== undefined) {
      // `exit` says so; an end of input inside a command has printed bash's own words already.
      if (event.kind !== 'eof') stdout.write('exit\n');
      return session.shell.exited;
    }
  }
}

/**
 * A full-screen program (vi, nano) owns the terminal: stdin in raw mode,
 * every chunk of keystrokes handed to it as the page's console does, until
 * it ends.
 */
async function rawSession(session: Session, stdin: Readable & { setRawMode?(raw: boolean): void }, stdout: Writable, stderr: Writable): Promise<void> {
  stdin.setRawMode?.(true);
  // A 'data' listener, not `for await`: leaving an async iterator destroys stdin.
  await new Promise<void>((resolve) => {
    let chain = Promise.resolve();
    const onData = (chunk: Buffer) => {
      chain = chain.then(async () => {
        if (!isRaw(session.foreground)) return;
        show(await session.runLine(chunk.toString('utf8')), stdout, stderr);
        if (!isRaw(session.foreground)) {
          stdin.off('data', onData);
          stdin.pause();
          resolve();
        }
      });
    };
    stdin.on('data', onData);
    stdin.resume();
  });
  stdin.setRawMode?.(false);
}

type LineEvent = { kind: 'line'; line: string } | { kind: 'eof' } | { kind: 'interrupt' };

/** Reads one line with readline; Ctrl-C abandons it (bash prints ^C and a new prompt). */
function readLine(session: Session, stdin: Readable, stdout: Writable, history: string[]): Promise<LineEvent> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: stdin, output: stdout, terminal: true, history: [...history], historySize: 1000 });
    let done = false;
    const finish = (event: LineEvent) => {
      if (done) return;
      done = true;
      rl.close();
      resolve(event);
    };
    rl.on('SIGINT', () => {
      stdout.write('^C\n');
      finish({ kind: 'interrupt' });
    });
    rl.on('close', () => finish({ kind: 'eof' }));
    rl.question(session.prompt(), (line) => finish({ kind: 'line', line }));
  });
}
