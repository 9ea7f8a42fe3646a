/**
 * The editors in the page's terminal loop, without a browser: the worker's
 * service on a MemoryStore, fed keystrokes as xterm sends them. While vi or
 * nano runs, every chunk goes to it raw; when it exits, the prompt returns
 * and the file is in the home directory.
 */
import { describe, expect, it } from 'vitest';
import { createLabService } from '../../worker/terminal/lab-service.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { createSession } from '../../worker/session.ts';
import type { LabApi } from '../../worker/api.ts';
import type { LockManagerLike } from '../../worker/terminal/tab-sync.ts';
import type { Store } from '../../worker/store/store.ts';
import { afterEach } from 'vitest';

const channels: BroadcastChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) c.close();
});

const PROMPT = 'learner@layerlab:~$ ';

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

interface Tabs {
  store: Store;
  locks: LockManagerLike;
  channel: string;
}

async function lab(shared?: Tabs): Promise<{ api: LabApi; take(): string; send(...chunks: string[]): Promise<string> }> {
  const channel = shared ? new BroadcastChannel(shared.channel) : undefined;
  if (channel) channels.push(channel);
  const api = createLabService({
    openStore: async () => shared?.store ?? MemoryStore.open(),
    locks: shared?.locks,
    channel: channel as never,
    memoryStore: () => MemoryStore.open(),
    createSession,
    dockerTree: async () => {
      throw new Error('not needed');
    },
    commandNames: async () => [],
    tabId: crypto.randomUUID(),
  });
  let out = '';
  await api.start({ cols: 40, rows: 8 }, (d) => void (out += d), () => undefined);
  await api.resize({ cols: 40, rows: 8 });
  await new Promise((r) => setTimeout(r, 0));
  const take = (): string => {
    const s = out;
    out = '';
    return s;
  };
  const send = async (...chunks: string[]): Promise<string> => {
    for (const c of chunks) await api.input(c, false);
    await api.settled();
    await new Promise((r) => setTimeout(r, 0));
    return take();
  };
  return { api, take, send };
}

describe('editors in the terminal', () => {
  it('vi takes raw keys, saves with :wq and gives the prompt back', async () => {
    const t = await lab();
    await t.send('vi Dockerfile\r');
    await t.send('i', 'F', 'R', 'O', 'M', ' ', 'a');
    await t.send('\x1b', ':', 'w', 'q');
    expect(await t.send('\r')).toEqual(`\x1b[?1049l${PROMPT}`);
    expect(await t.send('cat Dockerfile\r')).toEqual(`cat Dockerfile\r\nFROM a\r\n${PROMPT}`);
  });

  it('vi starts on the alternate screen with its first screen', async () => {
    const t = await lab();
    t.take();
    const out = await t.send('vi x\r');
    const tilde = (row: number): string => `\x1b[${row};1H\x1b[94m~\x1b[0m\x1b[0m\x1b[K`;
    expect(out).toEqual(
      `vi x\r\n\x1b[?1049h\x1b[?25l\x1b[1;1H\x1b[0m\x1b[K${[2, 3, 4, 5, 6, 7].map(tilde).join('')}` +
        `\x1b[8;1H"x" [New]             0,0-1         All\x1b[0m\x1b[K\x1b[1;1H\x1b[?25h`,
    );
  });

  it('nano saves with ^X, Y, Enter', async () => {
    const t = await lab();
    await t.send('nano notes.txt\r');
    await t.send('h', 'i', '\x18', 'y');
    expect(await t.send('\r')).toEqual(`\x1b[?1049l${PROMPT}`);
    expect(await t.send('cat notes.txt\r')).toEqual(`cat notes.txt\r\nhi\r\n${PROMPT}`);
  });

  it('a resize while nano runs redraws it at the new size', async () => {
    const t = await lab();
    await t.send('nano x\r');
    await t.api.resize({ cols: 40, rows: 6 });
    await t.api.settled();
    await new Promise((r) => setTimeout(r, 0));
    expect(t.take().split('\x1b[6;1H')[1]).toEqual('\x1b[7m^X\x1b[0m Exit   \x1b[7m^R\x1b[0m Read Fi\x1b[7m^\\\x1b[0m Replace\x1b[7m^U\x1b[0m Paste\x1b[0m\x1b[K\x1b[2;1H\x1b[?25h');
  });
});

describe('a save that cannot be written', () => {
  it('keeps vi open with E212, and :q! still leaves', async () => {
    const t = await lab();
    await t.send('vi nodir/Dockerfile\r');
    await t.send('ix', '\x1b', ':wq');
    const out = await t.send('\r');
    const statusRow = out.split('\x1b[8;1H')[1]!.split('\x1b[0m\x1b[K')[0];
    expect(statusRow).toEqual('\x1b[97;41m"nodir/Dockerfile" E212: Can\'t open file for writing\x1b[0m');
    expect(await t.send(':q!\r')).toEqual(`\x1b[?1049l${PROMPT}`);
  });
});

describe('another tab changing the lab', () => {
  it('does not take the terminal away from an open editor', async () => {
    const shared: Tabs = { store: await MemoryStore.open(), locks: sharedLock(), channel: 'editor-tabs' };
    const a = await lab(shared);
    const b = await lab(shared);
    await a.send('vi f\r');
    await b.send('touch other\r');
    await new Promise((r) => setTimeout(r, 20));
    await a.send('ix', '\x1b', ':wq');
    expect(await a.send('\r')).toEqual(`\x1b[?1049l${PROMPT}`);
    expect(await a.send('ls\r')).toEqual(`ls\r\nf  other\r\n${PROMPT}`);
  });
});
