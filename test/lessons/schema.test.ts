/**
 * The lesson files' schema and compiler: a valid course compiles into the
 * page's blocks and the worker's data; a bad file fails with its path, line
 * and field named, and fails `vite build` the same way (through the plugin).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'vite';
import { compileCourse, LessonError, type LessonFile } from '../../worker/lessons/compile.ts';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';
import { layerlabCourse } from '../../worker/lessons/vite-plugin.ts';
import { updatedReadme } from '../../worker/lessons/readme.ts';
import { readFileSync } from 'node:fs';

const FIXTURE = resolve(import.meta.dirname, 'fixtures/course');
const META: LessonFile = { path: 'lessons/01-basics/meta.md', text: '---\ntitle: Basics\nsummary: S.\nseed: "000"\n---\nIntro.\n' };

/** The LessonError's lines for a course of META plus one page with this text. */
function problems(page: string, path = 'lessons/01-basics/01-one/content.md'): string {
  try {
    compileCourse([META, { path, text: page }]);
  } catch (err) {
    if (err instanceof LessonError) return err.message;
    throw err;
  }
  throw new Error('compiled without error');
}

describe('lesson schema', () => {
  it('carries a page\'s layer-view pointer to the page, and names a malformed one', () => {
    const page = (layers: string): string => `---\ntitle: One\nlayers: ${layers}\n---\nText.\n`;
    const c = compileCourse([META, { path: 'lessons/01-basics/01-one/content.md', text: page('{ shared: [alpine, "hello:v0.1"] }') }]);
    expect(c.course.lessons[0]!.pages[0]!.layers).toEqual({ shared: ['alpine', 'hello:v0.1'] });
    const one = compileCourse([META, { path: 'lessons/01-basics/01-one/content.md', text: page('{ layer: 0, of: alpine }') }]);
    expect(one.course.lessons[0]!.pages[0]!.layers).toEqual({ layer: 0, of: 'alpine' });
    expect(problems(page('{ shared: [alpine] }'))).toContain('layers');
    expect(problems(page('{ picture: alpine }'))).toContain('layers');
  });

  it('compiles the fixture course: ids, order, rendered blocks, worker data', () => {
    const c = loadCourseDir(FIXTURE);
    expect(c.course.lessons.map((l) => [l.id, l.pages.map((p) => p.id)])).toEqual([['basics', ['basics/welcome', 'basics/commit', 'basics/build', 'basics/many']]]);
    const welcome = c.course.lessons[0]!.pages[0]!;
    expect(welcome.blocks).toEqual([
      {
        kind: 'html',
        html: '<p>Pull an image and list it. See <a href="https://docs.docker.com/" target="_blank" rel="noopener noreferrer">the docs</a> or the <a href="#/lessons/basics/commit">next page</a>.</p>\n',
      },
      { kind: 'code', lang: 'sh', text: 'docker pull alpine\ndocker images', runnable: true, placeholders: [] },
      { kind: 'html', html: '<p>Output looks like this:</p>\n' },
      { kind: 'code', lang: 'text', text: 'REPOSITORY   TAG       IMAGE ID', runnable: false, placeholders: [] },
      { kind: 'html', html: '<p>&lt;b&gt;raw html stays text&lt;/b&gt; and [bad](javascript:alert(1)) links are refused.</p>\n' },
    ]);
    const commit = c.pages.find((p) => p.id === 'basics/commit')!;
    expect(commit.owns).toEqual({ images: ['ourfiglet'], containers: ['fig'], files: [] });
    // Without `owns`, what the goal names.
    expect(c.pages.find((p) => p.id === 'basics/build')!.owns).toEqual({ images: ['hello:v0.2'], containers: [], files: [] });
    expect(commit.solution).toEqual([
      { line: 'docker run --name fig alpine sh -c "apk add figlet"', rc: 0 },
      { line: 'docker commit fig ourfiglet', rc: 0 },
    ]);
    expect(commit.answers).toEqual({ 'what-is': 1, 'top-layer': '$layerAdding' });
    expect(c.course.lessons[0]!.pages[1]!.questions).toEqual([
      { id: 'what-is', ask: 'What did docker commit make?', choice: ['A container', 'An image', 'A volume'], kind: 'choice' },
      { id: 'top-layer', ask: 'Paste the digest of the layer that adds figlet.', kind: 'value' },
    ]);
    expect(c.course.lessons[0]!.pages[1]!.blocks.at(-1)).toEqual({ kind: 'code', lang: 'sh', text: 'docker diff <container_id>', runnable: true, placeholders: ['container_id'] });
    expect(c.seeds).toEqual({ basics: '000' });
  });

  it('refuses unsafe links and never lets raw HTML through', () => {
    const c = compileCourse([META, { path: 'lessons/01-basics/01-one/content.md', text: '---\ntitle: T\n---\n[x](javascript:alert%281%29) <script>alert(1)</script> <img src=x onerror=alert(1)>\n' }]);
    expect(c.course.lessons[0]!.pages[0]!.blocks).toEqual([
      { kind: 'html', html: '<p>[x](javascript:alert%281%29) &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>\n' },
    ]);
  });

  it('names the file, line and field of an unknown condition key', () => {
    expect(problems('---\ntitle: T\ngoal:\n  - image: x\n    addz: /bin\n    say: S.\nsolution: [ls]\n---\n')).toEqual(
      'invalid lesson file lessons/01-basics/01-one/content.md:\n  line 4: goal[0]: unknown field "addz"',
    );
  });

  it('names a condition without its say', () => {
    expect(problems('---\ntitle: T\ngoal:\n  - noImage: x\nsolution: [ls]\n---\n')).toEqual('invalid lesson file lessons/01-basics/01-one/content.md:\n  line 4: goal[0].say: is required');
  });

  it('names a wrong type and a missing title together, each on its line', () => {
    expect(problems('---\nexercise: yes\ngoal:\n  - dangling: many\n    say: S.\n---\n')).toEqual(
      [
        'invalid lesson file lessons/01-basics/01-one/content.md:',
        '  line 2: title: is required',
        '  line 2: exercise: Invalid input: expected boolean, received string',
        '  line 4: goal[0].dangling: Invalid input: expected number, received string',
      ].join('\n'),
    );
  });

  it('checks questions: answer index in range, solution answers for each question', () => {
    expect(problems('---\ntitle: T\nquestions:\n  - id: q\n    ask: A?\n    choice: [a, b]\n    answer: 2\n    why: W.\nsolution: []\n---\n')).toEqual(
      'invalid lesson file lessons/01-basics/01-one/content.md:\n  line 7: questions[0].answer: is 2, but there are only 2 choices\n  line 2: answers: needs the solution\'s answer to question "q"',
    );
  });

  it('refuses an exercise with nothing to pass', () => {
    expect(problems('---\ntitle: T\nexercise: true\n---\n')).toEqual('invalid lesson file lessons/01-basics/01-one/content.md:\n  line 3: exercise: an exercise needs a goal or questions (something to pass)');
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problems('---\ntitle: T\nhints: [a\n---\n')).toMatch(/^invalid lesson file lessons\/01-basics\/01-one\/content\.md:\n {2}line \d: YAML: /);
  });

  it('names a badly named page folder and a missing meta.md', () => {
    expect(problems('---\ntitle: T\n---\n', 'lessons/01-basics/one/content.md')).toEqual('invalid lesson file lessons/01-basics/one/content.md:\n  the page folder "one" must be named NN-slug');
    expect(() => compileCourse([{ path: 'lessons/02-x/01-a/content.md', text: '---\ntitle: T\n---\n' }])).toThrow('invalid lesson file lessons/02-x/meta.md:\n  missing: every lesson folder needs a meta.md');
  });

  it('lessons/README.md documents the schema as it is (regenerate: npx tsx worker/lessons/readme.ts)', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../lessons/README.md'), 'utf8');
    expect(text).toEqual(updatedReadme(text));
  });

  it('fails vite build with the file and field named', async () => {
    const root = mkdtempSync(join(tmpdir(), 'layerlab-lessons-'));
    try {
      mkdirSync(join(root, 'lessons/01-basics/01-one'), { recursive: true });
      writeFileSync(join(root, 'lessons/01-basics/meta.md'), META.text);
      writeFileSync(join(root, 'lessons/01-basics/01-one/content.md'), '---\ntitle: T\nstart:\n  imagez: [alpine]\n---\n');
      writeFileSync(join(root, 'main.js'), "import course from 'virtual:layerlab-course';\nconsole.log(course);\n");
      const run = build({ root, configFile: false, logLevel: 'silent', plugins: [layerlabCourse()], build: { write: false, lib: { entry: join(root, 'main.js'), formats: ['es'] } } });
      await expect(run).rejects.toThrow('invalid lesson file lessons/01-basics/01-one/content.md:\n  line 4: start: unknown field "imagez"');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
