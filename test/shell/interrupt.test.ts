import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';

// Ctrl-C at the terminal aborts the running line: the shell's commands get
// the signal, and an attached `docker run` proxies it to the container as
// SIGINT (--sig-proxy), so the line ends instead of blocking the terminal.
describe('Ctrl-C on a running line', () => {
  it('stops an attached docker run with the container exiting on SIGINT', async () => {
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
    // The container gets SIGINT as the line ends; it exits a moment later.
    let status = '';
    for (let i = 0; i < 40 && !status.includes('Exited'); i++) {
      status = (await session.runLine("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toMatch(/^sleeper Exited \(130\) (Less than a second|\d+ seconds?) ago\n$/);
  }, 20_000);
});
