/**
 * Lessons 1 and 3: every equivalent way of reaching a page's goal passes
 * (issue 10: `docker images` or `docker image ls`, IDs or names, one command
 * or five, a commit from `-it` or from `sh -c`). pages.test.ts runs each
 * page's own solution and its wrong ones; these are the other right ones a
 * learner is likely to type, each run from the page's start state.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';
import { openLab } from './lab.ts';

const course = loadCourseDir(resolve(import.meta.dirname, '../../lessons'));

/** Page id → ways that must meet its goal, each a list of lines (all exit 0). */
const EQUIVALENTS: Record<string, string[][]> = {
  'images-and-containers/hello-world': [
    ['docker run hello-world'],
    ['docker pull hello-world', 'docker container create --name hw hello-world', 'docker start -a hw'],
  ],
  'images-and-containers/alpine': [['docker pull alpine'], ['docker run alpine true']],
  'images-and-containers/interactive': [
    ['docker container run -it alpine:latest', 'hostname', 'exit'],
    ['docker run -ti alpine', 'exit'],
  ],
  'images-and-containers/commit': [
    ['docker container run -it alpine:latest', 'apk update', 'apk add bash', 'bash', 'exit', 'exit', 'docker container commit $(docker container ls -lq) alpine:bash'],
    ['docker run alpine sh -c "apk add bash"', 'docker commit $(docker ps -lq) alpine:bash'],
    ['docker run --name bashy alpine apk add bash', 'docker commit bashy', 'docker tag $(docker images -q --filter dangling=true) alpine:bash'],
  ],
  'images-and-containers/save-load': [
    ['docker image save -o alpine_bash.tar alpine:bash'],
    ['docker save alpine:bash > alpine_bash.tar'],
    ['docker save alpine:bash alpine > alpine_bash.tar'],
  ],
  'images-and-containers/exercise': [
    ['docker container run -it alpine:bash /bin/bash', 'apk add nano', 'exit', 'docker container commit $(docker container ls -lq) alpine:tools'],
    ['docker run -it alpine:bash sh', 'apk update', 'apk add curl', 'exit', 'docker commit $(docker ps -lq) alpine:tools'],
    ['docker run alpine:bash apk add git', 'docker commit $(docker ps -lq)', 'docker tag $(docker images -q | head -n 1) alpine:tools'],
    ['docker run --name two alpine:bash sh -c "apk add jq && apk add curl"', 'docker commit two alpine:tools'],
  ],
  'doing-more-with-images/figlet-container': [
    ['docker container run -ti ubuntu bash', 'apt-get update', 'apt-get install -y figlet', 'figlet "hello docker"', 'exit'],
    ['docker run ubuntu sh -c "apt-get update; apt-get install -y figlet"'],
  ],
  'doing-more-with-images/commit-and-tag': [
    ['docker commit figlet-setup ourfiglet'],
    ['docker container commit $(docker container ls -lq)', 'docker image tag $(docker image ls -q | head -n 1) ourfiglet:latest'],
    ['docker container run -ti ubuntu bash', 'apt-get update', 'apt-get install -y figlet', 'exit', 'docker commit $(docker ps -lq) ourfiglet'],
  ],
  'doing-more-with-images/dockerfile': [
    [
      'mkdir hello',
      'cd hello',
      `cat > index.js <<'EOF'\nvar os = require("os");\nvar hostname = os.hostname();\nconsole.log("hello from " + hostname);\nEOF`,
      `cat > Dockerfile <<'EOF'\nFROM alpine\nRUN apk update && apk add nodejs\nCOPY . /app\nWORKDIR /app\nCMD ["node","index.js"]\nEOF`,
    ],
  ],
  'doing-more-with-images/build': [
    ['docker build -t hello:v0.1 hello'],
    ['cd hello', 'DOCKER_BUILDKIT=0 docker build -t hello:v0.1 .'],
    ['cd ~/hello && docker image build --tag hello:v0.1 .'],
  ],
  'doing-more-with-images/cache': [
    [`echo 'console.log("v2");' >> hello/index.js`, 'docker build -t hello:v0.2 hello'],
    ['cd hello', "sed -i 's/hello from/hi from/' index.js", 'docker image build -t hello:v0.2 .'],
    ['cd hello', "echo '// v2' >> index.js", 'docker build -t hello:v0.2 -t hello:latest .'],
  ],
  'doing-more-with-images/read-only-layers': [
    ['docker run hello:v0.2 sh -c "rm /app/index.js"'],
    ['docker run --name gone $(docker images -q hello:v0.2) rm -f /app/index.js'],
    ['docker run -it hello:v0.2 sh', 'rm /app/index.js', 'exit'],
  ],
};

describe('lessons 1 and 3: equivalent solutions meet the goal', () => {
  for (const [pageId, ways] of Object.entries(EQUIVALENTS)) {
    const page = course.pages.find((p) => p.id === pageId);
    for (const [i, lines] of ways.entries()) {
      it(`${pageId} #${i + 1}: ${lines.join(' ; ').replace(/\n[\s\S]*?EOF/g, ' …').slice(0, 120)}`, { timeout: 120_000 }, async () => {
        expect(page, `no page ${pageId}`).toBeDefined();
        const lab = await openLab({ course });
        await lab.lessons.open(pageId);
        for (const line of lines) await lab.run(line);
        expect(await lab.lessons.goal(pageId)).toEqual({ pageId, conditions: page!.goal.map((c) => ({ met: true, say: c.say })), met: true });
        await lab.session.close();
      });
    }
  }
});
