/**
 * The lesson API's types as the page uses them (the contract of
 * /work/helpers/lesson-format.md). The worker's side is built on another
 * branch; until it is merged, these mirror its worker/api.ts declarations.
 */

/** One block of a lesson page: markdown rendered at build time, or a code block. */
export type CourseBlock =
  | { kind: 'html'; html: string }
  | { kind: 'code'; lang: string; text: string; runnable: boolean; placeholders: string[] };

/** One lesson page as the page draws it. */
export interface CoursePage {
  id: string;
  lessonId: string;
  title: string;
  exercise: boolean;
  blocks: CourseBlock[];
  hints: string[];
  solution: string[];
  questions: Array<{ id: string; ask: string; choice?: string[]; kind: 'choice' | 'value' }>;
  hasGoal: boolean;
}

/** One lesson: its intro and pages in order. */
export interface CourseLesson {
  id: string;
  title: string;
  summary: string;
  intro: CourseBlock[];
  pages: CoursePage[];
}

/** The whole course. */
export interface Course {
  lessons: CourseLesson[];
}

/** A page's goal: each condition met or not, with the sentence shown while it is unmet. */
export interface GoalStatus {
  pageId: string;
  conditions: Array<{ met: boolean; say: string }>;
  met: boolean;
}

/** The learner's progress, kept with the lab. */
export interface Progress {
  pages: Record<string, { done: boolean; answers: Record<string, { answer: string; correct: boolean }> }>;
}

/** A placeholder the worker resolved from the lab's state. */
export type Resolved = Record<string, { value: string; note: string }>;

/** The lesson methods of the worker's API the page calls. */
export interface LessonApi {
  course(): Promise<Course>;
  openPage(pageId: string | null): Promise<void>;
  goal(pageId: string): Promise<GoalStatus>;
  answer(pageId: string, questionId: string, answer: string): Promise<{ correct: boolean; why: string }>;
  resetPage(pageId: string): Promise<void>;
  completePage(pageId: string): Promise<void>;
  progress(): Promise<Progress>;
  placeholders(pageId: string): Promise<Resolved>;
}

/** The lesson events the worker sends (besides the lab's others, which the page ignores here). */
export type LessonEvent = { type: 'goal'; status: GoalStatus } | { type: 'progress-changed' } | { type: 'lab-replaced' } | { type: string };
