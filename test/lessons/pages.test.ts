/**
 * Every page of lessons/ is solved by a test (lesson-format contract, Tests):
 * its start state is set up, its goal is unmet at the start and met after
 * its solution, its listed wrong solutions leave it unmet, its solution's
 * answers are accepted; and every runnable block of every lesson runs in
 * order without an unexpected error. New pages are picked up with no change
 * here. The same walk runs over the fixture course, so it is exercised even
 * before lessons/ has pages.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';
import type { CompiledCourse, PageData } from '../../worker/lessons/types.ts';
import { walkBlocks, walkPage } from './walk.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function suite(name: string, course: CompiledCourse): void {
  describe(name, () => {
    it('has one course page for each page the worker knows, in the same order', () => {
      expect(course.course.lessons.flatMap((l) => l.pages.map((p) => p.id))).toEqual(course.pages.map((p) => p.id));
    });
    for (const page of course.pages.filter((p) => p.goal.length > 0 || p.questions.length > 0)) {
      it(`${page.id}: start, goal unmet, solution, goal met, answers right, wrong solutions unmet`, () => walkPage(course, page), 180_000);
    }
    for (const lesson of course.course.lessons) {
      it(`${lesson.id}: every runnable block runs in order`, () => walkBlocks(course, lesson.id), 300_000);
    }
  });
}

suite('lessons/', loadCourseDir(resolve(ROOT, 'lessons')));
suite('the fixture course', loadCourseDir(resolve(import.meta.dirname, 'fixtures/course')));

describe('the walk catches bad pages', () => {
  const fixture = loadCourseDir(resolve(import.meta.dirname, 'fixtures/course'));
  const commit = fixture.pages.find((p) => p.id === 'basics/commit')!;
  /** The walk's failure for the commit page changed by `change`: what the failed assertion saw. */
  const failure = async (change: Partial<PageData>): Promise<unknown> => {
    const page = { ...commit, ...change };
    const course = { ...fixture, pages: fixture.pages.map((p) => (p.id === page.id ? page : p)) };
    const err = await walkPage(course, page).then(
      () => undefined,
      (e: unknown) => e,
    );
    return (err as { actual?: unknown } | undefined)?.actual;
  };
  it('a "wrong" solution that reaches the goal (a too-lax check)', async () => {
    expect(await failure({ wrong: [commit.solution] })).toEqual({ file: commit.file, wrong: 0, met: true });
  }, 60_000);
  it('a "right" solution that does not reach the goal (a too-strict check)', async () => {
    expect(await failure({ right: [[{ line: 'docker tag alpine ourfiglet', rc: 0 }]] })).toEqual({
      file: commit.file,
      right: 0,
      unmet: ['No image tagged ourfiglet with figlet in its top layer yet.'],
    });
  }, 60_000);
  it('a goal already met at the start', async () => {
    expect(await failure({ goal: [{ image: 'alpine', say: 'no alpine' }] })).toEqual({ file: commit.file, metAtStart: true });
  }, 60_000);
  it('a solution line that fails', async () => {
    expect(await failure({ solution: [{ line: 'docker commit nothere ourfiglet', rc: 0 }] })).toEqual({
      file: commit.file,
      line: 'docker commit nothere ourfiglet',
      rc: 1,
      output: 'Error response from daemon: No such container: nothere\n',
    });
  }, 60_000);
});
