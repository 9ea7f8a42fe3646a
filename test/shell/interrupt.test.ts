import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';

// Ctrl-C at the terminal aborts the running line: the shell's commands get
// the signal, and an attached `docker run` proxies it to the container as
// SIGINT (--sig-proxy). Outside the page's terminal (no LiveOutput.interrupts) the line ends at once.
describe('Ctrl-C on a running line', () => {
  it('ends an attached docker run line; the container, PID 1 sleep, ignores the SIGINT', async () => {
    const store = await MemoryStore.open();
    const session = await createSession({ store, preload: ['alpine'] });
    const abort = new AbortController();
    const line = session.runLine('docker run --name sleeper alpine sleep 1000', { signal: abort.signal });
    // Ctrl-C once the container runs (the CLI proxies signals only from then on, as docker's does):
    // the store records it as running when its start is committed.
    const running = async () => [...(await store.load()).containers.values()].some((c) => (c as { running?: boolean }).running === true);
    for (let i = 0; i < 200 && !(await running()); i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 100));
    abort.abort();
    const r = await line;
    expect([r.stdout, r.stderr, r.rc]).toEqual(['', '', 130]);
    // The container gets SIGINT as the line ends, and ignores it: `sleep` as PID 1 has no handler, and
    // Linux drops a default-action signal sent to a namespace's init (test/containers/signals.test.ts).
    expect((await session.runLine("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^sleeper Up (Less than a second|\d+ seconds?)\n$/);
    expect((await session.runLine('docker stop -t 0 sleeper')).stdout).toEqual('sleeper\n');
    expect((await session.runLine("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toEqual('sleeper Exited (137) Less than a second ago\n');
  }, 20_000);
});
