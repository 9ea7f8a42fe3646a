/**
 * How fast a lesson page opens when a learner jumps to it directly (issue
 * 10: start states "set up fast ... without replaying the whole course"),
 * and what one goal check costs after a line. For each page with a start
 * state: a fresh lab, `openPage` timed, then the goal checked twice (the
 * second reuses the first while the engine state is unchanged) and once
 * after a line that changes the engine.
 *
 *   npx tsx bench/lesson-start.ts [lessons dir, default lessons/]
 */
import { resolve } from 'node:path';
import { createSession } from '../worker/session.ts';
import { MemoryStore } from '../worker/store/memory-store.ts';
import { Lessons } from '../worker/lessons/controller.ts';
import { loadCourseDir } from '../worker/lessons/load-dir.ts';

const dir = resolve(process.argv[2] ?? 'lessons');
const course = loadCourseDir(dir);
const ms = (t: number) => `${(performance.now() - t).toFixed(0).padStart(6)} ms`;
console.log(`${course.pages.length} pages in ${dir}`);
console.log('page'.padEnd(52), 'open'.padStart(9), 'goal'.padStart(9), 'again'.padStart(9), 'changed'.padStart(9));
for (const page of course.pages.filter((p) => p.start !== 'continue')) {
  const store = new MemoryStore();
  const session = await createSession({ store });
  const lessons = new Lessons({ course: async () => course, store: () => store, session: async () => session, events: () => undefined, stateChanged: () => undefined, progressWritten: () => undefined });
  let t = performance.now();
  await lessons.open(page.id);
  const open = ms(t);
  t = performance.now();
  await lessons.goal(page.id);
  const goal = ms(t);
  t = performance.now();
  await lessons.goal(page.id);
  const again = ms(t);
  // A line that changes the engine state (a new image), so the next check computes again.
  await session.runLine('docker pull -q hello-world');
  t = performance.now();
  await lessons.goal(page.id);
  console.log(page.id.padEnd(52), open, goal, again, ms(t));
  await session.retire();
}
process.exit(0);
