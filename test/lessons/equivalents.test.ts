/**
 * Issue 10: "every equivalent way must pass". pages.test.ts runs each page's
 * one solution and its wrong solutions; this file types OTHER correct ways
 * (the long or short command form, an ID for a name, exec instead of run,
 * a redirect instead of -o, five commands instead of one) and checks each
 * reaches the goal from the page's start state, and that value questions
 * accept every spelling of the right answer and refuse near misses.
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

/** The conditions still unmet after typing the lines ([] = goal met). */
async function unmet(pageId: string, lines: readonly string[]): Promise<string[]> {
  const lab = await after(pageId, lines);
  return (await lab.lessons.goal(pageId)).conditions.filter((c) => !c.met).map((c) => c.say);
}

/** Other ways to reach each page's goal. */
const WAYS: Record<string, string[][]> = {
  'layers/copy-on-write': [
    ["docker create --name cow alpine sh -c 'echo bye > /etc/motd'", 'docker start -a cow'],
    ['docker run -d --name cow alpine sleep 300', "docker exec cow sh -c 'echo more >> /etc/motd'"],
  ],
  'layers/exercise': [
    ['docker run -d --name mypage nginx', "docker exec mypage sh -c 'echo hi > /usr/share/nginx/html/index.html'"],
    ["docker container run --name mypage nginx:latest sh -c 'echo hi >> /usr/share/nginx/html/index.html'"],
  ],
  'names-tags-cleanup/pulling-by-name': [
    ['docker image pull docker.io/library/redis:latest', 'docker pull mongo:4.2.24', 'docker pull busybox:glibc'],
    ['docker pull -a busybox', 'docker pull redis', 'docker image pull library/mongo:4.2.24'],
  ],
  'names-tags-cleanup/layers-in-a-pull': [['docker image pull ubuntu', 'docker image pull redis:latest', 'docker image pull nginx:latest']],
  'names-tags-cleanup/prune': [
    ['docker container commit box2 old:1', 'docker rmi $(docker images -f dangling=true -q)'],
    ['docker commit box2 old:1', 'docker image prune --force'],
  ],
  'names-tags-cleanup/removing-images': [['docker image rm busybox alpine:3.21'], ['docker rmi busybox:latest 553a3dab0c9d']],
  'names-tags-cleanup/exercise-cleanup': [
    ['docker stop web', 'docker rm web', 'docker image rm nginx', 'docker rmi $(docker images -f dangling=true -q)'],
    ['docker rm -f web', 'docker image prune -a -f'],
    ['docker container rm --force web', 'docker rmi 975e73a6f853 553a3dab0c9d c19cf003282c'],
  ],
  'inside-an-image/build-hello': [
    [
      'mkdir hello2 && cd hello2',
      "echo 'print(\"Hello, World!\")' > app.py",
      'printf \'FROM python:3.9-slim\\nWORKDIR /app\\nCOPY . /app\\nCMD ["python", "app.py"]\\n\' > Dockerfile',
      'docker image build -t hello:latest .',
      'docker container run hello',
    ],
  ],
  'inside-an-image/tags': [
    ['docker pull nginx:1.27.1-bookworm', 'docker tag nginx:1.27.1-bookworm nginx:1.27.1', 'docker tag hello hello:1.0.0'],
    ['docker image pull nginx:1.27.1', 'docker build -t hello:1.0.0 ~/hello-app'],
  ],
  'inside-an-image/removing': [['docker rmi nginx:1.27.1'], ['docker image rm c9c5f63b7a1b']],
  'inside-an-image/save': [
    ['cd ~', 'docker image save hello:1.0.0 > hello_image.tar', 'mkdir hello_image', 'cd hello_image', 'tar xf ../hello_image.tar'],
    ['cd ~/hello-app', 'docker save --output ../hello_image.tar hello:1.0.0', 'cd ~ && mkdir hello_image && tar -x -f hello_image.tar -C hello_image'],
  ],
  'inside-an-image/export': [
    ['docker run --name xx hello:1.0.0', 'docker export xx > ~/hello_fs.tar'],
    ['cd ~', 'ID=$(docker create hello:1.0.0)', 'docker container export --output hello_fs.tar $ID'],
  ],
  'inside-an-image/exercise': [
    ['cd ~', 'docker image save quote:1.0 -o quote.tar', 'docker run --name qq quote:1.0', 'docker container export -o quote_fs.tar qq'],
    ['docker save quote:1.0 > ~/quote.tar', 'docker export $(docker create quote:1.0) > ~/quote_fs.tar'],
  ],
};

describe('other ways to reach a goal pass', () => {
  it('names pages that exist and have a goal', () => {
    const withGoal = new Set(course.pages.filter((p) => p.goal.length > 0).map((p) => p.id));
    expect(Object.keys(WAYS).filter((id) => !withGoal.has(id))).toEqual([]);
  });
  for (const [pageId, ways] of Object.entries(WAYS)) {
    for (const [i, lines] of ways.entries()) {
      it(`${pageId}, way ${i + 1}`, async () => {
        expect({ pageId, way: i + 1, unmet: await unmet(pageId, lines) }).toEqual({ pageId, way: i + 1, unmet: [] });
      }, 120_000);
    }
  }
});

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
