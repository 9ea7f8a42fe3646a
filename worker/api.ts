/**
 * The one API between the page and its worker (design.md §1), as types only:
 * the UI imports this file with `import type` and calls the worker through
 * comlink; worker/main.ts exposes an object of type {@link LabApi}.
 *
 * The terminal is a pty-like pipe: the page sends what xterm's `onData`
 * gives ({@link LabApi.input}) and writes whatever arrives through the
 * `output` callback, which the worker calls as output is produced, so long
 * commands print as they go. Line editing, history and completion happen in
 * the worker, next to the shell, as readline runs inside bash.
 */

import type { ExploreTarget, FileListing, FileText, LayerViewModel } from './layers/types.ts';

export type { ExploreTarget, FileListing, FileText, LayerViewModel } from './layers/types.ts';

/** The terminal's size in character cells. */
export interface TerminalSize {
  cols: number;
  rows: number;
}

/** Where the lab's state lives. */
export type StorageKind = 'indexeddb' | 'memory';

/** What the page shows about the running lab. */
export interface LabInfo {
  /** Which engine answers `docker` commands, for the status bar: `Simulated engine (Docker 28.5)`. */
  engine: string;
  storage: StorageKind;
  /** Set when the browser refused storage and the lab runs in memory: a plain sentence for the learner. */
  storageWarning?: string;
}

/** Which engine answers the terminal's `docker` (worker/runner-client/switch.ts). */
export interface EngineStatus {
  kind: 'simulated' | 'runner';
  /** The status bar's words: `engine: simulated`, `engine: runner docker 28.5.1 at 127.0.0.1:8787`. */
  label: string;
  /** The runner's address, when one was asked for. */
  url?: string;
  /** Why the runner is not answering (a refused connect, a dropped socket), in plain words. */
  error?: string;
}

/** Something the page may want to redraw for. */
export type LabEvent =
  /** The engine or home state changed (a command here, or one in another tab). */
  | { type: 'state-changed'; origin: 'this-tab' | 'other-tab' }
  /** The whole lab was replaced (Reset lab, Import lab, here or in another tab); the terminal was reset. */
  | { type: 'lab-replaced' }
  /**
   * A long operation is under way (docker save -o, docker export -o, storing what a line wrote, Export
   * lab): `done` of `total` units, `total` 0 when unknown. Sent once it has run 300 ms, then at most
   * about ten times a second (worker/progress.ts); what commands print is unchanged.
   */
  | { type: 'progress'; label: string; done: number; total: number }
  /** The operation of the last `progress` event ended: done, failed or interrupted. */
  | { type: 'progress-end' }
  /** The current lesson page's goal, after every state change (this tab or another) and after openPage. */
  | { type: 'goal'; status: GoalStatus }
  /** Lesson progress was written (this tab or another). */
  | { type: 'progress-changed' }
  /** The engine behind `docker` changed or failed (a runner's socket dropped). */
  | { type: 'engine'; status: EngineStatus };

/** One block of a lesson page: markdown rendered at build time, or a code block. */
export type CourseBlock =
  | { kind: 'html'; html: string }
  /**
   * A fenced code block. `runnable` (languages sh, bash, console): the page
   * draws Run and Copy; `placeholders`: the `<name>` fields in `text`, in order.
   */
  | { kind: 'code'; lang: string; text: string; runnable: boolean; placeholders: string[] }
  /** A "Try on a real engine" note (`> [!REAL-ENGINE]` in the markdown): shown as a note, stressed while a runner answers. */
  | { kind: 'real-engine'; html: string };

/**
 * What a page points at in the layer view (src/lib/layer-highlight.ts): an
 * image, a layer (by digest, or by index in an image, 0 = base), a container,
 * or the layers several images share.
 */
export type LayerPointer = { image: string } | { layer: string } | { layer: number; of: string } | { container: string } | { shared: string[] };

/** One lesson page as the page draws it (markdown already rendered at build time). */
export interface CoursePage {
  /** `<lessonSlug>/<pageSlug>`, e.g. `images-and-containers/hello-world`; the URL is `#/lessons/<id>`. */
  id: string;
  lessonId: string;
  title: string;
  exercise: boolean;
  blocks: CourseBlock[];
  hints: string[];
  /** The solution's command lines, as the learner would type them. */
  solution: string[];
  questions: Array<{ id: string; ask: string; choice?: string[]; kind: 'choice' | 'value' }>;
  hasGoal: boolean;
  /** Where the layer view points while the page is open. */
  layers?: LayerPointer;
}

/** One lesson: its intro and pages in order. */
export interface CourseLesson {
  /** The lesson's slug, e.g. `images-and-containers`. */
  id: string;
  title: string;
  summary: string;
  intro: CourseBlock[];
  pages: CoursePage[];
}

/** The whole course, validated and rendered at build time. */
export interface Course {
  lessons: CourseLesson[];
}

/** A page's goal: each condition met or not, with the sentence shown while it is unmet. */
export interface GoalStatus {
  pageId: string;
  conditions: Array<{ met: boolean; say: string }>;
  /** All conditions hold (true for a page without a goal). */
  met: boolean;
}

/** The learner's progress, kept with the lab. */
export interface Progress {
  pages: Record<string, { done: boolean; answers: Record<string, { answer: string; correct: boolean }> }>;
}

/**
 * What the worker's line editor allows the page to do with the next key:
 * echo printable text itself (`localEcho`), as a tty echoes in cooked mode,
 * without waiting for the worker. `inputs` is how many `input` calls had
 * arrived when this was decided; the page trusts it only once every key it
 * sent without echoing it has been counted.
 */
export interface EchoState {
  localEcho: boolean;
  inputs: number;
}

/** Receives terminal output (UTF-8 text with VT escape sequences) and the echo state after it. */
export type OutputListener = (data: string, echo: EchoState) => void;

/** Takes the next piece of a file the worker writes (Export lab); may return a promise to slow the worker down. */
export type ChunkSink = (chunk: Uint8Array) => unknown;

/** Gives the next piece of a file the page reads (Import lab), or null at its end. */
export type ChunkSource = () => Promise<Uint8Array | null>;

/** Receives {@link LabEvent}s. */
export type EventListener = (event: LabEvent) => void;

/** The worker's API. Every method is async over comlink. */
export interface LabApi {
  /**
   * Opens the lab once per page: storage, the session, and the terminal,
   * whose prompt is written through `output` right away (the shell itself
   * keeps loading behind it). Later calls re-attach the listeners.
   */
  start(size: TerminalSize, output: OutputListener, events: EventListener): Promise<LabInfo>;
  /**
   * Keystrokes or pasted text, exactly as xterm's `onData` gives them.
   * `echoed`: printable text the page has already shown (see {@link EchoState}).
   */
  input(data: string, echoed?: boolean): Promise<void>;
  /** The terminal was resized (fit addon). */
  resize(size: TerminalSize): Promise<void>;
  /** Wipes the lab back to a fresh machine (the page asks for confirmation first). */
  reset(): Promise<void>;
  /**
   * The whole lab as one tar file (see worker/terminal/lab-archive.ts),
   * written piece by piece through `write` (a comlink proxy from the page,
   * awaited: the back-pressure), so no side holds the whole archive.
   * Resolves to its size in bytes.
   */
  exportLab(write: ChunkSink): Promise<number>;
  /**
   * Replaces the lab with an exported one, pulled piece by piece through
   * `read`; rejects, leaving the lab as it was, for a file that is not one.
   */
  importLab(read: ChunkSource): Promise<void>;
  // ---- The lessons (issue 10, design.md §10; worker/lessons) ----
  /** The validated, pre-rendered course (src/ may also import it statically from `virtual:layerlab-course`). */
  course(): Promise<Course>;
  /**
   * The page the learner is on (`null`: the sandbox). Sets up the page's start
   * state (ensure semantics: only what is missing, silently) and sends its goal.
   */
  openPage(pageId: string | null): Promise<void>;
  /** The page's goal on the lab as it is now. */
  goal(pageId: string): Promise<GoalStatus>;
  /** Checks an answer to one of the page's questions and records it in the progress. */
  answer(pageId: string, questionId: string, answer: string): Promise<{ correct: boolean; why: string }>;
  /** Removes what the page owns, then restores its start state; the rest of the lab is left as it is. */
  resetPage(pageId: string): Promise<void>;
  /**
   * Marks a page without goal or questions done (the learner pressed Next);
   * pages with a goal or questions are marked done by the worker when met.
   */
  completePage(pageId: string): Promise<void>;
  progress(): Promise<Progress>;
  /** Well-known placeholders resolved from the lab (`<container_id>`, `<image_id>`), with the note the page shows. */
  placeholders(pageId: string): Promise<Record<string, { value: string; note: string }>>;

  /** Resolves when typed input has been handled and no command runs (tests and benchmarks). */
  settled(): Promise<void>;

  // ---- The remote runner (issue 14, design.md §8; worker/runner-client) ----
  /** Which engine answers `docker` now. */
  engineStatus(): Promise<EngineStatus>;
  /**
   * Opens a session on the runner at `url` (http:// or https://) and gives
   * the terminal's `docker` to its real engine; the shell, files and editors
   * stay here. On failure the simulator stays and the status says why.
   */
  connectRunner(url: string): Promise<EngineStatus>;
  /** Ends the runner session and gives `docker` back to the simulated engine. */
  disconnectRunner(): Promise<EngineStatus>;

  // ---- The layer view (issue 11, design.md §11; worker/layers) ----
  /**
   * The layer view's model of the lab as it is now: images, their layers
   * (shared ones once), containers with their changes, the last build. The
   * page asks again on each `state-changed` and `lab-replaced` event.
   */
  layerView(): Promise<LayerViewModel>;
  /** The explorer: a layer's files, or an image's or a container's merged filesystem. */
  layerFiles(target: ExploreTarget): Promise<FileListing>;
  /** The explorer: the first 64 KiB of a file, as `cat` would print it. */
  layerFileText(target: ExploreTarget, path: string): Promise<FileText>;
}
