/**
 * Issue 10, "Done when": a learner follows the whole course in ONE lab,
 * page after page, using only what the pages say. pages.test.ts opens a
 * fresh lab per page and per lesson; this walk keeps one lab from the first
 * page to the last, so state left by an earlier lesson (a container that
 * still uses nginx, a directory another lesson also writes to, a dangling
 * image) meets every later page. On each page: its runnable blocks in
 * order, each ending with its expected status; then, if the goal is not met
 * yet (an exercise), the page's solution; then its goal must be met.
 */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';
import { openLab } from './lab.ts';

const course = loadCourseDir(resolve(import.meta.dirname, '../../lessons'));

it('walks the whole course in one lab: every block runs, every goal is reached', async () => {
  const lab = await openLab({ course });
  const problems: unknown[] = [];
  for (const page of course.pages) {
    await lab.lessons.open(page.id);
    for (const block of page.runs) {
      for (const { line, rc } of block) {
        const known = await lab.lessons.placeholders(page.id);
        const text = line.replace(/<([a-z_]+)>/g, (all, name: string) => known[name]?.value ?? page.fill[name] ?? all);
        const r = await lab.session.runLine(text);
        if (r.rc !== rc) problems.push({ page: page.id, line: text, rc: r.rc, output: `${r.stdout}${r.stderr}` });
      }
    }
    if (!(await lab.lessons.goal(page.id)).met) {
      for (const { line, rc } of page.solution) {
        const r = await lab.session.runLine(line);
        if (r.rc !== rc) problems.push({ page: page.id, solution: line, rc: r.rc, output: `${r.stdout}${r.stderr}` });
      }
    }
    const goal = await lab.lessons.goal(page.id);
    if (!goal.met) problems.push({ page: page.id, unmet: goal.conditions.filter((c) => !c.met).map((c) => c.say) });
  }
  expect(problems).toEqual([]);
}, 1_200_000);
