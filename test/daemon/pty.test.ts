/**
 * `docker run -it alpine sh`, `docker attach` and `docker exec -it` from the
 * real docker CLI on a pty (util-linux `script`, in every Debian), typing
 * `echo hi` and `exit` as a learner does: what the terminal shows, the CLI's
 * exit status and the container's state after. Keys are typed once the
 * screen shows what they answer (the prompt), never after a fixed sleep.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, dockerCli, startTestDaemon, type TestDaemon } from './harness.ts';

let d: TestDaemon;
beforeAll(async () => {
  d = await startTestDaemon();
  expect((await call(d.socket, 'POST', '/images/create?fromImage=alpine&tag=latest')).status).toBe(200);
});
afterAll(async () => d?.stop());

/** A docker command on a pty: its screen so far, typing, and its end. */
class Pty {
  readonly child: ChildProcessWithoutNullStreams;
  screen = '';
  readonly exited: Promise<number>;
  #waiters: Array<() => void> = [];

  constructor(args: string) {
    // script -e: exit with the child's status; -f: flush output as it comes; -q: no banners.
    this.child = spawn('script', ['-qfec', `${dockerCli().path} ${args}`, '/dev/null'], { env: { ...process.env, DOCKER_HOST: d.host, TERM: 'xterm' } });
    this.child.stdout.setEncoding('utf8').on('data', (s: string) => {
      this.screen += s;
      for (const w of this.#waiters.splice(0)) w();
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code ?? -1)));
  }

  /** Resolves once the screen, after `from`, contains `text`. */
  async until(text: string, from = 0): Promise<number> {
    while (this.screen.indexOf(text, from) < 0) {
      if (this.child.exitCode !== null) throw new Error(`exited before ${JSON.stringify(text)}: ${JSON.stringify(this.screen)}`);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    return this.screen.indexOf(text, from) + text.length;
  }

  type(keys: string): void {
    this.child.stdin.write(keys);
  }

  /**
   * Presses Enter until a prompt comes back: right after `docker attach`
   * the CLI may still be switching the tty to raw mode, which discards keys
   * typed before it (TCSAFLUSH); an answered Enter proves the keys go through.
   */
  async enterUntilPrompt(prompt: string): Promise<number> {
    for (;;) {
      const from = this.screen.length;
      this.type('\r');
      const got = await Promise.race([this.until(prompt, from), new Promise<undefined>((resolve) => this.child.stdout.once('data', () => resolve(undefined)))]);
      if (got !== undefined) return got;
      if (this.screen.indexOf(prompt, from) >= 0) return this.screen.indexOf(prompt, from) + prompt.length;
      await new Promise<void>((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function state(name: string): Promise<string> {
  const r = await call(d.socket, 'GET', `/containers/${name}/json`);
  const s = (JSON.parse(r.body) as { State: { Status: string; ExitCode: number } }).State;
  return `${s.Status} ${s.ExitCode}`;
}

describe('the real docker CLI on a pty', () => {
  it('docker run -it alpine sh: echo hi, exit', async () => {
    const pty = new Pty('run -it --name it1 alpine sh');
    await pty.until('/ # ');
    pty.type('echo hi\r');
    await pty.until('hi\r\n/ # ');
    pty.type('exit\r');
    expect(await pty.exited).toBe(0);
    expect(pty.screen).toBe('/ # echo hi\r\nhi\r\n/ # exit\r\n');
    expect(await state('it1')).toBe('exited 0');
  }, 60_000);

  it('the shell edits the line as a tty does: Backspace, Ctrl-U, Ctrl-C; exit 3 is the status', async () => {
    const pty = new Pty('run -it --rm alpine sh');
    await pty.until('/ # ');
    pty.type('echo hix\x7f\r');
    let at = await pty.until('hi\r\n/ # ');
    pty.type('junk\x15echo ok\r');
    at = await pty.until('ok\r\n/ # ', at);
    pty.type('partial\x03');
    at = await pty.until('^C\r\n/ # ', at);
    pty.type('exit 3\r');
    expect(await pty.exited).toBe(3);
    expect(pty.screen).toBe('/ # echo hix\b \b\r\nhi\r\n/ # junk\b \b\b \b\b \b\b \becho ok\r\nok\r\n/ # partial^C\r\n/ # exit 3\r\n');
  }, 60_000);

  it('docker run -dit, then docker attach: the prompt on Enter, echo hi, exit ends the container', async () => {
    const created = await call(d.socket, 'POST', '/containers/create?name=att', JSON.stringify({ Image: 'alpine', Cmd: ['sh'], Tty: true, OpenStdin: true }));
    expect(created.status).toBe(201);
    expect((await call(d.socket, 'POST', '/containers/att/start')).status).toBe(204);
    const pty = new Pty('attach att');
    const at = await pty.enterUntilPrompt('/ # ');
    pty.type('echo hi\r');
    await pty.until('hi\r\n/ # ', at);
    pty.type('exit\r');
    expect(await pty.exited).toBe(0);
    expect(pty.screen.slice(at - '/ # '.length)).toBe('/ # echo hi\r\nhi\r\n/ # exit\r\n');
    expect(await state('att')).toBe('exited 0');
  }, 60_000);

  it('Ctrl-P Ctrl-Q detaches: the container runs on, and a later attach finds its shell', async () => {
    const run = new Pty('run -it --name det alpine sh');
    await run.until('/ # ');
    run.type('cd /tmp\r');
    await run.until('/tmp # ');
    run.type('\x10\x11');
    expect(await run.exited).toBe(0);
    expect(await state('det')).toBe('running 0');
    const pty = new Pty('attach det');
    const at = await pty.enterUntilPrompt('/tmp # ');
    pty.type('exit\r');
    expect(await pty.exited).toBe(0);
    expect(pty.screen.slice(at)).toBe('exit\r\n');
    expect(await state('det')).toBe('exited 0');
  }, 60_000);

  it('docker exec -it: a second shell in a running container', async () => {
    await call(d.socket, 'POST', '/containers/create?name=ex', JSON.stringify({ Image: 'alpine', Cmd: ['sleep', '300'] }));
    await call(d.socket, 'POST', '/containers/ex/start');
    const pty = new Pty('exec -it ex sh');
    await pty.until('/ # ');
    pty.type('echo hi > /f; cat /f\r');
    await pty.until('hi\r\n/ # ');
    pty.type('exit\r');
    expect(await pty.exited).toBe(0);
    expect(pty.screen).toBe('/ # echo hi > /f; cat /f\r\nhi\r\n/ # exit\r\n');
    expect(await state('ex')).toBe('running 0');
    const diff = await call(d.socket, 'GET', '/containers/ex/changes');
    expect(diff.body).toBe('[{"Kind":1,"Path":"/f"}]\n');
  }, 60_000);
});
