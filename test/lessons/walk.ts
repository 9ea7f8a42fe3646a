/**
 * What pages.test.ts does to every page, learnGitBranching-style: set up
 * its start state in a fresh lab, see the goal unmet, type the solution line
 * by line, see the goal met and the solution's answers accepted; type each
 * other right solution in a fresh lab and see the goal met, each wrong one
 * and see it stay unmet; and, lesson by
 * lesson, run every runnable block of every page in order.
 */
import { expect } from 'vitest';
import { checkAnswer, evaluate } from '../../worker/lessons/check.ts';
import type { CompiledCourse, PageData, ScriptLine } from '../../worker/lessons/types.ts';
import { openLab, type Lab } from './lab.ts';

/** Replaces `<name>` placeholders: resolved from the lab as the page would, else the page's `fill` example. */
async function filled(lab: Lab, page: PageData, line: string): Promise<string> {
  if (!/<[a-z_]+>/.test(line)) return line;
  const known = await lab.lessons.placeholders(page.id);
  return line.replace(/<([a-z_]+)>/g, (all, name: string) => {
    const v = known[name]?.value ?? page.fill[name];
    if (v === undefined) throw new Error(`${page.file}: placeholder ${all} has no value in the lab and no \`fill\` example`);
    return v;
  });
}

/** Types lines; each must end with its expected status (the line and its output are shown when it does not). */
async function type(lab: Lab, page: PageData, lines: readonly ScriptLine[], checkRc: boolean): Promise<void> {
  for (const { line, rc } of lines) {
    const text = await filled(lab, page, line);
    const r = await lab.session.runLine(text);
    if (checkRc) expect({ file: page.file, line: text, rc: r.rc, output: r.rc === rc ? '' : `${r.stdout}${r.stderr}` }).toEqual({ file: page.file, line: text, rc, output: '' });
  }
}

/** A page's own test: start, unmet, solution, met, answers; wrong solutions stay unmet. */
export async function walkPage(course: CompiledCourse, page: PageData): Promise<void> {
  const lab = await openLab({ course });
  await lab.lessons.open(page.id);
  if (page.goal.length > 0) {
    const start = await lab.lessons.goal(page.id);
    expect({ file: page.file, metAtStart: start.met }).toEqual({ file: page.file, metAtStart: false });
  }
  await type(lab, page, page.solution, true);
  const after = await lab.lessons.goal(page.id);
  expect({ file: page.file, unmetAfterSolution: after.conditions.filter((c) => !c.met).map((c) => c.say) }).toEqual({ file: page.file, unmetAfterSolution: [] });
  const snap = await lab.snap();
  for (const q of page.questions) {
    const given = page.answers[q.id]!;
    let answer: string;
    if (typeof given === 'number') answer = String(given);
    else if (given.startsWith('$') && q.value) {
      const v = await evaluate(q.value, snap);
      if (!v.ok) throw new Error(`${page.file}: question ${q.id}: ${v.why}`);
      answer = v.value;
    } else answer = given;
    expect({ file: page.file, question: q.id, correct: (await checkAnswer(q, answer, snap)).correct }).toEqual({ file: page.file, question: q.id, correct: true });
  }
  if (page.goal.length === 0) return;
  for (const [i, right] of page.right.entries()) {
    const r = await openLab({ course });
    await r.lessons.open(page.id);
    await type(r, page, right, true);
    const status = await r.lessons.goal(page.id);
    expect({ file: page.file, right: i, unmet: status.conditions.filter((c) => !c.met).map((c) => c.say) }).toEqual({ file: page.file, right: i, unmet: [] });
  }
  for (const [i, wrong] of page.wrong.entries()) {
    const w = await openLab({ course });
    await w.lessons.open(page.id);
    await type(w, page, wrong, false);
    expect({ file: page.file, wrong: i, met: (await w.lessons.goal(page.id)).met }).toEqual({ file: page.file, wrong: i, met: false });
  }
}

/** Every runnable block of a lesson's pages, in order, in one lab, each page opened as the learner opens it. */
export async function walkBlocks(course: CompiledCourse, lessonId: string): Promise<void> {
  const lab = await openLab({ course });
  for (const page of course.pages.filter((p) => p.lessonId === lessonId)) {
    await lab.lessons.open(page.id);
    for (const block of page.runs) await type(lab, page, block, true);
  }
}
