/**
 * The editors as foreground programs of a session: started by their line on
 * a terminal, fed raw keys through `runLine`, refused off a terminal.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';

describe('editors in a session', () => {
  it('nano saves into the home directory and the next line reads it', async () => {
    const s = await createSession({ store: await MemoryStore.open(), isTTY: true });
    const start = await s.runLine('nano a.txt');
    expect(start.stdout.startsWith('\x1b[?1049h')).toBe(true);
    await s.runLine('hello');
    expect(await s.runLine('\x18y\r')).toEqual({ cmd: '\x18y\r', stdout: '\x1b[?1049l', stderr: '', rc: 0 });
    expect(s.foreground).toBeUndefined();
    expect((await s.runLine('cat a.txt')).stdout).toEqual('hello\n');
  });

  it('Ctrl-C from a terminal loop without raw mode leaves the editor unsaved', async () => {
    const s = await createSession({ store: await MemoryStore.open(), isTTY: true });
    await s.runLine('vi b.txt');
    await s.runLine('ihello');
    expect(await s.interrupt()).toEqual({ cmd: '', stdout: '\x1b[?1049l', stderr: '', rc: 130 });
    expect(await s.runLine('ls b.txt')).toEqual({ cmd: 'ls b.txt', stdout: '', stderr: "ls: cannot access 'b.txt': No such file or directory\n", rc: 2 });
  });

  it('off a terminal, vi and nano exit 1 with what vim and nano print', async () => {
    const s = await createSession({ store: await MemoryStore.open() });
    expect(await s.runLine('vi Dockerfile')).toEqual({
      cmd: 'vi Dockerfile',
      stdout: '',
      stderr: 'Vim: Warning: Output is not to a terminal\nVim: Warning: Input is not from a terminal\nVim: Error reading input, exiting...\n',
      rc: 1,
    });
    expect(await s.runLine('nano x')).toEqual({ cmd: 'nano x', stdout: '', stderr: 'Too many errors from stdin\n', rc: 1 });
  });
});
