/**
 * The one schema of lesson files (design.md §10): a lesson's `meta.md` and a
 * page's `content.md` frontmatter. Every field carries a `.describe()`: those
 * sentences are the authors' documentation (lessons/README.md is generated
 * from them by scripts/lessons-readme.ts, as tutorialkit documents its
 * frontmatter from its schema).
 *
 * This module runs at BUILD time only (the Vite plugin, Node tests): zod is a
 * devDependency and never reaches the page or the worker bundle. Runtime code
 * imports the inferred types with `import type`.
 */
import { z } from 'zod';

/** An image reference (`alpine`, `hello:v0.1`) or an image ID prefix of 12+ hex digits. */
const Ref = z.string().min(1).describe('An image reference (`alpine`, `hello:v0.1`, `docker.io/library/alpine:3.21`) or an image ID prefix of 12 or more hex digits.');
/** A path: absolute inside an image or container, relative to ~ for home files. */
const ImagePath = z.string().regex(/^\//, 'must be an absolute path (start with /)').describe('An absolute path inside the image or container, e.g. `/usr/bin/figlet`.');
const HomePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must be relative to the home directory (no leading /, no ..)')
  .describe('A path relative to the home directory (~ = /home/learner), e.g. `hello/Dockerfile`.');
const Say = z.string().min(1).describe('Required on every condition: the plain sentence shown while the condition is unmet ("No image tagged ourfiglet yet.").');
const Count = z.number().int().min(0);

/** `image: REF` and its refinements. */
const ImageCondition = z
  .strictObject({
    image: Ref.describe('An image with this reference (or ID prefix, 12+ hex) exists.'),
    adds: ImagePath.optional().describe("Its top non-empty layer adds or changes this path (or something below it)."),
    basedOn: Ref.optional().describe("Its layers begin with all of this image's layers."),
    sharesWith: z
      .strictObject({
        image: Ref.describe('The other image.'),
        layers: Count.describe('Exactly this many layers in common (the common base of both stacks).'),
      })
      .optional()
      .describe('It has exactly N layers in common with another image.'),
    cmd: z.array(z.string()).optional().describe('Its config Cmd is exactly this list.'),
    entrypoint: z.array(z.string()).optional().describe('Its config Entrypoint is exactly this list.'),
    env: z.string().regex(/^[^=]+=/, 'must be K=V').optional().describe('Its config Env holds this `K=V` entry.'),
    workdir: ImagePath.optional().describe('Its config WorkingDir is this path.'),
    layers: Count.optional().describe('It has exactly N layers (RootFS.Layers, the layers `docker image inspect` lists).'),
    history: Count.optional().describe('Its history has exactly N entries (the rows of `docker history`, empty layers included).'),
    say: Say,
  })
  .describe('`image: REF`: an image with this reference exists, with optional refinements.');

const ContainerFields = {
  name: z.string().min(1).optional().describe('The container name (without `/`).'),
  image: Ref.optional().describe('The image it was created from, by reference or image ID.'),
  status: z.enum(['created', 'running', 'exited', 'paused']).optional().describe('Its status.'),
};

/** The closed set of goal conditions (lessons/README.md lists them). */
export const Condition = z
  .union([
    ImageCondition,
    z.strictObject({ noImage: Ref.describe('No image has this reference (or ID prefix).'), say: Say }).describe('`noImage: REF`: no image with this reference.'),
    z
      .strictObject({
        dangling: z
          .union([Count, z.strictObject({ max: Count.describe('At most this many.') })])
          .describe('Exactly N dangling images (`<none>:<none>`, untagged and not the parent of another image, what `docker images -f dangling=true` lists), or `{max: N}`.'),
        say: Say,
      })
      .describe('`dangling: N`: how many dangling images there are.'),
    z
      .strictObject({
        container: z
          .strictObject({
            ...ContainerFields,
            exitCode: z.number().int().optional().describe('Its exit code (exited containers).'),
            changed: ImagePath.optional().describe('`docker diff` lists this path as changed (C).'),
            deleted: ImagePath.optional().describe('`docker diff` lists this path as deleted (D).'),
            added: ImagePath.optional().describe('`docker diff` lists this path as added (A).'),
          })
          .describe('The fields a container must match, all of them.'),
        say: Say,
      })
      .describe('`container: {…}`: some container matches all the given fields.'),
    z
      .strictObject({
        noContainer: z.strictObject(ContainerFields).describe('The fields no container may match all of.'),
        say: Say,
      })
      .describe('`noContainer: {…}`: no container matches.'),
    z
      .strictObject({
        file: HomePath.describe('The home file exists.'),
        tarHas: z.string().min(1).optional().describe('It is a tar archive holding this member path (e.g. `manifest.json`, `app/index.js`).'),
        contains: z.string().min(1).optional().describe('Its text contains this string.'),
        say: Say,
      })
      .describe('`file: PATH`: a file in the home directory.'),
    z.strictObject({ noFile: HomePath.describe('This home path does not exist.'), say: Say }).describe('`noFile: PATH`: no such home file.'),
    z
      .strictObject({
        build: z
          .strictObject({
            tag: Ref.describe('The last `docker build` succeeded and tagged this reference.'),
            cached: z.array(z.string().min(1)).optional().describe('Instruction prefixes (`"RUN apk"`, `"COPY"`) whose steps were cache hits.'),
            rebuilt: z.array(z.string().min(1)).optional().describe('Instruction prefixes whose steps were executed (not from the cache).'),
            builder: z.enum(['legacy', 'buildkit']).optional().describe('Which builder ran it (`DOCKER_BUILDKIT=0` selects legacy).'),
          })
          .describe('What the last build must show.'),
        say: Say,
      })
      .describe('`build: {…}`: the LAST build produced the tag, with these cache results.'),
  ])
  .describe('One goal condition; exactly one of the keys image, noImage, dangling, container, noContainer, file, noFile, build, plus `say`.');

/** Expressions a `value` question's answer is checked against. */
export const ValueExpr = z
  .union([
    z.strictObject({ layerAdding: z.strictObject({ image: Ref, path: ImagePath }).describe('The DiffID (`sha256:…`) of the topmost layer of the image that adds or changes the path.') }),
    z.strictObject({ imageId: Ref.describe('The image ID of this reference.') }),
    z.strictObject({ layerCount: Ref.describe('How many layers the image has.') }),
    z.strictObject({ sharedLayers: z.tuple([Ref, Ref]).describe('How many layers two images have in common.') }),
    z.strictObject({ imageSize: Ref.describe('The SIZE column of `docker images` for the image, e.g. `7.8MB`.') }),
    z.strictObject({
      historyCreatedBy: z
        .strictObject({ image: Ref, layer: z.number().int().min(1).describe('1 = the bottom layer, as RootFS.Layers lists them.') })
        .describe('The instruction (`created_by`) that made the image\'s Nth layer.'),
    }),
  ])
  .describe('A value computed from the lab. Digests match in full, as hex with or without `sha256:`, or by a 12+ hex prefix; numbers and sizes as written; instructions ignoring `/bin/sh -c`, `#(nop)` and `# buildkit`.');

/** A check-for-understanding question. */
export const Question = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and -').describe('Unique in the page; `answers:` refers to it.'),
    ask: z.string().min(1).describe('The question, as the page shows it.'),
    choice: z.array(z.string().min(1)).min(2).optional().describe('The options of a multiple-choice question.'),
    answer: z.number().int().min(0).optional().describe('With `choice`: the index (from 0) of the right option.'),
    value: ValueExpr.optional().describe('Instead of `choice`: the answer is a value read from the terminal, checked against this expression on the lab state.'),
    why: z.string().min(1).describe('The explanation shown after any answer, right or wrong: it teaches.'),
  })
  .superRefine((q, ctx) => {
    if ((q.choice === undefined) === (q.value === undefined)) ctx.addIssue({ code: 'custom', message: 'a question has either `choice` (with `answer`) or `value`', path: ['choice'] });
    if (q.choice !== undefined && q.answer === undefined) ctx.addIssue({ code: 'custom', message: 'a `choice` question needs `answer`', path: ['answer'] });
    if (q.choice !== undefined && q.answer !== undefined && q.answer >= q.choice.length) ctx.addIssue({ code: 'custom', message: `is ${q.answer}, but there are only ${q.choice.length} choices`, path: ['answer'] });
    if (q.value !== undefined && q.answer !== undefined) ctx.addIssue({ code: 'custom', message: 'a `value` question takes no `answer` index', path: ['answer'] });
  })
  .describe('A question: either a choice or a value read from the lab.');

/** The state a page needs when opened directly. */
export const Start = z
  .union([
    z.literal('continue').describe('Nothing to set up: the page follows the previous one.'),
    z
      .strictObject({
        images: z.array(Ref).optional().describe('Pulled from the simulated Hub if missing (silently).'),
        files: z.record(HomePath, z.string()).optional().describe('Home files (path relative to ~: content) written if missing.'),
        builds: z
          .array(
            z.strictObject({
              tag: Ref.describe('Built if no image has this tag.'),
              context: HomePath.describe('The build context, a directory relative to ~.'),
              dockerfile: HomePath.optional().describe('Relative to ~; defaults to `<context>/Dockerfile`.'),
              builder: z.enum(['legacy', 'buildkit']).optional().describe('Defaults to buildkit.'),
            }),
          )
          .optional()
          .describe("Images built with the engine's builder when their tag is missing (after `files`)."),
        containers: z
          .array(
            z.strictObject({
              name: z.string().min(1).describe('Created only if no container has this name.'),
              image: Ref.describe('Its image (pulled if missing).'),
              cmd: z.array(z.string()).optional().describe("The command; defaults to the image's."),
              detach: z.boolean().optional().describe('Started and left running; otherwise run to completion.'),
              create: z.boolean().optional().describe('Only created, never started (status created).'),
            }),
          )
          .optional()
          .describe('Containers made when no container has the name (after `builds`).'),
        commits: z
          .array(z.strictObject({ container: z.string().min(1).describe('The container to commit.'), tag: Ref.describe('Committed if no image has this tag.') }))
          .optional()
          .describe('Images committed from the containers above when their tag is missing.'),
      })
      .describe('What to ensure; everything already present is left as it is.'),
  ])
  .describe('The state the page needs when a learner opens it directly. `continue` (the default) sets up nothing.');

/** What the layer view points at while a page is open. */
const LayerPointer = z
  .union([
    z.strictObject({ image: Ref }),
    z.strictObject({ layer: z.union([z.string().regex(/^(sha256:)?[0-9a-f]{4,64}$/), z.number().int().min(0)]), of: Ref.optional() }),
    z.strictObject({ container: z.string().min(1) }),
    z.strictObject({ shared: z.array(Ref).min(2) }),
  ])
  .describe(
    'What the layer view points at while the page is open: `{image: REF}`, `{layer: DIGEST}`, `{layer: N, of: REF}` (0 = the base layer), `{container: NAME}`, or `{shared: [REF, REF]}` (the layers those images share). The learner sees it lit; on a phone the Layers tab shows it.',
  );

/** A page's `content.md` frontmatter. */
export const PageFrontmatter = z
  .strictObject({
    title: z.string().min(1).describe('The page title (navigator and heading).'),
    exercise: z.boolean().optional().describe('Counts as an exercise in progress (the closing exercises); it needs a goal or questions.'),
    start: Start.optional(),
    goal: z.array(Condition).min(1).optional().describe('Conditions on the lab state; the goal is met when ALL hold. Checked after every change, never on typed text.'),
    questions: z.array(Question).optional().describe('Check-for-understanding questions.'),
    hints: z.array(z.string().min(1)).optional().describe('Hints, shown one at a time.'),
    layers: LayerPointer.optional(),
    solution: z
      .array(z.string().min(1))
      .optional()
      .describe('Command lines that reach the goal, in order (shown by "Show solution", run by the tests). A trailing ` #! rc=N` says the line exits N (it is not shown).'),
    answers: z
      .record(z.string(), z.union([z.number(), z.string()]))
      .optional()
      .describe('The solution\'s answer to each question: a choice index, or a value; `$layerAdding` (any `$` + expression key) means "the value the expression computes".'),
    right: z
      .array(z.array(z.string().min(1)))
      .optional()
      .describe('Other right solutions (another command, an ID instead of a name, five commands instead of one): each a list of command lines run from the start state that must meet the goal.'),
    wrong: z.array(z.array(z.string().min(1))).optional().describe('Wrong solutions: each a list of command lines run from the start state that must leave the goal unmet.'),
    owns: z
      .strictObject({
        images: z.array(Ref).optional().describe('References removed by "Reset this page".'),
        containers: z.array(z.string()).optional().describe('Container names removed by "Reset this page".'),
        files: z.array(HomePath).optional().describe('Home paths removed by "Reset this page".'),
      })
      .optional()
      .describe('What "Reset this page" removes before restoring the start (default: the references, names and files the goal mentions).'),
    fill: z
      .record(z.string().regex(/^[a-z_]+$/), z.string())
      .optional()
      .describe('Example values for `<name>` placeholders the learner types (shown as the field\'s example, used by the tests).'),
  })
  .superRefine((p, ctx) => {
    const needsSolution = (p.goal?.length ?? 0) > 0 || (p.questions?.length ?? 0) > 0;
    if (needsSolution && !p.solution) ctx.addIssue({ code: 'custom', message: 'is required when the page has a goal or questions', path: ['solution'] });
    if (p.exercise && !needsSolution) ctx.addIssue({ code: 'custom', message: 'an exercise needs a goal or questions (something to pass)', path: ['exercise'] });
    const ids = new Set<string>();
    for (const [i, q] of (p.questions ?? []).entries()) {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', message: `duplicate question id "${q.id}"`, path: ['questions', i, 'id'] });
      ids.add(q.id);
    }
    for (const q of p.questions ?? []) {
      if (p.answers?.[q.id] === undefined) ctx.addIssue({ code: 'custom', message: `needs the solution's answer to question "${q.id}"`, path: ['answers'] });
    }
    for (const key of Object.keys(p.answers ?? {})) {
      if (!ids.has(key)) ctx.addIssue({ code: 'custom', message: `no question has id "${key}"`, path: ['answers', key] });
    }
  })
  .describe("A page's frontmatter (`NN-lesson/NN-page/content.md`).");

/** A lesson's `meta.md` frontmatter. */
export const LessonMeta = z
  .strictObject({
    title: z.string().min(1).describe('The lesson title.'),
    summary: z.string().min(1).describe('One or two sentences for the navigator.'),
    seed: z.string().regex(/^\d{3}$/, 'must be three digits, e.g. "000"').describe('The seed chapter it follows (`000`…`004`); the review test compares the pages with it.'),
  })
  .describe("A lesson's frontmatter (`NN-lesson/meta.md`); the body is a short intro.");

export type ConditionSpec = z.infer<typeof Condition>;
export type ValueSpec = z.infer<typeof ValueExpr>;
export type QuestionSpec = z.infer<typeof Question>;
export type StartSpec = z.infer<typeof Start>;
export type PageSpec = z.infer<typeof PageFrontmatter>;
export type LessonSpec = z.infer<typeof LessonMeta>;
