/**
 * Signals to a container's PID 1, as Linux delivers them: a signal whose
 * action is the default is dropped for a PID namespace's init, so only the
 * signals a program catches (ProcessSpec.caught) and SIGKILL reach it
 * (golden scenario test/golden/scenarios/signals.txt has the daemon's side).
 * Here: programs that catch signals, Ctrl-C at the page's terminal for an
 * attached `docker run` (the CLI's signal proxy and its third-press exit,
 * recorded from docker CLI 28.2 in tmux) and for `-it` programs.
 */
import { describe, expect, it } from 'vitest';
import type { InteractiveProcess, ProcessSpec } from '../../worker/engine/containers/runtime.ts';
import { containerCli } from './helpers.ts';

/**
 * The test doubles plus two programs: `trapper` catches SIGTERM and SIGINT
 * and exits 3 on either (a shell with `trap 'exit 3' TERM INT`); `prompt`
 * at a terminal is a program that catches SIGINT when told to.
 */
async function withPrograms() {
  const d = await containerCli();
  await d.run('pull base');
  const run = d.runner.runProcess.bind(d.runner);
  d.runner.runProcess = async (spec: ProcessSpec) => {
    if (spec.argv[0] !== 'trapper') return run(spec);
    spec.caught?.add('SIGTERM').add('SIGINT');
    spec.stdout('ready\n');
    await new Promise((r) => spec.signal.addEventListener('abort', r, { once: true }));
    spec.stdout(`got ${String(spec.signal.reason)}\n`);
    return 3;
  };
  const interrupts: string[] = [];
  const start = d.runner.startInteractive.bind(d.runner);
  d.runner.startInteractive = async (spec: ProcessSpec): Promise<InteractiveProcess> => {
    const proc = await start(spec);
    // `sh` at a terminal catches SIGINT (Ctrl-C ends its line); `sleep` does not.
    if (spec.argv[0] === 'sh') spec.caught?.add('SIGINT');
    return { ...proc, interrupt: () => void interrupts.push(spec.argv.join(' ')) };
  };
  return { ...d, interrupts };
}

const status = async (d: Awaited<ReturnType<typeof withPrograms>>) => (await d.run('ps -a --format {{.Names}}:{{.Status}}')).stdout;

describe('signals to PID 1', () => {
  it('a program without handlers ignores every signal but SIGKILL', async () => {
    const d = await withPrograms();
    await d.run('run -d --name sig-w base sleep 1000');
    for (const s of ['SIGTERM', 'TERM', '15', 'INT', 'hup', 'USR1', 'QUIT']) expect(await d.run(['kill', '-s', s, 'sig-w'])).toEqual({ stdout: 'sig-w\n', stderr: '', rc: 0 });
    expect(await status(d)).toEqual('sig-w:Up Less than a second\n');
    expect(await d.run('stop sig-w')).toEqual({ stdout: 'sig-w\n', stderr: '', rc: 0 });
    expect(await status(d)).toEqual('sig-w:Exited (137) Less than a second ago\n');
  });

  it('a program that catches SIGTERM ends as it chooses; signals it does not catch still do nothing', async () => {
    const d = await withPrograms();
    await d.run('run -d --name sig-t base trapper');
    expect(await d.run('kill -s HUP sig-t')).toEqual({ stdout: 'sig-t\n', stderr: '', rc: 0 });
    expect(await status(d)).toEqual('sig-t:Up Less than a second\n');
    expect(await d.run('stop sig-t')).toEqual({ stdout: 'sig-t\n', stderr: '', rc: 0 });
    expect(await status(d)).toEqual('sig-t:Exited (3) Less than a second ago\n');
    expect(await d.run('logs sig-t')).toEqual({ stdout: 'ready\ngot SIGTERM\n', stderr: '', rc: 0 });
    await d.run('start sig-t');
    expect(await d.run('kill -s 2 sig-t')).toEqual({ stdout: 'sig-t\n', stderr: '', rc: 0 });
    expect(await d.run('wait sig-t')).toEqual({ stdout: '3\n', stderr: '', rc: 0 });
    expect((await d.run('logs sig-t')).stdout).toEqual('ready\ngot SIGTERM\nready\ngot SIGINT\n');
  });

  it('--stop-timeout is kept in Config and used by stop; bad signals are refused with the daemon words', async () => {
    const d = await withPrograms();
    await d.run('run -d --stop-timeout 1 --name sig-st base sleep 1000');
    expect(await d.run(['inspect', '-f', '{{.Config.StopTimeout}}', 'sig-st'])).toEqual({ stdout: '1\n', stderr: '', rc: 0 });
    expect(await d.run('stop -s BOGUS sig-st')).toEqual({ stdout: '', stderr: 'Error response from daemon: cannot stop container: sig-st: invalid signal: BOGUS\n', rc: 1 });
    expect(await d.run('restart -s BOGUS sig-st')).toEqual({ stdout: '', stderr: 'Error response from daemon: Cannot restart container sig-st: invalid signal: BOGUS\n', rc: 1 });
    expect(await d.run('kill nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: cannot kill container: nope: No such container: nope\n', rc: 1 });
    expect(await d.run('stop sig-st')).toEqual({ stdout: 'sig-st\n', stderr: '', rc: 0 });
    // Stopped: the signal is not even parsed (moby answers 304 first).
    expect(await d.run('stop -s BOGUS sig-st')).toEqual({ stdout: 'sig-st\n', stderr: '', rc: 0 });
  });
});

describe('Ctrl-C at the terminal', () => {
  /** An attached `docker run` whose terminal sends Ctrl-C `presses` times once the container runs. */
  async function attachedRun(d: Awaited<ReturnType<typeof withPrograms>>, argv: string, presses: number) {
    let press: (() => void) | undefined;
    const pressed = new Promise<void>((resolve) => {
      const interrupts = (on: () => void) => {
        press = on;
        resolve();
        return () => (press = undefined);
      };
      void d.run(argv.split(' '), '', { interrupts }).then((r) => (result = r));
    });
    let result: { stdout: string; stderr: string; rc: number } | undefined;
    await pressed;
    for (let i = 0; i < presses; i++) press?.();
    for (let i = 0; i < 50 && result === undefined; i++) await new Promise((r) => setTimeout(r, 0));
    return { result, held: press !== undefined };
  }

  it('docker run without -t forwards SIGINT; PID 1 sleep ignores it and the CLI gives up at the third press', async () => {
    const d = await withPrograms();
    const two = await attachedRun(d, 'run --name sig-a base sleep 1000', 2);
    expect(two).toEqual({ result: undefined, held: true });
    const d2 = await withPrograms();
    const three = await attachedRun(d2, 'run --name sig-a base sleep 1000', 3);
    expect(three).toEqual({ result: { stdout: '', stderr: '\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n', rc: 1 }, held: false });
    // The container goes on, as with real docker.
    expect(await status(d2)).toEqual('sig-a:Up Less than a second\n');
  });

  it('a program that catches SIGINT ends on the first press with its own status', async () => {
    const d = await withPrograms();
    const one = await attachedRun(d, 'run --name sig-b base trapper', 1);
    expect(one).toEqual({ result: { stdout: 'ready\ngot SIGINT\n', stderr: '', rc: 3 }, held: false });
  });

  it('-it: Ctrl-C reaches a shell, not `sleep` as PID 1; a docker exec -it process always gets it', async () => {
    const d = await withPrograms();
    await d.run('run -it --name sig-sh base sh');
    d.foreground()!.interrupt!();
    await d.run('run -it --name sig-sl base sleep 1000');
    d.foreground()!.interrupt!();
    await d.run('exec -it sig-sl sleep 5');
    d.foreground()!.interrupt!();
    expect(d.interrupts).toEqual(['sh', 'sleep 5']);
  });
});
