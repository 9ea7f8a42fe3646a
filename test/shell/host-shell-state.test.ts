import { describe, expect, it } from 'vitest';
import { HostShell } from '../../worker/shell/host-shell.ts';
import { fakeDocker } from './fake-docker.ts';

/** Runs lines one by one, as a terminal sends them, and returns every result. */
async function lines(shell: HostShell, ...input: string[]) {
  const out = [];
  for (const line of input) out.push({ prompt: shell.prompt(), line, ...(await shell.run(line)) });
  return out;
}

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('HostShell state across lines', () => {
  it('keeps the working directory and shows it in the prompt', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    expect(await lines(shell, 'pwd', 'mkdir -p hello/src', 'cd hello', 'pwd', 'cd src', 'cd ..', 'ls', 'cd', 'pwd', 'cd /tmp')).toEqual([
      { prompt: 'learner@layerlab:~$ ', line: 'pwd', ...ok('/home/learner\n') },
      { prompt: 'learner@layerlab:~$ ', line: 'mkdir -p hello/src', ...ok('') },
      { prompt: 'learner@layerlab:~$ ', line: 'cd hello', ...ok('') },
      { prompt: 'learner@layerlab:~/hello$ ', line: 'pwd', ...ok('/home/learner/hello\n') },
      { prompt: 'learner@layerlab:~/hello$ ', line: 'cd src', ...ok('') },
      { prompt: 'learner@layerlab:~/hello/src$ ', line: 'cd ..', ...ok('') },
      { prompt: 'learner@layerlab:~/hello$ ', line: 'ls', ...ok('src\n') },
      { prompt: 'learner@layerlab:~/hello$ ', line: 'cd', ...ok('') },
      { prompt: 'learner@layerlab:~$ ', line: 'pwd', ...ok('/home/learner\n') },
      { prompt: 'learner@layerlab:~$ ', line: 'cd /tmp', ...ok('') },
    ]);
    expect(shell.prompt()).toBe('learner@layerlab:/tmp$ ');
    expect(shell.cwd).toBe('/tmp');
  });

  it('keeps variables, exports, aliases and $? from one line to the next', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    const results = await lines(
      shell,
      'export GREETING=hello',
      'NAME=learner',
      'echo $GREETING $NAME',
      "alias hi='echo hi there'",
      'hi',
      'alias',
      'unalias hi',
      'hi',
      'false',
      '',
      'echo $?',
      'echo $LINENO',
    );
    expect(results.map(({ stdout, stderr, exitCode }) => ({ stdout, stderr, exitCode }))).toEqual([
      ok(''),
      ok(''),
      ok('hello learner\n'),
      ok(''),
      ok('hi there\n'),
      ok("alias hi='echo hi there'\n"),
      ok(''),
      { stdout: '', stderr: 'bash: hi: command not found\n', exitCode: 127 },
      { stdout: '', stderr: '', exitCode: 1 },
      ok(''),
      ok('1\n'),
      ok('1\n'),
    ]);
  });

  it('starts with the login environment of learner@layerlab', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    expect(await shell.run('echo $HOME $USER $LOGNAME $HOSTNAME $SHELL $PWD; echo $PATH; hostname; whoami; id')).toEqual(
      ok(
        '/home/learner learner learner layerlab /bin/bash /home/learner\n' +
          '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games\n' +
          'layerlab\nlearner\nuid=1000(learner) gid=1000(learner) groups=1000(learner),27(sudo),999(docker)\n',
      ),
    );
  });

  it('runs a heredoc and redirections into files', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    const results = await lines(
      shell,
      'cat > app.py <<EOF\nprint("Hello, World!")\n  # indented\nEOF',
      'echo "console.log(\\"this is v0.2\\");" >> index.js',
      'echo "more" >> index.js',
      'cat app.py index.js',
      'wc -l < index.js',
    );
    expect(results[3]).toEqual({
      prompt: 'learner@layerlab:~$ ',
      line: 'cat app.py index.js',
      ...ok('print("Hello, World!")\n  # indented\nconsole.log("this is v0.2");\nmore\n'),
    });
    expect(results[4]!.stdout).toBe('2\n');
  });

  it('notes `exit` and its status', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    expect(shell.exited).toBeUndefined();
    expect(await shell.run('exit 3')).toEqual({ stdout: '', stderr: '', exitCode: 3 });
    expect(shell.exited).toBe(3);
  });
});

describe('HostShell exit', () => {
  it('ends only when exit runs', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    await shell.run('false && exit 3');
    await shell.run('echo "exit 2"; (exit 5)');
    expect(shell.exited).toBeUndefined();
    await shell.run('bye() { exit 7; }; bye');
    expect(shell.exited).toBe(7);
  });
});

describe('HostShell history', () => {
  it('lists the lines typed, as bash with HISTCONTROL=ignoreboth', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    for (const line of ['mkdir hello', 'cd hello', 'cd hello', ' echo secret', 'history 2']) await shell.run(line);
    expect(await shell.run('history')).toEqual({
      stdout: '    1  mkdir hello\n    2  cd hello\n    3  history 2\n    4  history\n',
      stderr: '',
      exitCode: 0,
    });
  });
});
