/**
 * The page's worker after a reload inside `docker run -it` (issue 8): a new
 * lab service on the same store shows the host prompt at once, then,
 * once the session has reattached, replaces it with a one-line note and the
 * container shell's prompt; typed lines go to the container.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expose, proxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { LabApi } from '../../worker/api.ts';
import { createLabService } from '../../worker/terminal/lab-service.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { Store } from '../../worker/store/store.ts';
import { createSession } from '../../worker/session.ts';
import type { Session, SessionOptions } from '../../worker/session.ts';
import type { LockManagerLike } from '../../worker/terminal/tab-sync.ts';

const PROMPT = 'learner@layerlab:~$ ';
const ports: MessagePort[] = [];
const channels: BroadcastChannel[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
  for (const c of channels.splice(0)) c.close();
});

/** One lock for every page of a test, like navigator.locks of one origin. */
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

/** Waits until the service is idle and the output in flight has arrived. */
async function settle(api: Remote<LabApi>): Promise<void> {
  await api.settled();
  await new Promise((r) => setTimeout(r, 20));
}

/** A page on `store`; `sessions` collects the sessions it opens (to retire them as a reload ends the old page's worker). */
async function openPage(store: Store, sessions: Session[], tabs?: { locks: LockManagerLike; channel: string }) {
  const channel = tabs ? new BroadcastChannel(tabs.channel) : undefined;
  if (channel) channels.push(channel);
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const service = createLabService({
    openStore: async () => store,
    memoryStore: () => MemoryStore.open(),
    createSession: async (opts: SessionOptions) => {
      const s = await createSession(opts);
      sessions.push(s);
      return s;
    },
    dockerTree: async () => {
      throw new Error('not needed');
    },
    commandNames: async () => [],
    tabId: crypto.randomUUID(),
    locks: tabs?.locks,
    channel: channel as never,
  });
  expose(service, port1);
  const api = wrap<LabApi>(port2);
  let out = '';
  await api.start({ cols: 80, rows: 24 }, proxy((d: string) => void (out += d)), proxy(() => undefined));
  // The session opens just after the first prompt is shown; it may reattach then.
  await new Promise((r) => setTimeout(r, 100));
  await settle(api);
  const take = (): string => {
    const s = out;
    out = '';
    return s;
  };
  return {
    take,
    async line(text: string): Promise<string> {
      take();
      await api.input(`${text}\r`);
      await settle(api);
      return take();
    },
  };
}

describe('reload inside a container terminal', () => {
  it('comes back inside the container shell with a note, files and variables kept', async () => {
    const store = new MemoryStore();
    const sessions: Session[] = [];
    const page = await openPage(store, sessions);
    expect(page.take()).toEqual(PROMPT);
    await page.line('docker run -it --name box alpine');
    expect(await page.line('echo draft > /root/notes; cd /root; NAME=box')).toEqual('echo draft > /root/notes; cd /root; NAME=box\r\n~ # ');
    // The reload: the old page's worker is gone (its engine writes no more).
    for (const s of sessions.splice(0)) await s.retire();

    const again = await openPage(store, sessions);
    expect(again.take()).toEqual(`${PROMPT}\r\x1b[Klayerlab: reattached to container box (the page was reloaded)\r\n~ # `);
    expect(await again.line('cat notes; echo $NAME')).toEqual('cat notes; echo $NAME\r\ndraft\r\nbox\r\n~ # ');
    expect(await again.line('exit')).toEqual(`exit\r\n${PROMPT}`);
    expect(await again.line('docker diff box')).toEqual(`docker diff box\r\nC /root\r\nA /root/notes\r\n${PROMPT}`);
  }, 60_000);

  it('stays inside the container when another tab changes the lab', async () => {
    const store = new MemoryStore();
    const tabs = { locks: sharedLock(), channel: `layerlab-test-${crypto.randomUUID()}` };
    const a = await openPage(store, [], tabs);
    const b = await openPage(store, [], tabs);
    await a.line('docker run -it --name box alpine');
    await a.line('cd /tmp; X=1');
    expect(await b.line('echo other > other.txt')).toEqual(`echo other > other.txt\r\n${PROMPT}`);
    await new Promise((r) => setTimeout(r, 20));
    expect(await a.line('echo $X; pwd')).toEqual('echo $X; pwd\r\n1\r\n/tmp\r\n/tmp # ');
    expect(await b.line('cat other.txt')).toEqual(`cat other.txt\r\nother\r\n${PROMPT}`);
  }, 60_000);
});
