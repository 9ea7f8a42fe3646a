/** A small course and a fake lesson API for the pane's unit tests: the contract's shapes, the worker's answers scripted. */
import type { Course, CoursePage, GoalStatus, LessonApi, Progress, Resolved } from '../../src/lib/course-types.ts';

const page = (id: string, more: Partial<CoursePage> = {}): CoursePage => ({
  id,
  lessonId: id.split('/')[0]!,
  title: `Title of ${id}`,
  exercise: false,
  blocks: [],
  hints: [],
  solution: [],
  questions: [],
  hasGoal: false,
  ...more,
});

/** Two lessons: a reading page, a page with a goal and a placeholder, an exercise; then one page. */
export const COURSE: Course = {
  lessons: [
    {
      id: 'one',
      title: 'One',
      summary: '',
      intro: [],
      pages: [
        page('one/read'),
        page('one/goal', { hasGoal: true, blocks: [{ kind: 'code', lang: 'sh', text: 'docker commit <container_id> x', runnable: true, placeholders: ['container_id'] }] }),
        page('one/exercise', { exercise: true, hasGoal: true, questions: [{ id: 'q', ask: 'Why?', choice: ['a', 'b'], kind: 'choice' }] }),
      ],
    },
    { id: 'two', title: 'Two', summary: '', intro: [], pages: [page('two/only', { hasGoal: true })] },
  ],
};

/** The fake worker: records calls, answers from what the test sets. */
export class FakeApi implements LessonApi {
  calls: string[] = [];
  progressNow: Progress = { pages: {} };
  goals: Record<string, GoalStatus> = {};
  resolved: Resolved = { container_id: { value: '3f2a9c', note: 'your container is 3f2a9c' } };
  /** When set, openPage waits for it (a slow start state). */
  hold: Promise<void> | undefined;

  async course(): Promise<Course> {
    return COURSE;
  }
  async openPage(id: string | null): Promise<void> {
    this.calls.push(`open ${id}`);
    await this.hold;
  }
  async goal(id: string): Promise<GoalStatus> {
    this.calls.push(`goal ${id}`);
    return this.goals[id] ?? { pageId: id, conditions: [{ met: false, say: 'Not yet.' }], met: false };
  }
  async answer(id: string, q: string, a: string): Promise<{ correct: boolean; why: string }> {
    this.calls.push(`answer ${id} ${q} ${a}`);
    return { correct: a === '1', why: 'Because.' };
  }
  async resetPage(id: string): Promise<void> {
    this.calls.push(`reset ${id}`);
  }
  async completePage(id: string): Promise<void> {
    this.calls.push(`complete ${id}`);
    this.progressNow = { pages: { ...this.progressNow.pages, [id]: { done: true, answers: {} } } };
  }
  async progress(): Promise<Progress> {
    return this.progressNow;
  }
  async placeholders(id: string): Promise<Resolved> {
    this.calls.push(`placeholders ${id}`);
    return this.resolved;
  }
}

/** A hash the test moves by hand, as the browser's history would. */
export class FakeHash {
  value: string;
  #listeners: Array<() => void> = [];
  constructor(value = '') {
    this.value = value;
  }
  get = (): string => this.value;
  set = (h: string): void => {
    this.value = h;
    for (const f of this.#listeners) f();
  };
  listen = (f: () => void): void => {
    this.#listeners.push(f);
  };
}

/** Lets queued promise callbacks run. */
export const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
