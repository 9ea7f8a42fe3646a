import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { HELP_TEXT } from '../../worker/shell/help.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { fakeDocker } from './fake-docker.ts';

async function session() {
  return createSession({ store: await MemoryStore.open(), docker: fakeDocker().docker });
}

describe('help', () => {
  it("prints the lab's own help: the machine, its tools, the keys and how to reset", async () => {
    const s = await session();
    expect(await s.runLine('help')).toEqual({ cmd: 'help', stdout: HELP_TEXT, stderr: '', rc: 0 });
    expect(HELP_TEXT).not.toMatch(/just-bash/);
    for (const word of ['docker run', 'vi and nano', 'tar', 'jq', 'Ctrl-C', 'Ctrl-D', 'Ctrl-P Ctrl-Q', 'Tab', 'Ctrl+Shift+C', 'Ctrl+Shift+V, Ctrl+V, right-click', 'Cmd+C, Cmd+V', 'Reset lab']) {
      expect(HELP_TEXT).toContain(word);
    }
    // It fits an 80-column terminal.
    expect(HELP_TEXT.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });

  it("keeps bash's builtin help for a name, and its message for an unknown one", async () => {
    const s = await session();
    // just-bash's builtin help: bash's usage line and text, though its body is indented differently from bash 5.2's.
    const pwd = await s.runLine('help pwd');
    expect([pwd.stdout.split('\n')[0], pwd.stderr, pwd.rc]).toEqual(['pwd: pwd [-LP]', '', 0]);
    expect(await s.runLine('help docker')).toEqual({
      cmd: 'help docker',
      stdout: '',
      stderr: "bash: help: no help topics match `docker'.  Try `help help' or `man -k docker' or `info docker'.\n",
      rc: 1,
    });
  });

  it('works in pipes, keeps $? of the line before, and leaves lines without help untouched', async () => {
    const s = await session();
    expect((await s.runLine('help | head -1')).stdout).toEqual(`${HELP_TEXT.split('\n')[0]}\n`);
    await s.runLine('false');
    expect((await s.runLine('echo $? && help > /dev/null')).stdout).toEqual('1\n');
    expect((await s.runLine('type help')).stdout).toEqual('help is a shell builtin\n');
  });
});
