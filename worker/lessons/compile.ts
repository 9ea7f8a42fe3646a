/**
 * `lessons/**` into a {@link CompiledCourse} (build time only: the Vite
 * plugin and Node tests). Every file is validated by schema.ts; the first
 * problems found are thrown as one {@link LessonError} naming the file, the
 * line and the field (`lessons/01-x/02-y/content.md:7: goal[0].image: …`), so
 * a bad lesson fails `vite build` with something an author can act on.
 *
 * Layout (design.md §10): `NN-lessonSlug/meta.md` and
 * `NN-lessonSlug/NN-pageSlug/content.md`, ordered by their numbers; ids drop
 * the numbers (`images-and-containers/hello-world`).
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { CourseLesson, CoursePage } from '../api.ts';
import { renderBody } from './markdown.ts';
import { LessonMeta, PageFrontmatter, type ConditionSpec, type PageSpec } from './schema.ts';
import type { CompiledCourse, PageData, ScriptLine } from './types.ts';

/** A lesson file that does not validate. `message` names file, line and field. */
export class LessonError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid lesson file ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'LessonError';
  }
}

/** One file of the lessons directory: its path relative to the repository (`lessons/…`) and text. */
export interface LessonFile {
  path: string;
  text: string;
}

const NUMBERED = /^(\d+)-([a-z0-9][a-z0-9-]*)$/;

/** Compiles the lesson files (any order) into the course. Throws LessonError. */
export function compileCourse(files: readonly LessonFile[]): CompiledCourse {
  const lessons = new Map<string, { n: number; slug: string; meta?: LessonFile; pages: Array<{ n: number; slug: string; file: LessonFile }> }>();
  for (const f of files) {
    const parts = f.path.split('/');
    if (parts[0] !== 'lessons' || parts.length < 3) continue;
    const lessonDir = parts[1]!;
    const lm = NUMBERED.exec(lessonDir);
    if (!lm) throw new LessonError(f.path, [`the lesson folder "${lessonDir}" must be named NN-slug (digits, a dash, lowercase letters, digits and dashes)`]);
    const lesson = lessons.get(lessonDir) ?? { n: Number(lm[1]), slug: lm[2]!, pages: [] };
    lessons.set(lessonDir, lesson);
    if (parts.length === 3 && parts[2] === 'meta.md') lesson.meta = f;
    else if (parts.length === 4 && parts[3] === 'content.md') {
      const pm = NUMBERED.exec(parts[2]!);
      if (!pm) throw new LessonError(f.path, [`the page folder "${parts[2]}" must be named NN-slug`]);
      lesson.pages.push({ n: Number(pm[1]), slug: pm[2]!, file: f });
    } else throw new LessonError(f.path, ['unexpected file: a lesson holds meta.md and NN-page/content.md only']);
  }
  const out: CompiledCourse = { course: { lessons: [] }, pages: [], seeds: {} };
  const sorted = [...lessons.values()].sort((a, b) => a.n - b.n);
  const slugs = new Set<string>();
  for (const lesson of sorted) {
    if (!lesson.meta) throw new LessonError(`lessons/${String(lesson.n).padStart(2, '0')}-${lesson.slug}/meta.md`, ['missing: every lesson folder needs a meta.md']);
    if (slugs.has(lesson.slug)) throw new LessonError(lesson.meta.path, [`two lessons have the slug "${lesson.slug}"`]);
    slugs.add(lesson.slug);
    const { data: meta, body } = parseFile(lesson.meta, LessonMeta);
    out.seeds[lesson.slug] = meta.seed;
    const compiled: CourseLesson = { id: lesson.slug, title: meta.title, summary: meta.summary, intro: renderBody(body).blocks, pages: [] };
    const pageSlugs = new Set<string>();
    for (const p of lesson.pages.sort((a, b) => a.n - b.n)) {
      if (pageSlugs.has(p.slug)) throw new LessonError(p.file.path, [`two pages of lesson "${lesson.slug}" have the slug "${p.slug}"`]);
      pageSlugs.add(p.slug);
      const { page, data } = compilePage(lesson.slug, p.slug, p.file);
      compiled.pages.push(page);
      out.pages.push(data);
    }
    out.course.lessons.push(compiled);
  }
  return out;
}

function compilePage(lessonId: string, slug: string, file: LessonFile): { page: CoursePage; data: PageData } {
  const { data: fm, body } = parseFile(file, PageFrontmatter);
  const id = `${lessonId}/${slug}`;
  const rendered = renderBody(body);
  const solution = (fm.solution ?? []).map(scriptLine);
  const page: CoursePage = {
    id,
    lessonId,
    title: fm.title,
    exercise: fm.exercise ?? false,
    blocks: rendered.blocks,
    hints: fm.hints ?? [],
    solution: solution.map((l) => l.line),
    questions: (fm.questions ?? []).map((q) => ({ id: q.id, ask: q.ask, ...(q.choice ? { choice: q.choice } : {}), kind: q.choice ? ('choice' as const) : ('value' as const) })),
    hasGoal: (fm.goal?.length ?? 0) > 0,
    ...(fm.layers ? { layers: fm.layers as CoursePage['layers'] } : {}),
  };
  const data: PageData = {
    id,
    lessonId,
    file: file.path,
    title: fm.title,
    start: fm.start ?? 'continue',
    goal: fm.goal ?? [],
    questions: fm.questions ?? [],
    solution,
    answers: fm.answers ?? {},
    right: (fm.right ?? []).map((w) => w.map(scriptLine)),
    wrong: (fm.wrong ?? []).map((w) => w.map(scriptLine)),
    owns: owned(fm),
    fill: fm.fill ?? {},
    runs: rendered.runs,
  };
  return { page, data };
}

/** A solution line with its ` #! rc=N` annotation taken off. */
function scriptLine(raw: string): ScriptLine {
  const m = / #! rc=(\d+)$/.exec(raw);
  return m ? { line: raw.slice(0, m.index), rc: Number(m[1]) } : { line: raw, rc: 0 };
}

/** `owns`, or by default what the goal names: references, container names, home files. */
function owned(fm: PageSpec): PageData['owns'] {
  if (fm.owns) return { images: fm.owns.images ?? [], containers: fm.owns.containers ?? [], files: fm.owns.files ?? [] };
  const own: PageData['owns'] = { images: [], containers: [], files: [] };
  const add = (list: string[], v: string | undefined): void => {
    if (v !== undefined && !list.includes(v) && !/^(sha256:)?[0-9a-f]{12,64}$/.test(v)) list.push(v);
  };
  for (const c of fm.goal ?? ([] as ConditionSpec[])) {
    if ('image' in c) add(own.images, c.image);
    if ('noImage' in c) add(own.images, c.noImage);
    if ('build' in c) add(own.images, c.build.tag);
    if ('container' in c) add(own.containers, c.container.name);
    if ('noContainer' in c) add(own.containers, c.noContainer.name);
    if ('file' in c) add(own.files, c.file);
    if ('noFile' in c) add(own.files, c.noFile);
  }
  return own;
}

/** Splits frontmatter from body and validates it, or throws LessonError naming each bad field. */
function parseFile<S extends z.ZodType>(file: LessonFile, schema: S): { data: z.infer<S>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(file.text);
  if (!m) throw new LessonError(file.path, ['line 1: the file must start with YAML frontmatter between two `---` lines']);
  const lines = new LineCounter();
  const doc = parseDocument(m[1]!, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // Frontmatter starts on the file's line 2.
    throw new LessonError(file.path, doc.errors.map((e) => `line ${(e.linePos?.[0].line ?? 0) + 1}: YAML: ${e.message.split('\n')[0]}`));
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (!result.success) throw new LessonError(file.path, describeIssues(result.error.issues, doc, lines));
  return { data: result.data, body: file.text.slice(m[0].length) };
}

type Issue = z.core.$ZodIssue;

/**
 * One line per problem: `line N: field.path: message`. For a goal condition
 * that matches no shape, zod reports every alternative; the one with the
 * fewest problems is what the author meant (the one with the right key).
 */
function describeIssues(issues: readonly Issue[], doc: Document, lines: LineCounter): string[] {
  const out: string[] = [];
  const visit = (issue: Issue, base: PropertyKey[]): void => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      if (best.length > 0) {
        for (const sub of best) visit(sub, path);
        return;
      }
    }
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    else if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
    out.push(`line ${lineOf(doc, lines, path)}: ${fieldName(path)}: ${message}`);
  };
  for (const issue of issues) visit(issue, []);
  return [...new Set(out)];
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(frontmatter)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** The file line (1-based, frontmatter starts on line 2) of the deepest YAML node on the path. */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let at = 0;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (pair) {
        at = (pair.key as { range?: [number, number, number] }).range?.[0] ?? at;
        next = pair.value;
      }
    } else if (isSeq(node) && typeof key === 'number') next = node.items[key];
    if (next === undefined || next === null) break;
    node = next;
    at = (node as { range?: [number, number, number] }).range?.[0] ?? at;
  }
  return lines.linePos(at).line + 1;
}
