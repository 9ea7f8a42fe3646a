/**
 * Ctrl-C at the page's terminal during an attached `docker run` without -t,
 * as docker CLI 28.2 does it in a real terminal (recorded in tmux against the
 * oracle engine): the CLI forwards each SIGINT to the container, `sleep` as
 * PID 1 ignores it, the terminal shows the tty's `^C` echo and stays with
 * the CLI; the third press makes the CLI give up (`got 3 SIGTERM/SIGINTs,
 * forcefully exiting`, status 1) and the container goes on running.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expose, proxy, wrap } from 'comlink';
import type { LabApi } from '../../worker/api.ts';
import { createLabService } from '../../worker/terminal/lab-service.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { createSession } from '../../worker/session.ts';

const PROMPT = 'learner@layerlab:~$ ';
const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

describe('Ctrl-C during an attached docker run', () => {
  it('stays attached for two presses, and the third ends the CLI with the container still running', async () => {
    const store = new MemoryStore();
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const service = createLabService({
      openStore: async () => store,
      memoryStore: () => MemoryStore.open(),
      createSession: (opts) => createSession({ ...opts, preload: ['alpine'] }),
      dockerTree: async () => {
        throw new Error('not needed');
      },
      commandNames: async () => [],
      tabId: crypto.randomUUID(),
    });
    expose(service, port1);
    const api = wrap<LabApi>(port2);
    let out = '';
    await api.start({ cols: 80, rows: 24 }, proxy((d: string) => void (out += d)), proxy(() => undefined));
    await api.settled();
    out = '';
    await api.input('docker run --name sig-a alpine sleep 1000\r');
    // Once the container runs (its start is stored), the CLI waits for it and proxies signals.
    const running = async () => [...(await store.load()).containers.values()].some((c) => (c as { running?: boolean }).running === true);
    for (let i = 0; i < 400 && !(await running()); i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 50));
    await api.input('\x03');
    await api.input('\x03');
    // The output crosses the message port after the input call returns.
    for (let i = 0; i < 100 && !out.endsWith('^C^C'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(out).toEqual('docker run --name sig-a alpine sleep 1000\r\n^C^C');
    await api.input('\x03');
    await api.settled();
    expect(out).toEqual(`docker run --name sig-a alpine sleep 1000\r\n^C^C^C\r\ngot 3 SIGTERM/SIGINTs, forcefully exiting\r\n${PROMPT}`);
    out = '';
    await api.input("docker ps --format '{{.Names}} {{.Status}}'; echo $?\r");
    await api.settled();
    expect(out).toMatch(/^docker ps --format '\{\{\.Names\}\} \{\{\.Status\}\}'; echo \$\?\r\nsig-a Up (Less than a second|\d+ seconds)\r\n0\r\nlearner@layerlab:~\$ $/);
  }, 60_000);
});
