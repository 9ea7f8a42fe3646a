/**
 * A docker question on the learner's terminal waits for the answer (it used
 * to read the empty pipe and return, and the typed `y` then ran as a
 * command): the warning is printed, the question becomes the prompt, and the
 * typed line answers it.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from '../containers/helpers.ts';

async function terminal() {
  let live = '';
  const s = await createSession({
    store: new MemoryStore(),
    preload: ['alpine'],
    clock: () => NOW,
    random: seeded(3),
    isTTY: true,
    onOutput: { stdout: (c) => (live += typeof c === 'string' ? c : new TextDecoder().decode(c)), stderr: (c) => (live += c) },
  });
  const line = async (text: string) => {
    live = '';
    const r = await s.runLine(text);
    return { live, stdout: r.stdout, stderr: r.stderr, rc: r.rc, prompt: s.prompt() };
  };
  return { s, line };
}

describe('docker questions on a terminal', () => {
  it('container prune asks, waits, and prunes on y', async () => {
    const { line } = await terminal();
    await line('docker run --name done alpine true');
    expect(await line('docker container prune')).toEqual({
      live: 'WARNING! This will remove all stopped containers.\n',
      stdout: '',
      stderr: '',
      rc: 0,
      prompt: 'Are you sure you want to continue? [y/N] ',
    });
    const answered = await line('y');
    expect(answered.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: \d+(\.\d+)?[kMG]?B\n$/);
    expect([answered.stderr, answered.rc, answered.prompt]).toEqual(['', 0, 'learner@layerlab:~$ ']);
    expect((await line('docker ps -aq')).live).toEqual('');
  });

  it('image prune declined keeps everything, as N does', async () => {
    const { line } = await terminal();
    const asked = await line('docker image prune -a');
    expect([asked.live, asked.prompt]).toEqual(['WARNING! This will remove all images without at least one container associated to them.\n', 'Are you sure you want to continue? [y/N] ']);
    expect(await line('n')).toEqual({ live: '', stdout: '', stderr: '', rc: 0, prompt: 'learner@layerlab:~$ ' });
    expect((await line("docker images --format '{{.Repository}}'")).live).toEqual('alpine\n');
  });

  it('a piped answer is read from stdin as before', async () => {
    const { line } = await terminal();
    expect(await line('echo n | docker image prune')).toEqual({
      live: '',
      stdout: 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ',
      stderr: '',
      rc: 0,
      prompt: 'learner@layerlab:~$ ',
    });
  });
});
