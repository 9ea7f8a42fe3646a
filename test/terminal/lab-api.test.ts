/**
 * The worker API over comlink on a MessageChannel, without a real worker
 * (as comlink's own same-window tests do): the service of worker/main.ts
 * built on a MemoryStore, driven as the page drives it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expose, proxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { EchoState, LabApi, LabEvent } from '../../worker/api.ts';
import { createLabService } from '../../worker/terminal/lab-service.ts';
import type { LockManagerLike } from '../../worker/terminal/tab-sync.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { Store } from '../../worker/store/store.ts';
import { StoreFullError } from '../../worker/store/store.ts';
import { createSession } from '../../worker/session.ts';
import type { ProgressPacing } from '../../worker/progress.ts';
import { exportBytes, fromBytes } from './lab-files.ts';

const PROMPT = 'learner@layerlab:~$ ';
const open: MessagePort[] = [];
const channels: BroadcastChannel[] = [];

afterEach(() => {
  for (const p of open.splice(0)) p.close();
  for (const c of channels.splice(0)) c.close();
});

/**
 * Waits until the service is idle, then for output in flight: comlink.proxy gives the output
 * callback its own MessageChannel, so its messages may arrive after the reply to settled().
 */
async function settle(api: Remote<LabApi>): Promise<void> {
  await api.settled();
  await new Promise((r) => setTimeout(r, 20));
}

/** One lock for every "tab" of a test, like navigator.locks of one origin. */
function sharedLock(): LockManagerLike {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request(_name, fn) {
      const run = tail.then(fn);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

interface Tab {
  api: Remote<LabApi>;
  /** Output since the last call. */
  take(): string;
  events: LabEvent[];
  /** Types a line and waits for it to run; returns what the terminal received. */
  line(text: string): Promise<string>;
}

async function openTab(store: Store | (() => Promise<Store>), locks?: LockManagerLike, channelName?: string, progressPacing?: ProgressPacing): Promise<Tab> {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const channel = channelName ? new BroadcastChannel(channelName) : undefined;
  if (channel) channels.push(channel);
  const service = createLabService({
    openStore: typeof store === 'function' ? store : async () => store,
    memoryStore: () => MemoryStore.open(),
    createSession,
    dockerTree: async () => {
      throw new Error('not needed');
    },
    commandNames: async () => [],
    tabId: crypto.randomUUID(),
    locks,
    channel: channel as never,
    progressPacing,
  });
  expose(service, port1);
  const api = wrap<LabApi>(port2);
  let out = '';
  const events: LabEvent[] = [];
  const take = (): string => {
    const s = out;
    out = '';
    return s;
  };
  await api.start({ cols: 80, rows: 24 }, proxy((d: string) => void (out += d)), proxy((e: LabEvent) => void events.push(e)));
  await settle(api);
  const tab: Tab = {
    api,
    take,
    events,
    async line(text) {
      take();
      await api.input(`${text}\r`);
      await settle(api);
      return take();
    },
  };
  return tab;
}

describe('lab API over a MessageChannel', () => {
  it('shows the prompt, echoes and runs a line with output in CR LF', async () => {
    const tab = await openTab(new MemoryStore());
    expect(tab.take()).toEqual(PROMPT);
    expect(await tab.line('mkdir -p demo && cd demo && printf "a\\nb\\n"')).toEqual(
      'mkdir -p demo && cd demo && printf "a\\nb\\n"\r\na\r\nb\r\nlearner@layerlab:~/demo$ ',
    );
  });

  it('tells the page when it may echo typed text itself', async () => {
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    const states: string[] = [];
    const service = createLabService({
      openStore: async () => new MemoryStore(),
      memoryStore: () => MemoryStore.open(),
      createSession,
      dockerTree: async () => {
        throw new Error('not needed');
      },
      commandNames: async () => [],
      tabId: 'one',
    });
    expose(service, port1);
    const api = wrap<LabApi>(port2);
    await api.start({ cols: 80, rows: 24 }, proxy((d: string, e: EchoState) => void states.push(`${JSON.stringify(d)} ${e.localEcho} ${e.inputs}`)), proxy(() => undefined));
    await api.input('p', true);
    await api.input('wd');
    await api.input('\r');
    await settle(api);
    expect(states).toEqual([
      `${JSON.stringify(PROMPT)} true 0`,
      '"" true 1',
      '"wd" true 2',
      '"\\r\\n" false 3',
      '"/home/learner\\r\\n" false 3',
      `${JSON.stringify(PROMPT)} true 3`,
    ]);
  });

  it('keeps history in ~/.bash_history across sessions on one store', async () => {
    const store = new MemoryStore();
    const first = await openTab(store);
    await first.line('echo one');
    await first.line('history');
    const second = await openTab(store);
    second.take();
    await second.api.input('\x1b[A');
    await settle(second.api);
    expect(second.take()).toEqual(`\r${PROMPT}history\x1b[J`);
    expect(await second.line('')).toEqual('\r\n    1  echo one\r\n    2  history\r\n' + PROMPT);
  });

  it('feeds typed lines to a program reading them, ends its input with Ctrl-D, keeps them out of the history', async () => {
    const tab = await openTab(new MemoryStore());
    await tab.line('cat > notes.txt');
    await tab.line('hello');
    tab.take();
    await tab.api.input('\x04');
    await settle(tab.api);
    expect(tab.take()).toEqual(PROMPT);
    expect(await tab.line('cat notes.txt')).toEqual(`cat notes.txt\r\nhello\r\n${PROMPT}`);
    expect(await tab.line('history')).toEqual(`history\r\n    1  cat > notes.txt\r\n    2  cat notes.txt\r\n    3  history\r\n${PROMPT}`);
  });

  it('detaches from a container terminal with Ctrl-P Ctrl-Q and re-enters it with docker attach', async () => {
    const tab = await openTab(new MemoryStore());
    await tab.line('docker run -it --name box alpine');
    expect(await tab.line('echo inside')).toEqual('echo inside\r\ninside\r\n/ # ');
    await tab.api.input('\x10');
    await tab.api.input('\x11');
    await settle(tab.api);
    expect(tab.take()).toEqual(`\r\n${PROMPT}`);
    expect(await tab.line("docker ps --format '{{.Names}} {{.State}}'")).toEqual(`docker ps --format '{{.Names}} {{.State}}'\r\nbox running\r\n${PROMPT}`);
    await tab.line('docker attach box');
    expect(await tab.line('echo back')).toEqual('echo back\r\nback\r\n/ # ');
    expect(await tab.line('exit')).toEqual(`exit\r\n${PROMPT}`);
  });

  it('passes the cursor moves of a progress redraw through, with only LF turned into CR LF', async () => {
    const tab = await openTab(new MemoryStore());
    // The shape of docker pull's TTY progress (jsonmessage.go): up one line, erase it, rewrite, down again.
    expect(await tab.line("printf 'a: Waiting\\n\\033[1A\\033[2Ka: Done\\r\\033[1B'")).toEqual(
      "printf 'a: Waiting\\n\\033[1A\\033[2Ka: Done\\r\\033[1B'\r\na: Waiting\r\n\x1b[1A\x1b[2Ka: Done\r\x1b[1B" + PROMPT,
    );
  });

  it('runs a pasted script line by line', async () => {
    const tab = await openTab(new MemoryStore());
    tab.take();
    await tab.api.input('\x1b[200~echo a\necho b\n\x1b[201~');
    await settle(tab.api);
    expect(tab.take()).toEqual(`echo a\r\na\r\n${PROMPT}echo b\r\nb\r\n${PROMPT}`);
  });

  it('gives the prompt back on Ctrl-C while a command runs', async () => {
    const tab = await openTab(new MemoryStore());
    tab.take();
    await tab.api.input('sleep 1\r');
    await new Promise((r) => setTimeout(r, 100));
    await tab.api.input('\x03');
    await settle(tab.api);
    expect(tab.take()).toEqual(`sleep 1\r\n^C\r\n${PROMPT}`);
  });

  it('interrupts a command with a Ctrl-C typed right behind its Enter, as a tty signals on input', async () => {
    const tab = await openTab(new MemoryStore());
    tab.take();
    await tab.api.input('sleep 30\r\x03');
    await settle(tab.api);
    expect(tab.take()).toEqual(`sleep 30\r\n^C\r\n${PROMPT}`);
    await tab.api.input('sleep 30\r');
    await tab.api.input('\x03');
    await settle(tab.api);
    expect(tab.take()).toEqual(`sleep 30\r\n^C\r\n${PROMPT}`);
    expect(await tab.line('echo $?')).toEqual(`echo $?\r\n130\r\n${PROMPT}`);
  }, 20_000);

  it('exports the lab, resets it, and imports it back', async () => {
    const tab = await openTab(new MemoryStore());
    await tab.line('echo kept > kept.txt');
    const archive = await exportBytes(tab.api);
    await tab.api.reset();
    await settle(tab.api);
    expect(tab.take()).toEqual(`\x1bc${PROMPT}`);
    expect(await tab.line('cat kept.txt')).toEqual(`cat kept.txt\r\ncat: kept.txt: No such file or directory\r\n${PROMPT}`);
    await tab.api.importLab(fromBytes(archive));
    await settle(tab.api);
    expect(await tab.line('cat kept.txt')).toEqual(`cat kept.txt\r\nkept\r\n${PROMPT}`);
    await expect(tab.api.importLab(fromBytes(new Uint8Array(1024)))).rejects.toThrow('not a lab export: no layerlab-lab.json');
  });

  it('reports the progress of docker save -o and of storing its archive, and prints what it always printed', async () => {
    // Reports at once and unthrottled: a memory store is too quick for the page's 300 ms.
    const tab = await openTab(new MemoryStore(), undefined, undefined, { delayMs: 0, intervalMs: 0 });
    await tab.line('docker pull alpine');
    tab.events.length = 0;
    expect(await tab.line('docker save -o alpine.tar alpine')).toEqual(`docker save -o alpine.tar alpine\r\n${PROMPT}`);
    const progress = tab.events.filter((e) => e.type === 'progress' || e.type === 'progress-end');
    // alpine's one layer tar, in bytes (the size manifest.json gives it in LayerSources).
    const layer = 8_070_656;
    expect(progress).toEqual([
      { type: 'progress', label: 'Saving alpine', done: 0, total: 0 },
      { type: 'progress', label: 'Saving alpine', done: layer, total: layer },
      { type: 'progress', label: 'Storing your files in this browser', done: 0, total: 0 },
      { type: 'progress-end' },
    ]);
    expect(await tab.line('ls -l alpine.tar | cut -d" " -f5')).toContain('\r\n8081408\r\n');
  });

  it('reports Export lab blob by blob, and ends the report', async () => {
    const tab = await openTab(new MemoryStore(), undefined, undefined, { delayMs: 0, intervalMs: 0 });
    await tab.line('docker pull hello-world');
    tab.events.length = 0;
    await exportBytes(tab.api);
    await settle(tab.api);
    const reports = tab.events.filter((e) => e.type === 'progress' || e.type === 'progress-end');
    const total = reports[0]?.type === 'progress' ? reports[0].total : -1;
    expect(total).toBeGreaterThan(0);
    // Blob by blob as they are written out: no packing step, the archive is never assembled.
    expect(reports).toEqual([
      ...Array.from({ length: total + 1 }, (_, done) => ({ type: 'progress', label: 'Exporting the lab', done, total })),
      { type: 'progress-end' },
    ]);
  });

  it('sends no progress for quick lines at the page pacing', async () => {
    const tab = await openTab(new MemoryStore());
    await tab.line('echo hi > f && cat f');
    expect(tab.events.filter((e) => e.type === 'progress' || e.type === 'progress-end')).toEqual([]);
  });

  it('shares one state between two tabs: a write in one shows in the other', async () => {
    const store = new MemoryStore();
    const locks = sharedLock();
    const name = `layerlab-test-${crypto.randomUUID()}`;
    const a = await openTab(store, locks, name);
    const b = await openTab(store, locks, name);
    await b.line('mkdir -p work && cd work');
    await a.line('mkdir -p work && echo from-a > work/shared.txt');
    await new Promise((r) => setTimeout(r, 20));
    expect(b.events.filter((e) => e.type === 'state-changed' && e.origin === 'other-tab')).toEqual([{ type: 'state-changed', origin: 'other-tab' }]);
    expect(await b.line('cat shared.txt')).toEqual('cat shared.txt\r\nfrom-a\r\nlearner@layerlab:~/work$ ');
  });

  it('runs in memory, and says so, when the browser refuses storage', async () => {
    const tab = await openTab(async () => {
      throw new StoreFullError(new Error('QuotaExceededError'));
    });
    const info = await tab.api.start({ cols: 80, rows: 24 }, proxy(() => undefined), proxy(() => undefined));
    expect(info).toEqual({
      engine: 'Simulated engine (Docker 28.5)',
      storage: 'memory',
      storageWarning: 'This browser refused to store the lab (no space left on device). It works, but in memory only: a reload starts a fresh lab.',
    });
  });
});
