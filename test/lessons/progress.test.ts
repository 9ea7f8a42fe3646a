/**
 * The lessons through the worker's API (terminal/lab-service.ts), as the
 * page drives it: goal events after each line and after another tab's
 * change, progress kept in the lab's store (reload), shared with another tab,
 * carried by Export/Import lab and wiped by Reset lab.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabApi, LabEvent } from '../../worker/api.ts';
import { createLabService } from '../../worker/terminal/lab-service.ts';
import type { LockManagerLike } from '../../worker/terminal/tab-sync.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { createSession } from '../../worker/session.ts';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';
import { parseProgress, PROGRESS_KEY } from '../../worker/lessons/progress.ts';
import type { CompiledCourse, PageData } from '../../worker/lessons/types.ts';
import { exportBytes, fromBytes } from '../terminal/lab-files.ts';

const course = loadCourseDir(resolve(import.meta.dirname, 'fixtures/course'));
const channels: BroadcastChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) c.close();
});

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
  api: LabApi;
  events: LabEvent[];
  /** Resolves with the first event (from now on, or already received since `from`) that matches. */
  next(match: (e: LabEvent) => boolean, from?: number): Promise<LabEvent>;
  /** Types a line; resolves with what the terminal received meanwhile. */
  line(text: string): Promise<string>;
}

async function openTab(store: MemoryStore, tabs?: { locks: LockManagerLike; channel: string }, compiled: CompiledCourse = course): Promise<Tab> {
  const channel = tabs ? new BroadcastChannel(tabs.channel) : undefined;
  if (channel) channels.push(channel);
  const api = createLabService({
    openStore: async () => store,
    memoryStore: () => MemoryStore.open(),
    createSession,
    dockerTree: async () => {
      throw new Error('not needed');
    },
    commandNames: async () => [],
    tabId: crypto.randomUUID(),
    ...(tabs ? { locks: tabs.locks, channel: channel as never } : {}),
    course: async () => compiled,
  });
  const events: LabEvent[] = [];
  let output = '';
  const waiters: Array<{ match: (e: LabEvent) => boolean; resolve: (e: LabEvent) => void }> = [];
  await api.start(
    { cols: 80, rows: 24 },
    (data) => void (output += data),
    (e) => {
      events.push(e);
      for (const w of [...waiters]) {
        if (w.match(e)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(e);
        }
      }
    },
  );
  await api.settled();
  return {
    api,
    events,
    next(match, from) {
      const seen = from === undefined ? undefined : events.slice(from).find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    async line(text) {
      output = '';
      await api.input(`${text}\r`);
      await api.settled();
      // Output is flushed in a microtask after the line settles.
      await Promise.resolve();
      return output;
    },
  };
}

const goalOf = (e: LabEvent) => (e.type === 'goal' ? e.status : undefined);

describe('lessons through the lab API', () => {
  it('sends the goal on opening a page and after each line that changes the lab; a met goal and right answers make the page done', async () => {
    const store = new MemoryStore();
    const tab = await openTab(store);
    expect((await tab.api.course()).lessons.map((l) => l.pages.length)).toEqual([4]);
    let from = tab.events.length;
    await tab.api.openPage('basics/commit');
    expect(goalOf(await tab.next((e) => e.type === 'goal', from))).toEqual({
      pageId: 'basics/commit',
      conditions: [{ met: false, say: 'No image tagged ourfiglet with figlet in its top layer yet.' }],
      met: false,
    });
    from = tab.events.length;
    await tab.line('docker run --name fig alpine sh -c "apk add figlet"');
    await tab.line('docker commit fig ourfiglet');
    const met = await tab.next((e) => e.type === 'goal' && e.status.met, from);
    expect(goalOf(met)).toEqual({ pageId: 'basics/commit', conditions: [{ met: true, say: 'No image tagged ourfiglet with figlet in its top layer yet.' }], met: true });
    // The goal alone does not finish a page with questions.
    expect(await tab.api.progress()).toEqual({ pages: {} });
    expect(await tab.api.answer('basics/commit', 'what-is', '0')).toEqual({ correct: false, why: "A commit turns a container's writable layer into a new image layer." });
    expect((await tab.api.answer('basics/commit', 'what-is', '1')).correct).toEqual(true);
    const ph = await tab.api.placeholders('basics/commit');
    expect(Object.keys(ph)).toEqual(['container_id', 'image_id']);
    expect(ph.container_id!.note).toEqual(`your container fig is ${ph.container_id!.value}`);
    const top = JSON.parse(await inspectLayers(tab)) as string[];
    expect((await tab.api.answer('basics/commit', 'top-layer', top[1]!.slice(7, 19))).correct).toEqual(true);
    expect(await tab.api.progress()).toEqual({
      pages: {
        'basics/commit': {
          done: true,
          answers: {
            'what-is': { answer: '1', correct: true },
            'top-layer': { answer: top[1]!.slice(7, 19), correct: true },
          },
        },
      },
    });
    expect(tab.events.filter((e) => e.type === 'progress-changed').length).toBeGreaterThan(0);
    // A page without goal or questions is done when the learner moves on.
    await tab.api.completePage('basics/welcome');
    await tab.api.completePage('basics/build');
    expect(Object.entries((await tab.api.progress()).pages).map(([id, p]) => [id, p.done])).toEqual([
      ['basics/commit', true],
      ['basics/welcome', true],
    ]);
    // Reload: a new service on the same store finds the progress.
    const again = await openTab(store);
    expect(await again.api.progress()).toEqual(await tab.api.progress());
  });

  it('a page with a goal and no questions is done once the goal is met; progress stays done when the lab changes', async () => {
    const tab = await openTab(new MemoryStore());
    await tab.api.openPage('basics/build');
    const from = tab.events.length;
    await tab.line('cd hello && docker build -t hello:v0.2 .');
    await tab.next((e) => e.type === 'progress-changed', from);
    expect((await tab.api.progress()).pages['basics/build']).toEqual({ done: true, answers: {} });
    await tab.line('docker rmi hello:v0.2');
    expect((await tab.api.goal('basics/build')).met).toEqual(false);
    expect((await tab.api.progress()).pages['basics/build']).toEqual({ done: true, answers: {} });
  });

  it('another tab: its lines update this tab\'s goal, its progress reaches this tab', async () => {
    const store = new MemoryStore();
    const tabs = { locks: sharedLock(), channel: `layerlab-lessons-${crypto.randomUUID()}` };
    const a = await openTab(store, tabs);
    const b = await openTab(store, tabs);
    await a.api.openPage('basics/commit');
    await b.api.openPage('basics/commit');
    const from = a.events.length;
    await b.line('docker run --name fig alpine sh -c "apk add figlet"');
    await b.line('docker commit fig ourfiglet');
    expect(goalOf(await a.next((e) => e.type === 'goal' && e.status.met, from))?.met).toEqual(true);
    const fromA = a.events.length;
    await b.api.answer('basics/commit', 'what-is', '1');
    await a.next((e) => e.type === 'progress-changed', fromA);
    expect((await a.api.progress()).pages['basics/commit']?.answers['what-is']).toEqual({ answer: '1', correct: true });
    // The other tab's change did not disturb this tab's shell.
    await a.line('echo still here > a.txt');
    const records = await store.load();
    expect(records.files.has('/home/learner/a.txt')).toEqual(true);
  });

  it('Export lab carries the progress, Import lab brings it back, Reset lab wipes it', async () => {
    const tab = await openTab(new MemoryStore());
    await tab.api.openPage('basics/welcome');
    await tab.api.completePage('basics/welcome');
    const archive = await exportBytes(tab.api);
    const other = await openTab(new MemoryStore());
    expect(await other.api.progress()).toEqual({ pages: {} });
    const from = other.events.length;
    await other.api.importLab(fromBytes(archive));
    await other.next((e) => e.type === 'progress-changed', from);
    expect(await other.api.progress()).toEqual({ pages: { 'basics/welcome': { done: true, answers: {} } } });
    await other.api.reset();
    expect(await other.api.progress()).toEqual({ pages: {} });
  });

  it('follows a change no line made: a detached container writing a file later', async () => {
    const base = course.pages.find((p) => p.id === 'basics/many')!;
    const page: PageData = { ...base, id: 'basics/background', start: { images: ['alpine'] }, goal: [{ container: { name: 'bg', added: '/done' }, say: 'bg has not written /done yet.' }] };
    const withPage: CompiledCourse = { ...course, pages: [...course.pages, page] };
    const tab = await openTab(new MemoryStore(), undefined, withPage);
    await tab.api.openPage(page.id);
    const from = tab.events.length;
    await tab.line('docker run -d --name bg alpine sh -c "sleep 1; touch /done; sleep 1000"');
    // The line ends with the container running and /done not yet written: the goal turns met later, on its own.
    expect(goalOf(await tab.next((e) => e.type === 'goal', from))?.met).toEqual(false);
    expect(goalOf(await tab.next((e) => e.type === 'goal' && e.status.met, from))).toEqual({ pageId: page.id, conditions: [{ met: true, say: 'bg has not written /done yet.' }], met: true });
    await tab.line('docker rm -f bg');
  });

  it('reads malformed progress as none instead of failing', () => {
    expect(parseProgress({ pages: { a: { done: true, answers: { q: { answer: 1, correct: true } } }, b: 3 } })).toEqual({ pages: { a: { done: true, answers: {} } } });
    expect(parseProgress('x')).toEqual({ pages: {} });
    expect(PROGRESS_KEY).toEqual('lessons/progress');
  });
});

/** RootFS.Layers of ourfiglet, read through the terminal as the learner reads it. */
async function inspectLayers(tab: Tab): Promise<string> {
  const out = await tab.line('docker image inspect -f "{{json .RootFS.Layers}}" ourfiglet');
  return /\[.*\]/.exec(out)![0];
}
