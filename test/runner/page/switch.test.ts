/**
 * The page's worker switching `docker` between the simulator and a real
 * engine through a runner (LabApi.connectRunner / disconnectRunner), without
 * a browser: the worker's service on a MemoryStore, fed keystrokes as xterm
 * sends them, against a private dockerd behind the test bridge. The shell
 * and its files stay the same across the switch; `docker run -it` takes the
 * terminal raw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabService } from '../../../worker/terminal/lab-service.ts';
import { MemoryStore } from '../../../worker/store/memory-store.ts';
import { createSession } from '../../../worker/session.ts';
import type { EngineStatus, LabApi, LabEvent } from '../../../worker/api.ts';
import { openRunnerSession } from '../../../worker/runner-client/runner-session.ts';
import { nodeRunnerDeps, startTestRunner, type TestRunner } from './real-runner.ts';

const ORIGIN = 'http://127.0.0.1:4173';
let runner: TestRunner;
beforeAll(async () => {
  runner = await startTestRunner([ORIGIN]);
}, 180_000);
afterAll(async () => {
  await runner?.stop();
});

async function lab(origin = ORIGIN): Promise<{ api: LabApi; events: LabEvent[]; take(): string; line(text: string): Promise<string> }> {
  const events: LabEvent[] = [];
  const api = createLabService({
    openStore: () => MemoryStore.open(),
    memoryStore: () => MemoryStore.open(),
    createSession,
    dockerTree: async () => {
      throw new Error('not needed');
    },
    commandNames: async () => [],
    tabId: crypto.randomUUID(),
    openRunner: (url) => openRunnerSession(url, nodeRunnerDeps(origin)),
  });
  let out = '';
  await api.start({ cols: 80, rows: 24 }, (d) => void (out += d), (e) => void events.push(e));
  const take = (): string => {
    const t = out;
    out = '';
    return t;
  };
  return {
    api,
    events,
    take,
    async line(text) {
      take();
      await api.input(`${text}\r`);
      await api.settled();
      return take();
    },
  };
}

describe('switching the terminal between the simulator and a runner', () => {
  it('runs docker on the real engine, then on the simulator again; the files stay', async () => {
    const { api, line } = await lab();
    expect(await api.engineStatus()).toEqual({ kind: 'simulated', label: 'engine: simulated' });
    expect(await line('echo kept > f.txt')).toBe('echo kept > f.txt\r\nlearner@layerlab:~$ ');
    const status = await api.connectRunner(runner.url);
    const version = runner.engine.docker(['version', '--format', '{{.Server.Version}}']).trim();
    expect(status).toEqual({ kind: 'runner', label: `engine: runner docker ${version} at ${new URL(runner.url).host}`, url: runner.url });
    expect(await line('docker run --rm alpine echo hi')).toBe('docker run --rm alpine echo hi\r\nhi\r\nlearner@layerlab:~$ ');
    expect(await line("docker images --format '{{.Repository}}'")).toBe("docker images --format '{{.Repository}}'\r\nalpine\r\nlearner@layerlab:~$ ");
    expect(await line('cat f.txt')).toBe('cat f.txt\r\nkept\r\nlearner@layerlab:~$ ');
    expect(await api.disconnectRunner()).toEqual({ kind: 'simulated', label: 'engine: simulated' });
    expect([...runner.bridge.sessions.values()].filter((s) => s.open)).toEqual([]);
    expect(await line("docker images --format '{{.Repository}}'")).toBe("docker images --format '{{.Repository}}'\r\nlearner@layerlab:~$ ");
  }, 60_000);

  it('says why a connect failed and keeps the simulator', async () => {
    const { api } = await lab('http://not-allowed.example');
    expect(await api.connectRunner(runner.url)).toEqual({
      kind: 'simulated',
      label: 'engine: simulated',
      url: runner.url,
      error: `the runner at ${runner.url} refused this page's origin: add it to RUNNER_ALLOWED_ORIGINS`,
    });
  });

  it('tells the learner when the runner drops, in the terminal and as an event', async () => {
    const { api, events, take } = await lab();
    const status = await api.connectRunner(runner.url);
    take();
    const told = new Promise<EngineStatus>((resolve) => {
      const t = setInterval(() => {
        const e = events.find((x) => x.type === 'engine');
        if (e && e.type === 'engine') {
          clearInterval(t);
          resolve(e.status);
        }
      }, 10);
    });
    runner.bridge.dropAll();
    const why = 'the connection to the runner dropped (the runner stopped, or the network went away)';
    expect(await told).toEqual({ kind: 'runner', label: `${status.label} (disconnected)`, url: runner.url, error: why });
    await api.settled();
    expect(take()).toBe(`\r\n\x1b[33mlayerlab: ${why}; docker commands fail until you connect again or switch back to the simulated engine.\x1b[0m\r\n`);
    await api.disconnectRunner();
  });

  it('attaches docker run -it to the terminal raw: keys as typed, resize', async () => {
    const { api, take } = await lab();
    await api.connectRunner(runner.url);
    take();
    let screen = '';
    // Polls the output the service wrote (its listener is a plain callback), from `from` on.
    const seen = async (pattern: RegExp, from = 0): Promise<void> => {
      for (let i = 0; !pattern.test((screen += take()).slice(from)); i++) {
        expect(i).toBeLessThan(20_000);
        await new Promise((r) => setTimeout(r, 1));
      }
    };
    await api.input(`docker run -it --rm alpine sh -c 'stty size; while read a; do stty size; echo "got $a"; done'\r`);
    // Typed once the container is there (the keys of the same paste as the Enter go to the next line, not to the container).
    await seen(/\r\n\d+ \d+\r\n$/);
    await api.input('one\r');
    await seen(/one\r\n24 80\r\ngot one\r\n$/);
    await api.resize({ cols: 100, rows: 30 });
    for (let i = 0; !/30 100\r\ngot x\r\n$/.test(screen); i++) {
      expect(i).toBeLessThan(100);
      const mark = screen.length;
      await api.input('x\r');
      await seen(/got x\r\n$/, mark);
    }
    await api.input('\x03');
    await api.settled();
    screen += take();
    expect(screen.endsWith('got x\r\n^Clearner@layerlab:~$ ')).toBe(true);

    // docker exec -it the same way: the exec's own tty, sized at start.
    await api.input('docker run -d --name page-exec alpine sleep 300 > /dev/null\r');
    await api.settled();
    const mark = (screen += take()).length;
    await api.input(`docker exec -it page-exec sh -c 'stty size; read a; echo "got $a"'\r`);
    await seen(/\r\n30 100\r\n$/, mark);
    await api.input('yes\r');
    await api.settled();
    screen += take();
    expect(screen.slice(mark)).toBe(`docker exec -it page-exec sh -c 'stty size; read a; echo "got $a"'\r\n30 100\r\nyes\r\ngot yes\r\nlearner@layerlab:~$ `);
    await api.input('docker rm -f page-exec > /dev/null\r');
    await api.settled();
    await api.disconnectRunner();
  }, 60_000);
});
