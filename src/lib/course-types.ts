/**
 * The lesson API's types as the page uses them (lesson-format.md, "Worker
 * API"): the course and progress types from worker/api.ts, and the part of
 * the lab's API the lesson pane calls, so its tests can pass a small fake.
 */
import type { LabApi, LabEvent } from '../../worker/api.ts';

export type { Course, CourseBlock, CourseLesson, CoursePage, GoalStatus, Progress } from '../../worker/api.ts';

/** Placeholders the worker resolved from the lab's state, with the note the page shows. */
export type Resolved = Awaited<ReturnType<LabApi['placeholders']>>;

/** The lesson methods of the worker's API. */
export type LessonApi = Pick<LabApi, 'course' | 'openPage' | 'goal' | 'answer' | 'resetPage' | 'completePage' | 'progress' | 'placeholders'>;

/** The lab's events, of which the lesson pane reads `goal`, `progress-changed` and `lab-replaced`. */
export type LessonEvent = LabEvent;
