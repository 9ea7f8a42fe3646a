/**
 * The lesson pane's state: the course, the learner's progress, where they
 * are (the URL's hash, lib/route.ts) and the open page's goal, held as runes
 * for the components to draw. Everything it knows comes from the worker
 * (course, goal, progress, placeholders), which checks goals on the lab's
 * state; this module only asks and listens (lesson-format.md, "Worker API").
 */
import { highlight } from './layer-view.svelte.ts';
import type { Course, GoalStatus, LessonApi, LessonEvent, Progress, Resolved } from './course-types.ts';
import { findPage, neighbours } from './course-nav.ts';
import type { PagePlace } from './course-nav.ts';
import { parseRoute, routeHash, sameRoute } from './route.ts';
import type { Route } from './route.ts';

/** Where the page reads and writes its hash (the window's location; a fake in tests). */
export interface HashSource {
  get(): string;
  set(hash: string): void;
  /** Calls back on every change (Back, Forward, a typed URL, `set`). */
  listen(onChange: () => void): void;
}

/** The window's `location.hash`. */
export const windowHash: HashSource = {
  get: () => location.hash,
  set: (h) => {
    location.hash = h;
  },
  listen: (f) => addEventListener('hashchange', f),
};

/** The lesson pane's state. */
export class Lessons {
  course = $state<Course | undefined>(undefined);
  progress = $state<Progress>({ pages: {} });
  route = $state<Route>({ kind: 'home' });
  /** The open page's goal; undefined until the worker has checked it. */
  goal = $state<GoalStatus | undefined>(undefined);
  /** Placeholders the worker resolved for the open page. */
  resolved = $state<Resolved>({});
  /** The page's start state is being set up. */
  opening = $state(false);
  /** A sentence when the worker failed to do what was asked (shown, not thrown). */
  error = $state('');

  #api: LessonApi | undefined;
  #hash: HashSource = windowHash;
  /** Increases with every navigation, so a slow answer for a page left meanwhile is dropped. */
  #visit = 0;

  /** The open page with its place in the course, if the route names one that exists. */
  get place(): PagePlace | undefined {
    return this.course && this.route.kind === 'page' ? findPage(this.course, this.route.pageId) : undefined;
  }

  /** Where Prev and Next lead from here. */
  get nav(): { prev?: Route; next?: Route } {
    return this.course ? neighbours(this.course, this.route, this.progress) : {};
  }

  /**
   * Loads the course (drawn at once: the worker serves it before the lab is
   * up), then the progress and the page the URL names (the worker sets up a
   * page's start once the lab is open); then follows the hash.
   */
  async init(api: LessonApi, hash: HashSource = windowHash): Promise<void> {
    this.#api = api;
    this.#hash = hash;
    this.route = parseRoute(hash.get());
    this.course = await api.course();
    hash.listen(() => void this.#open(parseRoute(this.#hash.get())));
    await Promise.all([this.#refreshProgress(), this.#open(parseRoute(hash.get()))]);
  }

  /** Goes to a route: a new history entry (Back returns), the page opened by the hash change. */
  go(route: Route): void {
    if (sameRoute(route, this.route)) return;
    this.#hash.set(routeHash(route));
  }

  /** Next: a page with neither goal nor questions is done when the learner moves on (lesson-format.md). */
  async next(): Promise<void> {
    const place = this.place;
    const next = this.nav.next;
    if (place && !place.page.hasGoal && place.page.questions.length === 0 && !this.progress.pages[place.page.id]?.done) {
      await this.#call(() => this.#api!.completePage(place.page.id));
    }
    if (next) this.go(next);
  }

  /** Takes a lab event (the terminal pane passes them all). */
  receive(e: LessonEvent): void {
    if (!this.#api || !this.course) return;
    if (e.type === 'goal') {
      if (this.route.kind === 'page' && e.status.pageId === this.route.pageId) {
        this.goal = e.status;
        void this.#refreshPlaceholders(this.#visit);
      }
    } else if (e.type === 'progress-changed') {
      void this.#refreshProgress();
    } else if (e.type === 'lab-replaced') {
      // Reset lab or Import lab: another progress, and the page's start state is gone.
      void this.#refreshProgress().then(() => this.#open(this.route));
    }
  }

  /** Checks an answer; the worker records it in the progress. */
  async answer(questionId: string, answer: string): Promise<{ correct: boolean; why: string } | undefined> {
    const place = this.place;
    if (!place) return undefined;
    return this.#call(() => this.#api!.answer(place.page.id, questionId, answer));
  }

  /** Reset this page: the worker removes what it owns and restores its start state. */
  async resetPage(): Promise<void> {
    const place = this.place;
    if (!place) return;
    const visit = this.#visit;
    this.opening = true;
    await this.#call(() => this.#api!.resetPage(place.page.id));
    if (visit !== this.#visit) return;
    this.opening = false;
    await this.#refreshGoal(visit);
  }

  async #open(route: Route): Promise<void> {
    const visit = ++this.#visit;
    this.route = route;
    this.goal = undefined;
    this.resolved = {};
    this.error = '';
    this.opening = false;
    const place = this.place;
    // The layer view points where the page says (its `layers:`), or nowhere.
    highlight(place?.page.layers ?? null);
    if (!place) {
      await this.#call(() => this.#api!.openPage(null));
      return;
    }
    this.opening = true;
    await this.#call(() => this.#api!.openPage(place.page.id));
    if (visit !== this.#visit) return;
    this.opening = false;
    await this.#refreshGoal(visit);
  }

  async #refreshGoal(visit: number): Promise<void> {
    const place = this.place;
    if (!place) return;
    const goal = place.page.hasGoal ? await this.#call(() => this.#api!.goal(place.page.id)) : undefined;
    if (visit !== this.#visit) return;
    this.goal = goal;
    await this.#refreshPlaceholders(visit);
  }

  async #refreshPlaceholders(visit: number): Promise<void> {
    const place = this.place;
    if (!place || !place.page.blocks.some((b) => b.kind === 'code' && b.placeholders.length > 0)) return;
    const resolved = await this.#call(() => this.#api!.placeholders(place.page.id));
    if (visit === this.#visit && resolved) this.resolved = resolved;
  }

  async #refreshProgress(): Promise<void> {
    const p = await this.#call(() => this.#api!.progress());
    if (p) this.progress = p;
  }

  /** Runs a worker call; a failure becomes the sentence the pane shows. */
  async #call<T>(f: () => Promise<T>): Promise<T | undefined> {
    try {
      return await f();
    } catch (err) {
      this.error = `The lab could not do that: ${err instanceof Error ? err.message : String(err)}`;
      this.opening = false;
      return undefined;
    }
  }
}

/** The page's one lesson state. */
export const lessons = new Lessons();
