/**
 * The layer view's page API over comlink on a MessageChannel (as the page
 * calls the worker): the model, listings and text cross structured clone,
 * follow `state-changed` events, and another tab's change is seen after its
 * event, from the state both tabs share.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expose, proxy, wrap, type Remote } from 'comlink';
import type { LabApi, LabEvent } from '../../worker/api.ts';
import { createLabService } from '../../worker/terminal/lab-service.ts';
import type { LockManagerLike } from '../../worker/terminal/tab-sync.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { Store } from '../../worker/store/store.ts';
import { createSession } from '../../worker/session.ts';
import { emptyView } from '../../worker/layers/empty-view.ts';

const ports: MessagePort[] = [];
const channels: BroadcastChannel[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
  for (const c of channels.splice(0)) c.close();
});

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

async function openTab(store: Store, locks: LockManagerLike, channelName: string) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const channel = new BroadcastChannel(channelName);
  channels.push(channel);
  const service = createLabService({
    openStore: async () => store,
    memoryStore: () => MemoryStore.open(),
    createSession,
    dockerTree: async () => {
      throw new Error('not needed');
    },
    commandNames: async () => [],
    tabId: crypto.randomUUID(),
    locks,
    channel: channel as never,
  });
  expose(service, port1);
  const api: Remote<LabApi> = wrap<LabApi>(port2);
  let out = '';
  const events: LabEvent[] = [];
  await api.start({ cols: 200, rows: 24 }, proxy((d: string) => void (out += d)), proxy((e: LabEvent) => void events.push(e)));
  const settle = async () => {
    await api.settled();
    await new Promise((r) => setTimeout(r, 20));
  };
  await settle();
  return {
    api,
    events,
    async line(text: string): Promise<string> {
      out = '';
      await api.input(`${text}\r`);
      await settle();
      return out;
    },
  };
}

describe('the layer view API', () => {
  it('follows state changes in this tab and in another, and reads files as the container does', async () => {
    const store = await MemoryStore.open();
    const locks = sharedLock();
    const a = await openTab(store, locks, 'layers-test');
    const b = await openTab(store, locks, 'layers-test');
    expect(await a.api.layerView()).toEqual(emptyView());

    await a.line('docker pull alpine');
    expect(a.events).toContainEqual({ type: 'state-changed', origin: 'this-tab' });
    const view = await a.api.layerView();
    const alpine = view.images[view.shown[0]!]!;
    expect(alpine.tags).toEqual(['alpine:latest']);

    const listing = await a.api.layerFiles({ kind: 'layer', chainId: alpine.top });
    expect(listing.rows.find((r) => r.path === 'etc/alpine-release')).toMatchObject({ mark: 'A', type: 'file', mode: '-rw-r--r--' });
    const cat = await a.line('docker run --rm alpine cat /etc/alpine-release');
    const text = await a.api.layerFileText({ kind: 'image', id: alpine.id }, '/etc/alpine-release');
    expect(cat.split('\r\n').slice(1, -1).join('\n') + '\n').toBe(text.text);

    // Tab B is told, and its view (after refreshing its session from the store) has A's container.
    await a.line('docker run --name fromA alpine touch /made-in-a');
    expect(b.events).toContainEqual({ type: 'state-changed', origin: 'other-tab' });
    const seen = await b.api.layerView();
    expect(Object.values(seen.containers).map((c) => [c.name, c.changes.map((ch) => `${ch.kind} ${ch.path}`)])).toEqual([['fromA', ['A /made-in-a']]]);
  });
});
