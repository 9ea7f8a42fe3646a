/**
 * Issue 10: answers are checked on the lab's state, and feedback must not be
 * too lax. pages.test.ts gives each question the solution's own answer; this
 * file types, after a page's solution, every spelling of the right answer a
 * learner may paste (a full digest, bare hex, a 12-digit prefix; the
 * instruction as `docker history` prints it or as the Dockerfile has it) and
 * the near misses that must be refused (a neighbouring layer, a truncated
 * instruction, a count off by one). Other ways to reach a goal are the
 * pages' own `right:` lists, which pages.test.ts types.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAnswer, evaluate } from '../../worker/lessons/check.ts';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';
import { openLab, type Lab } from './lab.ts';

const course = loadCourseDir(resolve(import.meta.dirname, '../../lessons'));

/** A lab on `pageId` after its start state and these lines (each must exit 0). */
async function after(pageId: string, lines: readonly string[]): Promise<Lab> {
  const lab = await openLab({ course });
  await lab.lessons.open(pageId);
  for (const line of lines) await lab.run(line);
  return lab;
}

/** A value question's verdicts on answers, after the page's own solution. */
async function verdicts(pageId: string, questionId: string, answers: (right: string, lab: Lab) => Promise<string[]> | string[]): Promise<boolean[]> {
  const page = course.pages.find((p) => p.id === pageId)!;
  const lab = await after(pageId, page.solution.filter((l) => l.rc === 0).map((l) => l.line));
  const q = page.questions.find((x) => x.id === questionId)!;
  const snap = await lab.snap();
  const v = await evaluate(q.value!, snap);
  if (!v.ok) throw new Error(v.why);
  const out: boolean[] = [];
  for (const a of await answers(v.value, lab)) out.push((await checkAnswer(q, a, snap)).correct);
  return out;
}

describe('value questions accept the right answer in every spelling and nothing else', () => {
  it('layers/exercise: the instruction that made nginx layer 3', async () => {
    const given = ['COPY docker-entrypoint.sh / # buildkit', 'COPY docker-entrypoint.sh /', '  COPY  docker-entrypoint.sh / ', 'COPY docker-entrypoint.sh', 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d'];
    expect(await verdicts('layers/exercise', 'made-by', () => given)).toEqual([true, true, true, false, false]);
  }, 120_000);
  it('layers/exercise: shared layers of nginx and python:3.9-slim', async () => {
    expect(await verdicts('layers/exercise', 'shared', () => ['1', ' 1 ', '0', '5', 'one'])).toEqual([true, true, false, false, false]);
  }, 120_000);
  it('inside-an-image/exercise: the layer holding /app/quote.txt, not the WORKDIR or RUN layer', async () => {
    const result = await verdicts('inside-an-image/exercise', 'app-layer', async (right, lab) => {
      const layers = (await lab.snap()).image('quote:1.0')!.diffIds;
      expect(layers.indexOf(right)).toEqual(2);
      const hex = right.slice(7);
      return [right, hex, hex.slice(0, 12), `sha256:${hex.slice(0, 12)}`, hex.slice(0, 11), layers[1]!, layers[3]!, layers[0]!];
    });
    expect(result).toEqual([true, true, true, true, false, false, false, false]);
  }, 120_000);
  it('inside-an-image/manifest-and-layers: the layer count', async () => {
    expect(await verdicts('inside-an-image/manifest-and-layers', 'layer-count', () => ['7', '6', '5'])).toEqual([true, false, false]);
  }, 120_000);
});
