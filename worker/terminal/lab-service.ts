/**
 * The worker side of the page: the {@link LabApi} over a session, a store
 * and the other tabs. worker/main.ts builds it with the browser's pieces
 * (IndexedDB, Web Locks, BroadcastChannel, comlink); tests build it with a
 * MemoryStore and no browser at all.
 *
 * The prompt is shown before the shell has loaded (just-bash and the home
 * directory take a moment): typed lines wait for the session, echo does not.
 * Every line runs under the origin's state lock; if another tab changed the
 * state since this tab last looked, the session is rebuilt from the store
 * first, keeping the working directory.
 */
import type { EventListener, LabApi, LabInfo, OutputListener, TerminalSize } from '../api.ts';
import type { LineResult, Session, SessionOptions } from '../session.ts';
import { parseShellState, ps1, SHELL_STATE_KEY } from '../shell/line-state.ts';
import type { ShellState } from '../shell/line-state.ts';
import type { Store } from '../store/store.ts';
import type { CommandNode } from '../cli/command/catalog.ts';
import { Lessons } from '../lessons/controller.ts';
import type { CompiledCourse } from '../lessons/types.ts';
import { LEARNER } from '../shell/commands/identity.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import { Console } from './console.ts';
import type { ConsoleHost } from './console.ts';
import { History } from './history.ts';
import { createCompleter } from './completion.ts';
import { CountingStore, TabSync } from './tab-sync.ts';
import { isRaw } from '../editors/program.ts';
import { withProgress, type ProgressPacing, type ProgressSink } from '../progress.ts';
import type { ChannelLike, LockManagerLike } from './tab-sync.ts';
import { layerViewMethods } from '../layers/lab-methods.ts';
import type { RawTty } from '../engine-api/types.ts';
import type { RunnerSession } from '../runner-client/runner-session.ts';
import { RunnerSwitch } from '../runner-client/switch.ts';

/** What the service is built from. */
export interface LabDeps {
  /** The persistent store; rejects (StoreFullError) when the browser refuses storage. */
  openStore(): Promise<Store>;
  /** The fallback when storage is refused. */
  memoryStore(): Promise<Store>;
  createSession(opts: SessionOptions): Promise<Session>;
  /** The docker CLI's command tree, for completion. */
  dockerTree(): Promise<CommandNode>;
  /** Commands of the host shell, for completion in command position. */
  commandNames(): Promise<readonly string[]>;
  /** Identifies this tab in broadcasts. */
  tabId: string;
  locks?: LockManagerLike;
  channel?: ChannelLike;
  /** When progress reports start and how often they come (worker/progress.ts); the page's by default. */
  progressPacing?: ProgressPacing;
  /** The compiled lessons (worker/lessons/vite-plugin.ts's virtual module in the page); none by default. */
  course?: () => Promise<CompiledCourse>;
  /** Opens a session on a remote runner (the browser's fetch and WebSocket in the page); absent: no runner can be used. */
  openRunner?: (url: string) => Promise<RunnerSession>;
}

const NO_COURSE: CompiledCourse = { course: { lessons: [] }, pages: [], seeds: {} };

const HISTFILE = `${LEARNER.home}/.bash_history`;
/** The status bar's words for the simulator; design.md §3 fixes the release. */
export const ENGINE_LABEL = `Simulated engine (Docker ${ENGINE_VERSION.version.split('.').slice(0, 2).join('.')})`;

/** Builds the worker's API. */
export function createLabService(deps: LabDeps): LabApi {
  const sync = new TabSync(deps.tabId, deps.locks, deps.channel);
  let output: OutputListener = () => undefined;
  let events: EventListener = () => undefined;
  // Writes of one turn of the event loop go out as one message (one comlink call per echo).
  let unsent = '';
  let flushing = false;
  const emit = (data: string): void => {
    unsent += data;
    if (flushing) return;
    flushing = true;
    queueMicrotask(() => {
      flushing = false;
      const chunk = unsent;
      unsent = '';
      output(chunk, { localEcho: terminal.localEcho, inputs: terminal.inputs });
    });
  };
  const term = { cols: 80, rows: 24, write: emit };
  const progressSink: ProgressSink = (r) => events(r ? { type: 'progress', ...r } : { type: 'progress-end' });
  let store: CountingStore;
  let info: LabInfo;
  let session: Promise<Session>;
  let stale = false;
  let pendingHistory: string | undefined;
  let opened: Promise<void>;
  let started = false;
  let showedPrompt: () => void = () => undefined;
  const promptShown = new Promise<void>((resolve) => (showedPrompt = resolve));

  // Where a running line's live output goes (pull and build progress stream as they are written).
  let liveWrite: ((data: string) => void) | undefined;
  // The running line's own SIGINT handler (docker run's signal proxy), if it took the terminal's Ctrl-C.
  let heldInterrupt: (() => void) | undefined;
  // The running line's raw-mode terminal (`docker run -it` on a real engine): every key and resize goes to it.
  let rawTaker: { onData: (data: string) => void; onResize: (cols: number, rows: number) => void } | undefined;
  const rawTty: RawTty = {
    size: () => ({ cols: term.cols, rows: term.rows }),
    take(onData, onResize) {
      const taker = { onData, onResize };
      rawTaker = taker;
      for (const data of terminal.takeTypeahead()) onData(data);
      return () => {
        if (rawTaker === taker) rawTaker = undefined;
      };
    },
  };
  const decoder = new TextDecoder();
  const onOutput = {
    rawTty,
    stdout: (chunk: string | Uint8Array) => liveWrite?.(typeof chunk === 'string' ? chunk : decoder.decode(chunk)),
    stderr: (chunk: string) => liveWrite?.(chunk),
    interrupts: (on: () => void) => {
      heldInterrupt = on;
      return () => {
        if (heldInterrupt === on) heldInterrupt = undefined;
      };
    },
  };
  // The newest session; the one before it is retired when the next opens, so its engine never writes over the new one's.
  let current: Session | undefined;
  // reattach: come back into a container's terminal; shellState: the tab's own (after another tab's change), null for a fresh login, else the one stored with the lab.
  const newSession = async (how: { reattach?: boolean; shellState?: ShellState | null } = {}): Promise<Session> => {
    await current?.retire();
    const remote = runner.engine;
    const s = await deps.createSession({ store, isTTY: true, onOutput, reattach: how.reattach ?? false, ...(how.shellState === undefined ? {} : { shellState: how.shellState }), ...(remote ? { remote } : {}) });
    current = s;
    s.shell.resize(term.cols, term.rows);
    return s;
  };
  // Which engine answers `docker`: the simulator, or a real one through a runner.
  const runner = new RunnerSwitch(deps.openRunner, (status) => {
    if (status.error && status.kind === 'runner') emit(`\r\n\x1b[33mlayerlab: ${status.error}; docker commands fail until you connect again or switch back to the simulated engine.\x1b[0m\r\n`);
    events({ type: 'engine', status });
  });
  /** A new session on the same shell state, with `docker` on the engine now chosen. */
  const switched = async (): Promise<void> => {
    const old = await session;
    session = newSession({ shellState: old.shell.state });
    await session;
  };
  const history = new History({
    read: async () => {
      const fs = await (await session).shell.filesystem();
      return (await fs.exists(HISTFILE)) ? fs.readFile(HISTFILE) : '';
    },
    // Written into the home directory under the lock, just before the next line runs and commits.
    write: async (text) => void (pendingHistory = text),
  });

  /** Re-reads the state another tab changed, keeping this tab's own directory and variables. */
  const refresh = async (): Promise<Session> => {
    const old = await session;
    const { pendingLines, state } = old.shell;
    stale = false;
    // Inside a container's terminal, the new session comes back into it (the old one's engine is retired).
    session = newSession({ reattach: old.foreground?.detachable === true, shellState: state });
    const s = await session;
    // A command half typed on PS2 lines (a heredoc) goes on in the new shell.
    for (const line of pendingLines) await s.shell.run(line);
    return s;
  };

  /**
   * {@link refresh}, carrying an open editor over to the new session: its
   * keystrokes stay its own, and its saves land in the home directory as the
   * other tab left it.
   */
  const refreshKeeping = async (old: Session): Promise<Session> => {
    const program = old.foreground;
    const s = await refresh();
    if (isRaw(program)) {
      s.foreground = program;
      program.attach(await s.shell.filesystem());
    }
    return s;
  };

  /** Shows a line's output, follows `exit`, and tells the other tabs when the state changed. */
  const settleLine = async (s: Session, r: LineResult, write: (data: string) => void, before = store.writes): Promise<void> => {
    if (r.stdout) write(r.stdout);
    if (r.stderr) write(r.stderr);
    if (s.shell.exited !== undefined) session = newSession({ shellState: null });
    const now = await session;
    promptNow = now.prompt();
    inProgram = now.foreground !== undefined;
    continuing = !inProgram && now.shell.continuing;
    historyEntry = now.shell.historyEntry;
    inRaw = isRaw(now.foreground);
    if (store.writes !== before) {
      sync.announce('changed');
      events({ type: 'state-changed', origin: 'this-tab' });
    }
  };
  let inProgram = false;
  // The shell reads the rest of a command on PS2 lines; the history entry bash keeps for it.
  let continuing = false;
  let historyEntry: string | undefined;
  // A raw-mode program (an editor) owns the terminal: keystrokes go to it as they come.
  let inRaw = false;

  const host: ConsoleHost = {
    prompt: () => promptNow,
    async run(line, write, signal) {
      await session;
      return sync.withLock(async () => {
        const s = stale ? await refreshKeeping(await session) : await session;
        if (pendingHistory !== undefined) {
          await (await s.shell.filesystem()).writeFile(HISTFILE, pendingHistory);
          pendingHistory = undefined;
        }
        const before = store.writes;
        liveWrite = write;
        let r: LineResult;
        try {
          r = await withProgress(progressSink, () => s.runLine(line, { signal }), deps.progressPacing);
        } finally {
          liveWrite = undefined;
        }
        await settleLine(s, r, write, before);
        return r.rc;
      });
    },
    holdsInterrupt() {
      const held = heldInterrupt;
      // After the console's ^C echo: what the command prints on it comes after, as on a tty.
      if (held) queueMicrotask(held);
      return held !== undefined;
    },
    inShell: () => !inProgram,
    continuing: () => continuing,
    historyEntry: () => historyEntry,
    raw: () => inRaw,
    rawInput(data) {
      if (!rawTaker) return false;
      rawTaker.onData(data);
      return true;
    },
    async endInput(write) {
      return sync.withLock(async () => {
        const s = await session;
        const r = await s.endInput();
        if (r === undefined) return true;
        await settleLine(s, r, write);
        return false;
      });
    },
    async interruptInput(write) {
      await sync.withLock(async () => {
        const s = await session;
        const r = await s.interrupt();
        if (r !== undefined) await settleLine(s, r, write);
      });
    },
    async detach() {
      return sync.withLock(async () => {
        const s = await session;
        if (!(await s.detach())) return false;
        inProgram = false;
        promptNow = s.prompt();
        return true;
      });
    },
    async logout() {
      await sync.withLock(async () => {
        inProgram = false;
        continuing = false;
        inRaw = false;
        session = newSession({ shellState: null });
        promptNow = (await session).prompt();
      });
    },
  };
  let promptNow = `${LEARNER.user}@${LEARNER.host}:~$ `;

  const completer = createCompleter({
    commandNames: deps.commandNames,
    dockerTree: deps.dockerTree,
    images: async () => (await import('./lab-names.ts')).imageNames(await store.load()),
    containers: async () => (await import('./lab-names.ts')).containerNames(await store.load()),
    ids: async (kind) => (await import('./lab-names.ts')).shortIds(await store.load(), kind),
    async listDir(dir) {
      const s = await session;
      return (await import('./lab-names.ts')).listDir(await s.shell.filesystem(), s.shell.cwd, LEARNER.home, dir);
    },
  });
  const terminal = new Console(term, host, history, completer);

  /** After Reset or Import (here or in another tab): a fresh shell on the new state, a cleared terminal. */
  const replaced = async (): Promise<void> => {
    stale = false;
    pendingHistory = undefined;
    inProgram = false;
    continuing = false;
    inRaw = false;
    session = newSession();
    promptNow = (await session).prompt();
    await history.reload();
    // RIS (ESC c): the terminal's full reset clears the screen and scrollback of the old lab.
    emit('\x1bc');
    terminal.start();
    events({ type: 'lab-replaced' });
    // The progress went with the old lab (Reset) or came with the new one (Import).
    events({ type: 'progress-changed' });
    void lessons.changed();
  };

  /** Under the lock: the session, rebuilt first if another tab changed the state since this tab last looked. */
  const fresh = async (): Promise<Session> => (stale ? refreshKeeping(await session) : session);

  const lessons = new Lessons({
    course: deps.course ?? (async () => NO_COURSE),
    store: () => store,
    session: () => session,
    events: (e) => events(e),
    stateChanged() {
      sync.announce('changed');
      events({ type: 'state-changed', origin: 'this-tab' });
      void lessons.changed();
    },
    progressWritten: () => sync.announce('progress'),
  });

  sync.listen((m) => {
    if (m.kind === 'changed') {
      stale = true;
      events({ type: 'state-changed', origin: 'other-tab' });
      // On a lesson page the goal follows the other tab's change at once: the session is rebuilt now, not at the next line.
      if (lessons.current !== null) void sync.withLock(fresh).then(() => lessons.changed());
    } else if (m.kind === 'progress') lessons.progressFromOtherTab();
    else void sync.withLock(replaced);
  });

  const open = async (): Promise<void> => {
    try {
      store = new CountingStore(await deps.openStore());
      info = { engine: ENGINE_LABEL, storage: 'indexeddb' };
    } catch (error) {
      store = new CountingStore(await deps.memoryStore());
      const why = error instanceof Error ? error.message : String(error);
      info = {
        engine: ENGINE_LABEL,
        storage: 'memory',
        storageWarning: `This browser refused to store the lab (${why}). It works, but in memory only: a reload starts a fresh lab.`,
      };
    }
    // Every write of this tab (a line, a start state, a detached container storing its files) re-checks the lesson goal.
    store.onWrite = () => void lessons.changed();
    // A reload shows the prompt of the directory the shell is in (session.ts restores it), before the shell loads.
    const kept = parseShellState((await store.load()).meta.get(SHELL_STATE_KEY));
    if (kept) promptNow = ps1(kept.env);
    // The shell loads just after the first prompt is on screen (a frame or two later): none of its code
    // is needed to show it (design.md §9), and the learner rarely types a command within 50 ms.
    session = promptShown
      .then(() => new Promise((resolve) => setTimeout(resolve, 50)))
      .then(() => newSession({ reattach: true }))
      .then((s) => {
        // Back inside a container's shell (or told what ended): the note replaces the host prompt shown meanwhile.
        if (s.notice !== undefined) {
          promptNow = s.prompt();
          inProgram = s.foreground !== undefined;
          if (terminal.busy) emit(`${s.notice}\r\n`);
          else {
            emit(`\r\x1b[K${s.notice}\r\n`);
            terminal.start();
          }
        }
        return s;
      });
    void history.reload();
  };

  // Storage opens as soon as the worker runs, while the page is still loading its UI.
  opened = open();

  return {
    async start(size, out, ev) {
      output = out;
      events = ev;
      term.cols = size.cols;
      // The editors size their screen from LINES, which the shell takes from here.
      term.rows = size.rows;
      const first = !started;
      started = true;
      await opened;
      if (info.storageWarning) emit(`\x1b[33mlayerlab: ${info.storageWarning}\x1b[0m\r\n`);
      if (first) terminal.start();
      showedPrompt();
      return info;
    },
    async input(data, echoed) {
      terminal.input(data, echoed);
    },
    async resize(size) {
      term.cols = size.cols;
      term.rows = size.rows;
      if (!session) return;
      rawTaker?.onResize(size.cols, size.rows);
      const s = await session;
      s.shell.resize(size.cols, size.rows);
      // A full-screen program redraws for the new size, as vim and nano do on SIGWINCH.
      if (isRaw(s.foreground)) emit(s.foreground.resize(size.cols, size.rows));
    },
    async reset() {
      await sync.withLock(async () => {
        await store.clear();
        await replaced();
      });
      sync.announce('reset');
    },
    async exportLab(write) {
      const { exportLab } = await import('./lab-archive.ts');
      return sync.withLock(() => withProgress(progressSink, () => exportLab(store, write), deps.progressPacing));
    },
    async importLab(read) {
      const { importLab } = await import('./lab-archive.ts');
      await sync.withLock(async () => {
        await importLab(store, pull(read));
        await replaced();
      });
      sync.announce('reset');
    },
    // ---- The lessons (issue 10): worker/lessons over this tab's session, under the tab lock.
    course: () => lessons.course(),
    async openPage(pageId) {
      await opened;
      await sync.withLock(async () => {
        await fresh();
        await lessons.open(pageId);
      });
      await lessons.changed();
    },
    async goal(pageId) {
      await opened;
      return lessons.goal(pageId);
    },
    async answer(pageId, questionId, answer) {
      await opened;
      return sync.withLock(async () => {
        await fresh();
        return lessons.answer(pageId, questionId, answer);
      });
    },
    async resetPage(pageId) {
      await opened;
      await sync.withLock(async () => {
        await fresh();
        await lessons.reset(pageId);
      });
      await lessons.changed();
    },
    async completePage(pageId) {
      await opened;
      await sync.withLock(() => lessons.complete(pageId));
    },
    async progress() {
      await opened;
      return lessons.progress();
    },
    async placeholders(pageId) {
      await opened;
      return lessons.placeholders(pageId);
    },
    settled: () => terminal.settled(),
    engineStatus: async () => runner.status,
    async connectRunner(url) {
      await opened;
      await session;
      await sync.withLock(async () => {
        await runner.connect(url);
        await switched();
      });
      return runner.status;
    },
    async disconnectRunner() {
      await opened;
      await session;
      await sync.withLock(async () => {
        await runner.disconnect();
        await switched();
      });
      return runner.status;
    },
    // ---- The layer view (issue 11): worker/layers over this tab's session, refreshed first if another tab changed the state.
    ...layerViewMethods({
      session: async () => {
        await opened;
        await session;
        return sync.withLock(async () => (stale ? refreshKeeping(await session) : session));
      },
      store: () => store,
    }),
  };
}

/** The pieces a {@link ChunkSource} gives, as a stream. */
async function* pull(read: () => Promise<Uint8Array | null>): AsyncGenerator<Uint8Array> {
  for (let chunk = await read(); chunk !== null; chunk = await read()) yield chunk;
}
