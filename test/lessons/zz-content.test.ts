import { describe, it } from 'vitest';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';
import { walkBlocks, walkPage } from './walk.ts';
const course = loadCourseDir('/tmp/allessons');
describe('content drafts', () => {
  for (const page of course.pages.filter((p) => p.goal.length > 0 || p.questions.length > 0)) it(page.id, () => walkPage(course, page), 300_000);
  for (const lesson of course.course.lessons) it(`${lesson.id} blocks`, () => walkBlocks(course, lesson.id), 600_000);
});
