/**
 * The lesson pane's state (src/lib/lessons.svelte.ts) against a fake worker:
 * the hash decides the page, opening a page sets up its start and asks for
 * its goal, events redraw the goal and progress, a slow page left behind
 * does not overwrite the next one, Next completes a reading page.
 */
import { describe, expect, it } from 'vitest';
import { Lessons } from '../../src/lib/lessons.svelte.ts';
import { FakeApi, FakeHash, flush } from './course-fake.ts';

async function started(hash = ''): Promise<{ s: Lessons; api: FakeApi; h: FakeHash }> {
  const s = new Lessons();
  const api = new FakeApi();
  const h = new FakeHash(hash);
  await s.init(api, h);
  return { s, api, h };
}

describe('opening pages', () => {
  it('opens the page the hash names: its start, its goal, its placeholders', async () => {
    const { s, api } = await started('#/lessons/one/goal');
    expect(s.route).toEqual({ kind: 'page', pageId: 'one/goal' });
    expect(s.place?.page.id).toBe('one/goal');
    expect(api.calls).toEqual(['open one/goal', 'goal one/goal', 'placeholders one/goal']);
    expect([s.opening, s.goal?.met, s.resolved.container_id?.value]).toEqual([false, false, '3f2a9c']);
  });

  it('tells the worker there is no page on the contents, a lesson or the sandbox, and asks for no goal', async () => {
    const { api, h } = await started();
    h.set('#/sandbox');
    h.set('#/lessons/two');
    await flush();
    expect(api.calls).toEqual(['open null', 'open null', 'open null']);
  });

  it('drops the answers of a page left while its start was being set up', async () => {
    const { s, api, h } = await started();
    let release = (): void => undefined;
    api.hold = new Promise((r) => (release = r));
    h.set('#/lessons/one/goal');
    expect(s.opening).toBe(true);
    api.hold = undefined;
    h.set('#/lessons/two/only');
    await flush();
    release();
    await flush();
    expect(s.route).toEqual({ kind: 'page', pageId: 'two/only' });
    expect(s.goal?.pageId).toBe('two/only');
    expect(s.opening).toBe(false);
    expect(api.calls.filter((c) => c.startsWith('goal'))).toEqual(['goal two/only']);
  });
});

describe('events', () => {
  it('takes the goal of the open page only, and asks for placeholders again', async () => {
    const { s, api } = await started('#/lessons/one/goal');
    api.calls = [];
    s.receive({ type: 'goal', status: { pageId: 'two/only', conditions: [], met: true } });
    expect(s.goal?.met).toBe(false);
    api.resolved = { container_id: { value: 'beef', note: 'your container is beef' } };
    s.receive({ type: 'goal', status: { pageId: 'one/goal', conditions: [{ met: true, say: 'Not yet.' }], met: true } });
    await flush();
    expect([s.goal?.met, s.resolved.container_id?.value, api.calls]).toEqual([true, 'beef', ['placeholders one/goal']]);
  });

  it('reads the progress again when it changed, and reopens the page when the lab was replaced', async () => {
    const { s, api } = await started('#/lessons/one/goal');
    api.progressNow = { pages: { 'one/goal': { done: true, answers: {} } } };
    s.receive({ type: 'progress-changed' });
    await flush();
    expect(s.progress.pages['one/goal']?.done).toBe(true);
    api.calls = [];
    s.receive({ type: 'lab-replaced' });
    await flush();
    await flush();
    expect(api.calls).toEqual(['open one/goal', 'goal one/goal', 'placeholders one/goal']);
  });
});

describe('actions', () => {
  it('Next marks a reading page done, then goes on; a page with a goal is left to the worker', async () => {
    const { s, api, h } = await started('#/lessons/one/read');
    await s.next();
    await flush();
    expect([h.value, api.calls.includes('complete one/read')]).toEqual(['#/lessons/one/goal', true]);
    await s.next();
    await flush();
    expect([h.value, api.calls.filter((c) => c.startsWith('complete'))]).toEqual(['#/lessons/one/exercise', ['complete one/read']]);
  });

  it('answers and resets on the open page', async () => {
    const { s, api } = await started('#/lessons/one/exercise');
    expect(await s.answer('q', '1')).toEqual({ correct: true, why: 'Because.' });
    await s.resetPage();
    expect(api.calls.slice(-3)).toEqual(['answer one/exercise q 1', 'reset one/exercise', 'goal one/exercise']);
  });

  it('shows a failing worker call as a sentence', async () => {
    const { s, api } = await started('#/lessons/one/exercise');
    api.resetPage = () => Promise.reject(new Error('the store is full'));
    await s.resetPage();
    expect([s.error, s.opening]).toEqual(['The lab could not do that: the store is full', false]);
  });
});
