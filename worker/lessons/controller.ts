/**
 * The lessons' side of the worker API (worker/api.ts): the current page,
 * its start state, its goal checked after every state change, answers,
 * placeholders and progress. terminal/lab-service.ts owns the session, the
 * store and the tab lock and hands them in; this module never holds the lock
 * itself (Web Locks are not reentrant), the service wraps each call.
 *
 * The checker runs for the current page only, coalesced: changes that come
 * while a check runs cause one more check, not one each, and goal events go
 * out in order.
 */
import type { Course, GoalStatus, LabEvent, Progress } from '../api.ts';
import type { Session } from '../session.ts';
import type { Engine } from '../engine/engine.ts';
import type { Lab } from '../lab/lab.ts';
import type { Store } from '../store/store.ts';
import { LEARNER } from '../shell/commands/identity.ts';
import { checkAnswer, checkGoal } from './check.ts';
import { pageEntry, readProgress, updateProgress } from './progress.ts';
import { takeSnapshot, type LabSnapshot } from './snapshot.ts';
import { ensureStart, removeOwned, type StartDeps } from './start.ts';
import type { CompiledCourse, PageData } from './types.ts';

/** What the controller works with. */
export interface LessonDeps {
  /** The compiled course (the virtual module in the page, a directory in Node tests). */
  course(): Promise<CompiledCourse>;
  store(): Store;
  /** The current session, up to date with the store (the caller refreshed it if another tab changed the state). */
  session(): Promise<Session>;
  events(e: LabEvent): void;
  /** The lab state changed by a lessons operation (a start state): tell this tab's page and the other tabs. */
  stateChanged(): void;
  /** Progress was written: tell the other tabs. */
  progressWritten(): void;
}

/** The lessons controller. */
export class Lessons {
  #deps: LessonDeps;
  #current: string | null = null;
  #checking: Promise<void> | undefined;
  #again = false;
  /** The last goal computed, and the engine state it was computed on (states are immutable, replaced on every change). */
  #memo: { pageId: string; state: unknown; status: Promise<GoalStatus> } | undefined;

  constructor(deps: LessonDeps) {
    this.#deps = deps;
  }

  /** The page the learner is on, or null (sandbox). */
  get current(): string | null {
    return this.#current;
  }

  async course(): Promise<Course> {
    return (await this.#deps.course()).course;
  }

  async #page(pageId: string): Promise<PageData> {
    const page = (await this.#deps.course()).pages.find((p) => p.id === pageId);
    if (!page) throw new Error(`no lesson page "${pageId}"`);
    return page;
  }

  /** Makes `pageId` current and ensures its start state (call under the state lock). */
  async open(pageId: string | null): Promise<void> {
    this.#current = pageId;
    if (pageId === null) return;
    const page = await this.#page(pageId);
    if (await ensureStart(page.start, await this.#startDeps())) this.#deps.stateChanged();
  }

  /** Removes what the page owns and ensures its start again (call under the state lock). */
  async reset(pageId: string): Promise<void> {
    const page = await this.#page(pageId);
    const deps = await this.#startDeps();
    const removed = await removeOwned(page.owns, deps);
    const made = await ensureStart(page.start, deps);
    if (removed || made) this.#deps.stateChanged();
  }

  /** The page's goal on the lab now. */
  async goal(pageId: string): Promise<GoalStatus> {
    const page = await this.#page(pageId);
    if (page.goal.length === 0) return { pageId, conditions: [], met: true };
    const engine = await engineOf(await this.#deps.session());
    // Cheap when nothing relevant changed: a line that only moved the shell (cd, ls, echo) leaves the engine state as it was.
    // Home files and running containers change without a new engine state, so goals that read them are always checked.
    const last = this.#memo;
    const reusable = !page.goal.some((c) => 'file' in c || 'noFile' in c) && ![...engine.state.containers.values()].some((c) => c.running);
    if (reusable && last?.pageId === pageId && last.state === engine.state) return last.status;
    const status = this.snapshot().then((snap) => checkGoal(pageId, page.goal, snap));
    const memo = { pageId, state: engine.state, status };
    this.#memo = memo;
    status.catch(() => {
      if (this.#memo === memo) this.#memo = undefined;
    });
    return status;
  }

  /** Checks an answer and records it (call under the state lock). */
  async answer(pageId: string, questionId: string, answer: string): Promise<{ correct: boolean; why: string }> {
    const page = await this.#page(pageId);
    const q = page.questions.find((x) => x.id === questionId);
    if (!q) throw new Error(`page "${pageId}" has no question "${questionId}"`);
    const result = await checkAnswer(q, answer, await this.snapshot());
    const goal = await this.goal(pageId);
    const wrote = await updateProgress(this.#deps.store(), (p) => {
      const e = pageEntry(p, pageId);
      e.answers[questionId] = { answer, correct: result.correct };
      if (isDone(page, goal, e)) e.done = true;
    });
    if (wrote) this.#progressChanged();
    return result;
  }

  /** Marks a page without goal or questions done (the learner pressed Next); call under the state lock. */
  async complete(pageId: string): Promise<void> {
    const page = await this.#page(pageId);
    if (page.goal.length > 0 || page.questions.length > 0) return;
    if (await updateProgress(this.#deps.store(), (p) => void (pageEntry(p, pageId).done = true))) this.#progressChanged();
  }

  progress(): Promise<Progress> {
    return readProgress(this.#deps.store());
  }

  /**
   * The well-known placeholders: `<container_id>` (the most recently created
   * container) and `<image_id>` (the image the page's goal names first, or
   * while it does not exist, the newest image).
   */
  async placeholders(pageId: string): Promise<Record<string, { value: string; note: string }>> {
    const page = await this.#page(pageId);
    const snap = await this.snapshot();
    const out: Record<string, { value: string; note: string }> = {};
    const engine = await engineOf(await this.#deps.session());
    const last = [...engine.state.containers.values()].sort((a, b) => Number(b.created) - Number(a.created))[0];
    if (last) out.container_id = { value: last.id.slice(0, 12), note: `your container ${last.name.replace(/^\//, '')} is ${last.id.slice(0, 12)}` };
    // The image the goal names, or while it does not exist yet, the newest image (the one just committed or built).
    const ref = firstImage(page);
    const named = ref === undefined ? undefined : snap.image(ref);
    if (named) out.image_id = { value: named.id.slice(7, 19), note: `the image ${ref} is ${named.id.slice(7, 19)}` };
    else {
      const newest = [...engine.state.images.values()].sort((a, b) => (b.config.created ?? '').localeCompare(a.config.created ?? ''))[0];
      if (newest) {
        const name = snap.images.find((i) => i.id === newest.id)?.refs[0];
        out.image_id = { value: newest.id.slice(7, 19), note: `your newest image${name ? ` (${name})` : ''} is ${newest.id.slice(7, 19)}` };
      }
    }
    return out;
  }

  /**
   * The lab changed (a line here, another tab, a start state): checks the
   * current page's goal, sends it, and marks the page done when it is.
   */
  changed(): Promise<void> {
    if (this.#checking) {
      this.#again = true;
      return this.#checking;
    }
    const run = async (): Promise<void> => {
      do {
        this.#again = false;
        const pageId = this.#current;
        if (pageId === null) return;
        const page = await this.#page(pageId);
        const status = await this.goal(pageId);
        if (this.#current !== pageId) continue;
        this.#deps.events({ type: 'goal', status });
        if (status.met && page.goal.length > 0) {
          const wrote = await updateProgress(this.#deps.store(), (p) => {
            if (isDone(page, status, p.pages[pageId] ?? { done: false, answers: {} })) pageEntry(p, pageId).done = true;
          });
          if (wrote) this.#progressChanged();
        }
      } while (this.#again);
    };
    // Never rejects: it runs after lines and other tabs' changes, where nobody awaits it. A check that
    // fails (a layer blob gone under a concurrent change) is left for the next change to redo.
    this.#checking = run()
      .catch((err: unknown) => console.error('layerlab: checking the lesson goal failed:', err))
      .finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  /** Another tab wrote the progress. */
  progressFromOtherTab(): void {
    this.#deps.events({ type: 'progress-changed' });
  }

  #progressChanged(): void {
    this.#deps.events({ type: 'progress-changed' });
    this.#deps.progressWritten();
  }

  /** A snapshot of the lab through the session's engine. */
  async snapshot(): Promise<LabSnapshot> {
    const session = await this.#deps.session();
    const lab = await labOf(session);
    const engine = lab.engine;
    const fs = await session.shell.filesystem();
    return takeSnapshot({
      engine,
      containers: () => lab.containers(),
      home: async (path) => {
        const full = `${LEARNER.home}/${path.replace(/^\.?\/+/, '')}`;
        try {
          if (!(await fs.stat(full)).isFile) return undefined;
          return await fs.readFileBuffer(full);
        } catch {
          return undefined;
        }
      },
    });
  }

  async #startDeps(): Promise<StartDeps> {
    const session = await this.#deps.session();
    const lab = await labOf(session);
    return { engine: lab.engine, containers: () => lab.containers(), fs: await session.shell.filesystem(), home: LEARNER.home, saveHome: () => session.saveHome() };
  }
}

/** The session's engine (loaded if a docker command has not loaded it yet). */
async function engineOf(session: Session): Promise<Engine> {
  const engine = await session.engine?.();
  if (!engine) throw new Error('the lessons need the simulated engine, and this session has none');
  return engine;
}

/** The session's lab (loaded if a docker command has not loaded it yet). */
async function labOf(session: Session): Promise<Lab> {
  const lab = await session.lab?.();
  if (!lab) throw new Error('the lessons need the simulated engine, and this session has none');
  return lab;
}

/** A page is done when its goal is met and every question was answered right. */
function isDone(page: PageData, goal: GoalStatus, entry: Progress['pages'][string]): boolean {
  return goal.met && page.questions.every((q) => entry.answers[q.id]?.correct === true);
}

/** The first image reference the page's goal names. */
function firstImage(page: PageData): string | undefined {
  for (const c of page.goal) {
    if ('image' in c) return c.image;
    if ('noImage' in c) return c.noImage;
    if ('build' in c) return c.build.tag;
    if ('container' in c && c.container.image !== undefined) return c.container.image;
  }
  return undefined;
}
