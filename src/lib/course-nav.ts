/**
 * The course's shape for the navigator: pages in order, the page before and
 * after one, and how far the learner is in each lesson. Pure functions of the
 * course and the progress the worker keeps, so tests reach them without a DOM.
 */
import type { Course, CourseLesson, CoursePage, Progress } from './course-types.ts';
import type { Route } from './route.ts';

/** A page with its place in the course. */
export interface PagePlace {
  lesson: CourseLesson;
  lessonIndex: number;
  page: CoursePage;
  /** Index of the page in its lesson. */
  index: number;
}

/** Every page of the course in reading order. */
export function allPages(course: Course): PagePlace[] {
  return course.lessons.flatMap((lesson, lessonIndex) => lesson.pages.map((page, index) => ({ lesson, lessonIndex, page, index })));
}

/** The page with this id, with its place; undefined for an unknown id. */
export function findPage(course: Course, pageId: string): PagePlace | undefined {
  return allPages(course).find((p) => p.page.id === pageId);
}

/** Whether the progress counts the page done. */
export function isDone(progress: Progress, pageId: string): boolean {
  return progress.pages[pageId]?.done === true;
}

/** How far the learner is in one lesson. */
export interface LessonProgress {
  pagesDone: number;
  pages: number;
  exercisesPassed: number;
  exercises: number;
  /** Every page done. */
  complete: boolean;
}

/** Counts a lesson's done pages and passed exercises (an exercise passes when its page is done). */
export function lessonProgress(lesson: CourseLesson, progress: Progress): LessonProgress {
  const done = lesson.pages.filter((p) => isDone(progress, p.id));
  const exercises = lesson.pages.filter((p) => p.exercise);
  return {
    pagesDone: done.length,
    pages: lesson.pages.length,
    exercisesPassed: exercises.filter((p) => isDone(progress, p.id)).length,
    exercises: exercises.length,
    complete: lesson.pages.length > 0 && done.length === lesson.pages.length,
  };
}

/** Totals over the course, for the contents' summary line. */
export function courseProgress(course: Course, progress: Progress): LessonProgress {
  const each = course.lessons.map((l) => lessonProgress(l, progress));
  const sum = (k: 'pagesDone' | 'pages' | 'exercisesPassed' | 'exercises'): number => each.reduce((n, p) => n + p[k], 0);
  return {
    pagesDone: sum('pagesDone'),
    pages: sum('pages'),
    exercisesPassed: sum('exercisesPassed'),
    exercises: sum('exercises'),
    complete: each.length > 0 && each.every((p) => p.complete),
  };
}

/**
 * The routes Prev and Next lead to. The reading order is: contents, then per
 * lesson its introduction and its pages; the sandbox stands outside it
 * (Next from it goes where the learner left off).
 */
export function neighbours(course: Course, route: Route, progress: Progress): { prev?: Route; next?: Route } {
  const order: Route[] = [{ kind: 'home' }];
  for (const lesson of course.lessons) {
    order.push({ kind: 'lesson', lessonId: lesson.id });
    for (const page of lesson.pages) order.push({ kind: 'page', pageId: page.id });
  }
  if (route.kind === 'sandbox') return { next: resumeRoute(course, progress) };
  const key = (r: Route): string => (r.kind === 'lesson' ? `l:${r.lessonId}` : r.kind === 'page' ? `p:${r.pageId}` : r.kind);
  const i = order.findIndex((r) => key(r) === key(route));
  if (i < 0) return { next: order[1] };
  return { prev: order[i - 1], next: order[i + 1] };
}

/** Where to pick the course up: the first page not done (its lesson's intro if none of it is done), or the start. */
export function resumeRoute(course: Course, progress: Progress): Route {
  const first = allPages(course).find((p) => !isDone(progress, p.page.id));
  if (first === undefined) return course.lessons[0] ? { kind: 'lesson', lessonId: course.lessons[0].id } : { kind: 'home' };
  const started = first.lesson.pages.some((p) => isDone(progress, p.id));
  return started ? { kind: 'page', pageId: first.page.id } : { kind: 'lesson', lessonId: first.lesson.id };
}

/** What a route is called in Prev/Next and the contents: the page's title, or the lesson's with its number. */
export function routeTitle(course: Course, route: Route): string {
  switch (route.kind) {
    case 'home':
      return 'Contents';
    case 'sandbox':
      return 'Sandbox';
    case 'lesson': {
      // Numbered: Next from a lesson's last page leads into the next lesson, and says so.
      const i = course.lessons.findIndex((l) => l.id === route.lessonId);
      return i < 0 ? 'Unknown lesson' : `Lesson ${i + 1}: ${course.lessons[i]!.title}`;
    }
    case 'page':
      return findPage(course, route.pageId)?.page.title ?? 'Unknown page';
  }
}

/** The progress as a phrase: `3 of 9 pages done · 0 of 1 exercise passed`. */
export function progressText(p: LessonProgress): string {
  const pages = `${p.pagesDone} of ${p.pages} ${p.pages === 1 ? 'page' : 'pages'} done`;
  if (p.exercises === 0) return pages;
  return `${pages} · ${p.exercisesPassed} of ${p.exercises} ${p.exercises === 1 ? 'exercise' : 'exercises'} passed`;
}
