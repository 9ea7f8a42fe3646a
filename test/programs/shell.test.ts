import { describe, expect, it } from 'vitest';
import { ExecNotFoundError, runProcess, startInteractive } from '../../worker/programs/process.ts';
import { imageFs, run, testSpec } from './fixture.ts';

describe('alpine: busybox ash', () => {
  it('shows ash prompts, runs applets, reports missing commands as ash does, exits with its code', async () => {
    const fs = await imageFs('alpine');
    const sh = await startInteractive(testSpec(fs, ['/bin/sh']));
    expect(sh.prompt()).toEqual('/ # ');
    expect(await sh.feed('cd /tmp')).toEqual({ stdout: '', stderr: '' });
    expect(sh.prompt()).toEqual('/tmp # ');
    expect(await sh.feed('echo hi > a.txt; cat a.txt')).toEqual({ stdout: 'hi\n', stderr: '' });
    expect(await sh.feed('bash')).toEqual({ stdout: '', stderr: '/bin/sh: bash: not found\n' });
    expect(await sh.feed('echo $?')).toEqual({ stdout: '127\n', stderr: '' });
    expect(await sh.feed('hostname')).toEqual({ stdout: '3f4e8a9b1c2d\n', stderr: '' });
    expect(await sh.feed('cd')).toEqual({ stdout: '', stderr: '' });
    expect(sh.prompt()).toEqual('~ # ');
    expect(await sh.feed('exit 3')).toEqual({ stdout: '', stderr: '', exitCode: 3 });
  });

  it('runs a command only while its executable exists on PATH', async () => {
    const fs = await imageFs('alpine');
    const sh = await startInteractive(testSpec(fs, ['/bin/sh']));
    expect(await sh.feed('ls /home /mnt')).toEqual({ stdout: '/home:\n\n/mnt:\n', stderr: '' });
    expect(await sh.feed('rm /bin/ls; ls /')).toEqual({ stdout: '', stderr: '/bin/sh: ls: not found\n' });
    expect(await sh.feed('echo still')).toEqual({ stdout: 'still\n', stderr: '' });
  });

  it('sh -c reports as sh, and runProcess throws for a missing executable', async () => {
    const fs = await imageFs('alpine');
    const spec = testSpec(fs, ['sh', '-c', 'nope; echo $?']);
    expect(await runProcess(spec)).toEqual(0);
    expect([spec.out, spec.err]).toEqual(['127\n', 'sh: nope: not found\n']);
    await expect(runProcess(testSpec(fs, ['bash']))).rejects.toEqual(new ExecNotFoundError('bash', 'not-found'));
    await expect(runProcess(testSpec(fs, ['/bin/bash']))).rejects.toEqual(new ExecNotFoundError('/bin/bash', 'no-such-file'));
  });

  it('sh -c and scripts read piped stdin (`echo hi | docker run -i alpine sh -c \'read x; echo got $x\'`)', async () => {
    const fs = await imageFs('alpine');
    const spec = testSpec(fs, ['sh', '-c', 'read x; echo got $x; cat'], { input: ['hi\n', 'more\n', 'rest\n'] });
    expect(await runProcess(spec)).toEqual(0);
    expect([spec.out, spec.err]).toEqual(['got hi\nmore\nrest\n', '']);
    await fs.writeFile('/lines.sh', 'while read l; do echo "[$l]"; done\n');
    const script = testSpec(fs, ['sh', '/lines.sh'], { input: ['a\nb\n'] });
    expect(await runProcess(script)).toEqual(0);
    expect(script.out).toBe('[a]\n[b]\n');
    // A stdin that never answers (a terminal nobody types at) does not hold up a script that does not read it.
    const idle = testSpec(fs, ['sh', '-c', 'read x; echo "[$x] $?"'], { stdin: { read: () => new Promise<string | null>(() => undefined) } });
    expect(await runProcess(idle)).toEqual(0);
    expect(idle.out).toBe('[] 1\n');
  });
});

describe('trap', () => {
  it('runs the EXIT trap when the shell ends (its exit N sets the status), lists handlers as each shell does, refuses unknown signals', async () => {
    const alpine = await imageFs('alpine');
    expect(await run(alpine, ['sh', '-c', "trap 'echo bye' EXIT; echo hi"])).toEqual([0, 'hi\nbye\n', '']);
    expect(await run(alpine, ['sh', '-c', "trap 'echo bye; exit 3' EXIT INT; trap; exit 1"])).toEqual([3, "trap -- 'echo bye; exit 3' EXIT\ntrap -- 'echo bye; exit 3' INT\nbye\n", '']);
    expect(await run(alpine, ['sh', '-c', "trap 'echo x' EXIT; trap - EXIT; trap 'echo x' FOO"])).toEqual([1, '', 'sh: trap: FOO: bad trap\n']);
    const debian = await imageFs('debian');
    expect(await run(debian, ['bash', '-c', "trap 'echo \"it'\\''s over\"' EXIT TERM; trap -p"])).toEqual([0, "trap -- 'echo \"it'\\''s over\"' EXIT\ntrap -- 'echo \"it'\\''s over\"' SIGTERM\nit's over\n", '']);
    expect(await run(debian, ['bash', '-c', "trap 'echo x' FOO"])).toEqual([1, '', 'bash: line 1: trap: FOO: invalid signal specification\n']);
    expect(await run(debian, ['sh', '-c', "trap 'echo x' FOO"])).toEqual([1, '', 'sh: 1: trap: FOO: bad trap\n']);
    // exec replaces the shell: its EXIT trap never runs.
    expect(await run(alpine, ['sh', '-c', "trap 'echo bye' EXIT\nexec echo replaced"])).toEqual([0, 'replaced\n', '']);
  });

  it('a TERM handler makes PID 1 catch the stop signal; it runs once the foreground command returns', async () => {
    const fs = await imageFs('alpine');
    const stop = new AbortController();
    const caught = new Set<string>();
    const spec = testSpec(fs, ['sh', '-c', "trap 'echo caught TERM; exit 0' TERM; echo ran; sleep 0.2; echo after"], { signal: stop.signal, caught });
    const done = runProcess(spec);
    await new Promise<void>((ok) => { const tick = (): void => (caught.has('SIGTERM') ? ok() : void setTimeout(tick, 5)); tick(); });
    stop.abort('SIGTERM');
    expect(await done).toBe(0);
    expect([spec.out, spec.err]).toEqual(['ran\nafter\ncaught TERM\n', '']);
    // Without a handler the signal is not caught (PID 1 would not even receive it).
    const plain = testSpec(fs, ['sh', '-c', 'true'], { caught: new Set() });
    expect(await runProcess(plain)).toBe(0);
    expect([...plain.caught!]).toEqual([]);
  });
});

describe('interactive sessions', () => {
  it('ls prints columns on a terminal; a shell typed at the prompt nests until exit; Ctrl-C stops sleep', async () => {
    const fs = await import('./fixture.ts').then((m) => m.imageFs('alpine'));
    const session = await startInteractive(testSpec(fs, ['/bin/sh'], { tty: true }));
    expect(await session.feed('ls /')).toEqual({ stdout: 'bin    etc    lib    mnt    proc   run    srv    tmp    var\ndev    home   media  opt    root   sbin   sys    usr\n', stderr: '' });
    await runProcess(testSpec(fs, ['apk', 'add', 'bash']));
    expect(await session.feed('bash')).toEqual({ stdout: '', stderr: '' });
    expect(session.prompt()).toEqual('bash-5.2# ');
    expect(await session.feed('exit 4')).toEqual({ stdout: '', stderr: '' });
    expect(session.prompt()).toEqual('/ # ');
    expect(await session.feed('echo $?')).toEqual({ stdout: '4\n', stderr: '' });
    const pending = session.feed('sleep 100');
    setTimeout(() => session.interrupt(), 50);
    expect(await pending).toEqual({ stdout: '', stderr: '' });
    expect(await session.feed('echo $?')).toEqual({ stdout: '130\n', stderr: '' });
    expect(await session.feed('\x04')).toEqual({ stdout: '\n', stderr: '', exitCode: 0 });
  });
});

describe('the interpreter view of /dev/null', () => {
  it('discards writes without creating a file in the container', async () => {
    const fs = await (await import('./fixture.ts')).imageFs('alpine');
    const spec = testSpec(fs, ['sh', '-c', 'echo gone > /dev/null; cat < /dev/null; echo kept']);
    expect(await runProcess(spec)).toEqual(0);
    expect([spec.out, spec.err, await fs.exists('/dev/null')]).toEqual(['kept\n', '', false]);
  });
});

describe('-it with a program that is not a shell', () => {
  it('runs it at once and reports its status on the next line', async () => {
    const fs = await (await import('./fixture.ts')).imageFs('alpine');
    const spec = testSpec(fs, ['echo', 'hi'], { tty: true });
    const p = await startInteractive(spec);
    await new Promise((r) => setTimeout(r, 50));
    expect([spec.out, p.prompt()]).toEqual(['hi\n', '']);
    expect(await p.feed('')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const cat = testSpec(fs, ['cat'], { tty: true });
    const c = await startInteractive(cat);
    expect(await c.feed('typed')).toEqual({ stdout: '', stderr: '' });
    expect(await c.feed('\x04')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(cat.out).toEqual('typed\n');
  });
});
