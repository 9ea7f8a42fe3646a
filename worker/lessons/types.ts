/**
 * The compiled course as the worker uses it: what the page draws (the
 * {@link Course} of worker/api.ts) plus, per page, the data the page never
 * needs (goal, start, answers, wrong solutions). Both are produced at build
 * time by compile.ts and served by the Vite plugin as two virtual modules, so
 * the page's bundle carries neither the checker's data nor zod/yaml/markdown-it.
 */
import type { Course } from '../api.ts';
import type { ConditionSpec, QuestionSpec, StartSpec } from './schema.ts';

export type { ConditionSpec, QuestionSpec, StartSpec, ValueSpec } from './schema.ts';

/** One command line of a solution or a runnable block, with the exit status it must end with. */
export interface ScriptLine {
  line: string;
  rc: number;
}

/** What the worker knows about one page. */
export interface PageData {
  id: string;
  lessonId: string;
  /** The page's file relative to the repository (`lessons/01-…/02-…/content.md`), for messages. */
  file: string;
  title: string;
  start: StartSpec;
  goal: ConditionSpec[];
  questions: QuestionSpec[];
  solution: ScriptLine[];
  /** The solution's answers: a choice index, a value, or `$key` for "what the value expression computes". */
  answers: Record<string, number | string>;
  /** Other right solutions (each must meet the goal) and wrong ones (each must leave it unmet). */
  right: ScriptLine[][];
  wrong: ScriptLine[][];
  /** What "Reset this page" removes (defaults filled in from the goal). */
  owns: { images: string[]; containers: string[]; files: string[] };
  fill: Record<string, string>;
  /** The runnable code blocks, each as its lines (the tests run them in order). */
  runs: ScriptLine[][];
}

/** The lessons' seed chapters (lesson id → seed, e.g. `000`), for the review test. */
export type Seeds = Record<string, string>;

/** Everything compiled from `lessons/`. */
export interface CompiledCourse {
  course: Course;
  pages: PageData[];
  seeds: Seeds;
}
