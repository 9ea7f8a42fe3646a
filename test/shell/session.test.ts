import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import type { ForegroundProgram } from '../../worker/session.ts';
import type { DockerCommand } from '../../worker/shell/host-shell.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { fakeDocker } from './fake-docker.ts';

describe('createSession', () => {
  it('runs lines in one shell and reports them as exec records', async () => {
    const { docker, calls } = fakeDocker();
    const session = await createSession({ store: await MemoryStore.open(), docker, preload: ['alpine:latest'] });
    expect(calls.map((c) => c.argv)).toEqual([['pull', 'alpine:latest']]);
    expect(await session.runLine('mkdir hello && cd hello')).toEqual({ cmd: 'mkdir hello && cd hello', stdout: '', stderr: '', rc: 0 });
    expect(session.prompt()).toBe('learner@layerlab:~/hello$ ');
    expect(await session.runLine('docker images -q')).toEqual({
      cmd: 'docker images -q',
      stdout: 'aded1e1a5b37\n9c7a54a9a43c\n',
      stderr: '',
      rc: 0,
    });
  });

  it('fails to open when a preload fails, with the CLI error', async () => {
    const docker = fakeDocker().docker;
    const failing: typeof docker = async (argv, io) => {
      io.stderr(`Error response from daemon: pull access denied for ${argv[1]}, repository does not exist or may require 'docker login'\n`);
      return 1;
    };
    await expect(createSession({ store: await MemoryStore.open(), docker: failing, preload: ['nope'] })).rejects.toThrow(
      "preload of nope failed: Error response from daemon: pull access denied for nope, repository does not exist or may require 'docker login'",
    );
  });

  it('hands the lines after `docker run -it` to the program it starts, until it ends', async () => {
    const seen: string[] = [];
    const sh: ForegroundProgram = {
      prompt: () => '/ # ',
      feed: async (line) => {
        seen.push(line);
        return line === 'exit' ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: `${line}\n`, stderr: '' };
      },
    };
    const docker: DockerCommand = async (argv, io) => {
      if (argv[0] === 'run' && io.startForeground) io.startForeground(sh);
      return 0;
    };
    const session = await createSession({ store: await MemoryStore.open(), docker, isTTY: true });
    expect(await session.runLine('docker run -it alpine')).toEqual({ cmd: 'docker run -it alpine', stdout: '', stderr: '', rc: 0 });
    expect([session.foreground, session.prompt()]).toEqual([sh, '/ # ']);
    expect(await session.runLine('echo hi')).toEqual({ cmd: 'echo hi', stdout: 'echo hi\n', stderr: '', rc: 0 });
    await session.runLine('exit');
    expect([seen, session.foreground, session.prompt()]).toEqual([['echo hi', 'exit'], undefined, 'learner@layerlab:~$ ']);
  });

  it('collects what is typed after `cat > file` until Ctrl-D, on a terminal', async () => {
    const session = await createSession({ store: await MemoryStore.open(), docker: fakeDocker().docker, isTTY: true });
    const line = (cmd: string, stdout = '', rc = 0) => ({ cmd, stdout, stderr: '', rc });
    expect(await session.runLine('cat > Dockerfile')).toEqual(line('cat > Dockerfile'));
    expect([session.prompt(), await session.runLine('FROM alpine'), await session.runLine('CMD ["sh"]')]).toEqual([
      '',
      line('FROM alpine'),
      line('CMD ["sh"]'),
    ]);
    expect(await session.endInput()).toEqual(line(''));
    expect([session.foreground, await session.endInput()]).toEqual([undefined, undefined]);
    expect(await session.runLine('cat Dockerfile')).toEqual(line('cat Dockerfile', 'FROM alpine\nCMD ["sh"]\n'));
    await session.runLine('cat >> Dockerfile');
    await session.runLine('EXPOSE 80');
    expect(await session.interrupt()).toEqual(line('', '', 130));
    expect((await session.runLine('tail -1 Dockerfile')).stdout).toBe('EXPOSE 80\n');
  });

  it('runs `cat > file` at once with empty input when not on a terminal', async () => {
    const session = await createSession({ store: await MemoryStore.open(), docker: fakeDocker().docker });
    expect(await session.runLine('cat > empty; wc -c < empty')).toEqual({ cmd: 'cat > empty; wc -c < empty', stdout: '0\n', stderr: '', rc: 0 });
    expect(session.foreground).toBeUndefined();
  });

  it('streams the output of a lone docker command to the terminal as it is written', async () => {
    const chunks: string[] = [];
    const docker: DockerCommand = async (_argv, io) => {
      io.stdout('Pulling fs layer\n');
      chunks.push('(between)');
      io.stderr('warning\n');
      io.stdout('Pull complete\n');
      return 0;
    };
    const onOutput = { stdout: (c: string | Uint8Array) => void chunks.push(String(c)), stderr: (c: string) => void chunks.push(`err:${c}`) };
    const session = await createSession({ store: await MemoryStore.open(), docker, isTTY: true, onOutput });
    expect(await session.runLine('docker pull nginx')).toEqual({ cmd: 'docker pull nginx', stdout: '', stderr: '', rc: 0 });
    expect(chunks).toEqual(['Pulling fs layer\n', '(between)', 'err:warning\n', 'Pull complete\n']);
    chunks.length = 0;
    expect(await session.runLine('docker pull nginx | cat')).toEqual({
      cmd: 'docker pull nginx | cat',
      stdout: 'Pulling fs layer\nPull complete\n',
      stderr: 'warning\n',
      rc: 0,
    });
    expect(chunks).toEqual(['(between)']);
  });
});
