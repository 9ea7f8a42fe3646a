/** The navigator's arithmetic (src/lib/course-nav.ts): reading order, Prev and Next, progress counts, where to resume. */
import { describe, expect, it } from 'vitest';
import { courseProgress, lessonProgress, neighbours, progressText, resumeRoute, routeTitle } from '../../src/lib/course-nav.ts';
import type { Progress } from '../../src/lib/course-types.ts';
import { COURSE } from './course-fake.ts';

const done = (...ids: string[]): Progress => ({ pages: Object.fromEntries(ids.map((id) => [id, { done: true, answers: {} }])) });
const none = done();

describe('neighbours', () => {
  it('walks contents, each lesson intro and its pages in order', () => {
    const at = (r: Parameters<typeof neighbours>[1]) => neighbours(COURSE, r, none);
    expect(at({ kind: 'home' })).toEqual({ prev: undefined, next: { kind: 'lesson', lessonId: 'one' } });
    expect(at({ kind: 'lesson', lessonId: 'one' })).toEqual({ prev: { kind: 'home' }, next: { kind: 'page', pageId: 'one/read' } });
    expect(at({ kind: 'page', pageId: 'one/exercise' })).toEqual({ prev: { kind: 'page', pageId: 'one/goal' }, next: { kind: 'lesson', lessonId: 'two' } });
    expect(at({ kind: 'page', pageId: 'two/only' })).toEqual({ prev: { kind: 'lesson', lessonId: 'two' }, next: undefined });
  });

  it('leads from the sandbox, and from an unknown page, back into the course', () => {
    expect(neighbours(COURSE, { kind: 'sandbox' }, done('one/read'))).toEqual({ next: { kind: 'page', pageId: 'one/goal' } });
    expect(neighbours(COURSE, { kind: 'page', pageId: 'one/gone' }, none)).toEqual({ next: { kind: 'lesson', lessonId: 'one' } });
  });
});

describe('lessonProgress and courseProgress', () => {
  it('count done pages and passed exercises, and mark a lesson complete only when every page is done', () => {
    const p = done('one/read', 'one/exercise', 'two/only', 'elsewhere/x');
    expect(lessonProgress(COURSE.lessons[0]!, p)).toEqual({ pagesDone: 2, pages: 3, exercisesPassed: 1, exercises: 1, complete: false });
    expect(lessonProgress(COURSE.lessons[1]!, p)).toEqual({ pagesDone: 1, pages: 1, exercisesPassed: 0, exercises: 0, complete: true });
    expect(courseProgress(COURSE, p)).toEqual({ pagesDone: 3, pages: 4, exercisesPassed: 1, exercises: 1, complete: false });
  });

  it('reads as a phrase, singular where one', () => {
    expect(progressText(lessonProgress(COURSE.lessons[0]!, done('one/read')))).toBe('1 of 3 pages done · 0 of 1 exercise passed');
    expect(progressText(lessonProgress(COURSE.lessons[1]!, none))).toBe('0 of 1 page done');
  });
});

describe('resumeRoute', () => {
  it('is the first lesson for a new learner, the first page not done once started, and the start once all is done', () => {
    expect(resumeRoute(COURSE, none)).toEqual({ kind: 'lesson', lessonId: 'one' });
    expect(resumeRoute(COURSE, done('one/read'))).toEqual({ kind: 'page', pageId: 'one/goal' });
    expect(resumeRoute(COURSE, done('one/read', 'one/goal', 'one/exercise'))).toEqual({ kind: 'lesson', lessonId: 'two' });
    expect(resumeRoute(COURSE, done('one/read', 'one/goal', 'one/exercise', 'two/only'))).toEqual({ kind: 'lesson', lessonId: 'one' });
  });
});

describe('routeTitle', () => {
  it('names pages by their titles and lessons by number and title', () => {
    const routes = [
      { kind: 'home' },
      { kind: 'sandbox' },
      { kind: 'lesson', lessonId: 'two' },
      { kind: 'lesson', lessonId: 'three' },
      { kind: 'page', pageId: 'one/read' },
      { kind: 'page', pageId: 'x/y' },
    ] as const;
    expect(routes.map((r) => routeTitle(COURSE, r))).toEqual(['Contents', 'Sandbox', 'Lesson 2: Two', 'Unknown lesson', 'Title of one/read', 'Unknown page']);
  });
});
