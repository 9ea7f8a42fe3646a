/**
 * The container lifecycle of the simulated daemon: create, start, wait,
 * stop, kill, restart, exec, attach — the Engine API's container operations
 * over {@link Engine.transact}. Each state change (created, started,
 * exited, removed) is its own transaction, committed with the writable
 * layer it produced; no transaction stays open while a program runs.
 *
 * What a running container changes is stored as it goes, so a reload loses
 * none of it: a terminal line in the container (terminal.ts) stores the
 * writable layer when it ends, and a program writing files or output with
 * no line running (`run -d`, a detached container) is stored
 * `persistDelayMs` after its first unstored change.
 *
 * Reload: a container stored as running is started again when the service
 * opens (its program re-run over its persisted filesystem, StartedAt kept):
 * for the long-running programs of the lessons (nginx, sleep, node servers)
 * that is what a learner expects to find after a page reload, and their
 * output is what a fresh start prints. An interactive shell (`run -it`)
 * comes back at its prompt with the variables, working directory and nested
 * shells it had after its last line (`Container.shell`): `docker attach`
 * hands it to the terminal again (terminal.ts `reattach` does so at once when
 * the page was attached to it), and `exec`, `stop` and `rm -f` work as before.
 */
import type { Engine } from '../engine.ts';
import { EngineError, isEngineError } from '../errors.ts';
import { digestOf } from '../digest.ts';
import type { Draft } from '../state.ts';
import { initLayer } from './changes.ts';
import { createContainer, type CreateRequest } from './create.ts';
import { Live, type OutputListener } from './live.ts';
import { findContainer, notRunning } from './lookup.ts';
import { OverlayFs } from './overlay-fs.ts';
import { encodeUpper } from './upper-store.ts';
import { asContainer, type Container } from './record.ts';
import { RootfsLoader, type RecipeEntries } from './rootfs.ts';
import { isDelivered, isExecNotFound, parseSignal, processEnv, runtimeMounts, signalName, startError, type InteractiveProcess, type ProcessSpec, type ProgramRunner, type ShellState } from './runtime.ts';
import { detachFrom } from './attached.ts';
import { StackedView, Tree } from './tree.ts';
import { UpperLayer } from './upper.ts';
import { StoreClosedError } from '../../store/serial.ts';
import { allocateAll, portConflict, releaseAll } from '../network/endpoints.ts';
import { labNetwork } from '../network/lab.ts';
import { VolumeFiles } from '../volumes/files.ts';
import { isAnonymous } from '../volumes/volumes.ts';
import { MountedFs, type Mount } from './mounted-fs.ts';
import { restartDelay, shouldRestart } from './restart.ts';
import { HOST_PLATFORM, HOST_PLATFORM_TEXT, formatPlatform, imagePlatform, runsOnHost } from '../platform.ts';
import type { AttachIo } from '../../engine-api/types.ts';
export type { AttachIo };

/** How a container service is built. */
export interface ContainerServiceOptions {
  /** The programs (worker/programs in the app), or a loader of them. */
  programs: ProgramRunner | (() => Promise<ProgramRunner>);
  /** Registry layer entries by recipe; defaults to the engine registry's `layerEntries`. */
  recipeEntries?: RecipeEntries;
  /** Resolves after pending microtasks (a macrotask turn): how long a start may take to fail. */
  tick?: () => Promise<void>;
  /** Real-time wait; `stop` waits min(timeout, maxStopWaitMs) for the process before SIGKILL. */
  sleep?: (ms: number) => Promise<void>;
  maxStopWaitMs?: number;
  /** How long after a background write or output line the container is stored (default 250 ms). */
  persistDelayMs?: number;
}

/** A started main process: its shell (interactive starts) and its exit status once committed. */
export interface Started {
  shell?: InteractiveProcess;
  exited: Promise<number>;
}

const timers = globalThis as unknown as { setTimeout(fn: () => void, ms: number): unknown };
const defaultSleep = (ms: number): Promise<void> => new Promise((r) => timers.setTimeout(r, ms));
const EOF_STDIN = { read: async (): Promise<string | null> => null };

/** The containers of one engine. */
export class ContainerService {
  readonly engine: Engine;
  readonly loader: RootfsLoader;
  readonly #opts: ContainerServiceOptions;
  readonly #live = new Map<string, Live>();
  #runner: Promise<ProgramRunner> | undefined;
  #nextPid = 0;
  /** Containers whose background store is scheduled, and the stores in flight. */
  readonly #scheduled = new Set<string>();
  readonly #storing = new Set<Promise<void>>();
  /** Set by {@link ContainerService.retire}: ended programs change nothing any more. */
  #retired = false;
  /** The files of the volumes containers mount. */
  readonly volumes: VolumeFiles;
  /** The mount table of each started container (volumes and binds over its root). */
  readonly #mounted = new Map<string, Mount[]>();
  /** Containers `docker stop`/`kill` ended since their last start: no restart policy brings them back. */
  readonly #byUser = new Set<string>();
  /** Restart policies at work: the pending restart's timer state and the last wait (restart.ts). */
  readonly #restarts = new Map<string, { waitMs: number; cancelled: boolean }>();
  /** Starts made by the daemon itself (a restart policy, a reload): they keep RestartCount. */
  readonly #daemonStarts = new Set<string>();

  constructor(engine: Engine, opts: ContainerServiceOptions) {
    this.engine = engine;
    this.#opts = opts;
    const reg = engine.registry as { layerEntries?: RecipeEntries };
    const recipes: RecipeEntries =
      opts.recipeEntries ??
      ((recipe) => {
        if (!reg.layerEntries) throw new EngineError('System', 'registry cannot regenerate layers');
        return reg.layerEntries(recipe);
      });
    this.loader = new RootfsLoader((d) => engine.getBlob(d), recipes);
    this.volumes = new VolumeFiles((d) => engine.getBlob(d), () => engine.now(), (name) => this.#scheduleVolume(name));
  }

  /** `GET /containers/{id}/json` lookups and every other operation start here. */
  get(ref: string): Container {
    return findContainer(this.engine.state, ref);
  }

  /** `POST /containers/create`. */
  async create(req: CreateRequest): Promise<{ Id: string; Warnings: string[] }> {
    // validateMountConfig: a `--mount type=bind` source must exist on the host (`-v` creates it at start).
    for (const m of req.hostConfig?.Mounts ?? []) {
      if (m.Type === 'bind' && m.Source?.startsWith('/') && m.Target && !(this.engine.host && (await this.engine.host.exists(m.Source)))) {
        throw new EngineError('InvalidParameter', `invalid mount config for type "bind": bind source path does not exist: ${m.Source}`);
      }
    }
    const c = await this.engine.transact((d) => createContainer(d, req, this.engine.now(), this.engine.random));
    // daemon/create.go: an image for another platform, when no platform was asked for, is created with a warning (and cannot run).
    const image = this.engine.state.images.get(c.imageId);
    const platform = image ? imagePlatform(image.config) : HOST_PLATFORM;
    const warnings =
      req.platform || runsOnHost(platform)
        ? []
        : [`The requested image's platform (${formatPlatform(platform)}) does not match the detected host platform (${HOST_PLATFORM_TEXT}) and no specific platform was requested`];
    return { Id: c.id, Warnings: warnings };
  }

  /** The container's filesystem (loaded once, shared by its processes). */
  async fs(c: Container): Promise<OverlayFs> {
    return (await this.#liveOf(c)).fs;
  }

  async #liveOf(c: Container): Promise<Live> {
    const have = this.#live.get(c.id);
    if (have) return have;
    const image = await this.loader.containerTree(this.engine.state, c);
    const upper = await this.loader.upper(c);
    const again = this.#live.get(c.id);
    if (again) return again;
    const fs = new OverlayFs(new StackedView(initLayer(image, Math.floor(c.created / 1000)), image), upper, () => this.engine.now() / 1000);
    const live = new Live(fs, () => this.engine.now());
    live.persistedGen = fs.generation;
    live.changed = () => this.#schedule(c.id, live);
    upper.onWrite = live.changed;
    this.#live.set(c.id, live);
    return live;
  }

  /**
   * Stores a container whose program changed files or printed while no
   * terminal line runs in it, once per `persistDelayMs`: the change is
   * already visible to `docker diff` and `logs`, and a reload must find it.
   * A failed write (storage full) is left for the next line to report.
   */
  #schedule(id: string, live: Live): void {
    if (live.lines > 0 || this.#scheduled.has(id)) return;
    this.#scheduled.add(id);
    const stored = (this.#opts.sleep ?? defaultSleep)(this.#opts.persistDelayMs ?? 250)
      .then(async () => {
        this.#scheduled.delete(id);
        if (this.#live.get(id) === live && live.lines === 0 && live.dirty) await this.save(id, () => ({}));
      })
      .catch(() => undefined)
      .finally(() => this.#storing.delete(stored));
    this.#storing.add(stored);
  }

  /** Stores a volume written in the background, as {@link ContainerService.#schedule} does for a container. */
  #scheduleVolume(name: string): void {
    const key = `volume:${name}`;
    if (this.#scheduled.has(key)) return;
    this.#scheduled.add(key);
    const stored = (this.#opts.sleep ?? defaultSleep)(this.#opts.persistDelayMs ?? 250)
      .then(async () => {
        this.#scheduled.delete(key);
        if (!this.#retired && this.volumes.dirty(name)) await this.engine.transact((d) => this.volumes.persist(d, name));
      })
      .catch(() => undefined)
      .finally(() => this.#storing.delete(stored));
    this.#storing.add(stored);
  }

  /** Resolves once every scheduled background store is committed. */
  async stored(): Promise<void> {
    while (this.#storing.size > 0) await Promise.all([...this.#storing]);
  }

  /** Puts the writable layer (if it changed) and pending output into `next`. */
  #persist(draft: Draft, live: Live | undefined, next: Container): Container {
    for (const m of next.mounts ?? []) if (m.type === 'volume') this.volumes.persist(draft, m.name!);
    if (!live) return next;
    const logs = live.take();
    if (logs.length > 0) next = { ...next, logs: [...next.logs, ...logs] };
    if (live.fs.generation !== live.persistedGen) {
      live.persistedGen = live.fs.generation;
      const up = live.fs.upper;
      if (up.empty) next = { ...next, rwLayer: '', rwBlobs: [], sizeRw: 0 };
      else {
        const { manifest, refs, bytes } = encodeUpper(up);
        const digest = digestOf(manifest);
        draft.newBlobs.set(digest, manifest);
        // Files already stored keep their blob: a line stores what it wrote, not the whole layer again.
        const had = new Set(next.rwBlobs ?? []);
        for (const [d, b] of bytes) if (!had.has(d)) draft.newBlobs.set(d, b);
        next = { ...next, rwLayer: digest, rwBlobs: refs, sizeRw: up.sizeRw() };
      }
    }
    return next;
  }

  /**
   * Commits a change to one container with its layer and output; returns the
   * new record. `also` adds to the same batch (the terminal's meta record).
   */
  save(id: string, change: (c: Container) => Partial<Container>, also?: (draft: Draft) => void): Promise<Container | undefined> {
    return this.engine.transact((draft) => {
      const cur = draft.containers.get(id);
      if (!cur) return undefined;
      const c = asContainer(cur);
      const next = this.#persist(draft, this.#live.get(id), { ...c, ...change(c) });
      draft.containers.set(id, next);
      also?.(draft);
      return next;
    });
  }

  /** The program runner (loaded on first use). */
  runner(): Promise<ProgramRunner> {
    return this.#runnerOf();
  }

  #runnerOf(): Promise<ProgramRunner> {
    const p = this.#opts.programs;
    this.#runner ??= typeof p === 'function' ? p() : Promise.resolve(p);
    return this.#runner;
  }

  /** The spec of a process in a container. */
  specOf(c: Container, live: Live, over: Partial<ProcessSpec> & { argv: string[]; tty: boolean }, extraEnv: readonly string[] = []): ProcessSpec {
    return {
      env: processEnv(c, over.tty, extraEnv),
      cwd: c.config.WorkingDir || '/',
      user: c.config.User || 'root',
      hostname: c.config.Hostname,
      fs: this.#processFs(c, live),
      stdin: EOF_STDIN,
      stdout: () => undefined,
      stderr: () => undefined,
      signal: new AbortController().signal,
      network: labNetwork(this.engine).forProcess(c),
      now: () => this.engine.now(),
      random: this.engine.random,
      processes: () => this.processes(c.id).map((p) => ({ pid: p.pid, user: p.user, command: p.command })),
      privileged: c.hostConfig.Privileged ?? false,
      ...over,
    };
  }

  /** The filesystem a process sees: the root with the runtime's files, volumes and binds over it; read-only with `--read-only`. */
  #processFs(c: Container, live: Live): ProcessSpec['fs'] {
    const root = live.fs.withMounts(runtimeMounts(c, c.startedAt || this.engine.now()));
    const mounts = this.#mounted.get(c.id) ?? [];
    const ro = c.hostConfig.ReadonlyRootfs ?? false;
    return mounts.length > 0 || ro ? new MountedFs(root, mounts, ro) : root;
  }

  /**
   * Sets up a starting container's mounts as runc does: each mount point is
   * created in its writable layer (so `docker diff` lists it, not what is
   * under it), an empty volume is first filled from the image, and a `-v`
   * bind's missing host directory is created.
   */
  async #mount(c: Container, live: Live): Promise<void> {
    const table: Mount[] = [];
    for (const m of c.mounts ?? []) {
      const rel = m.target.slice(1);
      if (m.type === 'volume') {
        const v = this.engine.state.volumes.get(m.name!);
        if (!v) throw new EngineError('NotFound', `get ${m.name}: no such volume`);
        const under = live.fs.entry(rel);
        if (!m.nocopy && under?.type === 'dir' && (await this.volumes.isEmpty(v))) {
          await this.volumes.populate(v, under, [...live.fs.walk(rel)], rel);
        }
        table.push({ target: m.target, fs: await this.volumes.open(v), base: '/', readOnly: !m.rw });
      } else if (m.type === 'tmpfs') {
        // A fresh, empty filesystem at every start, kept nowhere (tmpfs lives in memory); mode 1777 unless `mode=` says otherwise.
        const mode = /(?:^|,)mode=([0-7]+)(?:,|$)/.exec(m.options ?? '')?.[1];
        const upper = new UpperLayer();
        upper.tree.put({ path: '', type: 'dir', mode: mode ? parseInt(mode, 8) : 0o1777, uid: 0, gid: 0, mtime: Math.floor(this.engine.now() / 1000), size: 0 });
        table.push({ target: m.target, fs: new OverlayFs(new Tree(), upper, () => this.engine.now() / 1000), base: '/', readOnly: !m.rw });
      } else {
        const host = this.engine.host;
        if (!host) throw new EngineError('System', `error while creating mount source path '${m.source}': the host filesystem is not available`);
        if (!(await host.exists(m.source!))) await host.mkdir(m.source!, { recursive: true });
        table.push({ target: m.target, fs: host, base: m.source!, readOnly: !m.rw, owner: { uid: 1000, gid: 1000 } });
      }
      if (!(await live.fs.exists(m.target))) await live.fs.mkdir(m.target, { recursive: true });
    }
    this.#mounted.set(c.id, table);
  }

  /**
   * `POST /containers/{id}/start`, attached or not. Resolves once the process
   * runs (or has already ended); a process that can't start leaves the
   * container Created with exit code 127 and throws runc's error.
   * `interactive` starts a shell for the terminal instead of a process.
   */
  async start(ref: string, io?: AttachIo, interactive = false): Promise<Started> {
    let c = this.get(ref);
    if (c.status === 'paused') throw new EngineError('Conflict', 'cannot start a paused container, try unpause instead');
    // moby: starting a running container is a no-op
    if (c.running && c.status !== 'restarting') return { exited: this.#live.get(c.id)?.exited ?? Promise.resolve(c.exitCode) };
    const live = await this.#liveOf(c);
    await this.#mount(c, live);
    if (c.config.WorkingDir && !(await live.fs.exists(c.config.WorkingDir))) await live.fs.mkdir(c.config.WorkingDir, { recursive: true });
    // Endpoints (addresses) are allocated when a container starts and released when it stops (network/endpoints.ts).
    const { networks, ip } = allocateAll(this.engine.state, c, this.engine.random);
    const conflict = portConflict(this.engine.state, c, Object.values(networks)[0]?.EndpointID ?? '');
    if (conflict) throw conflict;
    const pid = this.#pid();
    c = { ...c, ip, pid, networks };
    const abort = new AbortController();
    const tty = c.config.Tty;
    const listener: OutputListener | undefined = io ? (s, t) => (s === 1 ? io.stdout(t) : io.stderr(t)) : undefined;
    if (listener) live.listeners.add(listener);
    // A new process: no handlers until its program installs them.
    live.caught = new Set();
    const spec = this.specOf(c, live, {
      argv: [c.path, ...c.args],
      caught: live.caught,
      tty,
      stdin: io?.stdin ?? EOF_STDIN,
      stdout: (t) => live.output(1, t, tty),
      stderr: (t) => live.output(2, t, tty),
      signal: abort.signal,
    });
    const runner = await this.#runnerOf();
    labNetwork(this.engine).starting(c.id);
    let forced: (code: number) => void = () => undefined;
    const killed = new Promise<number>((r) => (forced = r));
    let program: Promise<number>;
    let shell: InteractiveProcess | undefined;
    // A detached container with an open stdin (`run -dit`) waits on its input:
    // a shell is kept at its prompt for a later attach; other programs read a stdin that never ends.
    const holdStdin = !io && c.config.OpenStdin;
    const image = this.engine.state.images.get(c.imageId);
    const foreign = image !== undefined && !runsOnHost(imagePlatform(image.config));
    if ((interactive || holdStdin) && !foreign) {
      try {
        shell = await runner.startInteractive(spec);
      } catch (err) {
        if (interactive || isExecNotFound(err)) {
          if (listener) live.listeners.delete(listener);
          return this.#failStart(c, err);
        }
      }
    }
    if (foreign) {
      // No emulation: the kernel refuses the foreign binary and runc's init says so on the container's stderr (exit 1).
      program = Promise.resolve().then(() => {
        live.output(2, `exec ${c.path}: exec format error\n`, tty);
        return 1;
      });
    } else if (shell) program = killed;
    else program = runner.runProcess(holdStdin ? { ...spec, stdin: { read: () => new Promise<string | null>(() => undefined) } } : spec);
    const early = await Promise.race([
      program.then((code) => ({ code }), (err: unknown) => ({ err })),
      (this.#opts.tick ?? (() => defaultSleep(0)))().then(() => undefined),
    ]);
    if (early && 'err' in early) {
      if (listener) live.listeners.delete(listener);
      return this.#failStart(c, early.err);
    }
    const startedAt = this.engine.now();
    // A start by the user resets the restart policy's count (moby ResetRestartManager).
    const byDaemon = this.#daemonStarts.delete(c.id);
    if (!byDaemon) this.#restarts.delete(c.id);
    this.#byUser.delete(c.id);
    await this.save(c.id, (now) => ({ running: true, status: 'running', startedAt, finishedAt: 0, exitCode: 0, error: '', ip, pid, restartCount: byDaemon ? now.restartCount : 0, networks }));
    live.abort = abort;
    live.interactive = shell;
    // SIGKILL: the process is gone at once; aborting too lets a program drop its timers.
    live.kill = (code) => {
      forced(code);
      if (!abort.signal.aborted) abort.abort('SIGKILL');
    };
    // A paused container's process cannot end before it is unpaused (or killed).
    const ended = program.catch(() => 126).then(async (code) => (await live.running(), code));
    const exited = Promise.race([ended, killed]).then(async (code) => {
      if (listener) live.listeners.delete(listener);
      try {
        return await this.#finish(c.id, code);
      } catch (err) {
        // The lab was closed under a running container (`bin/layerlab exec`
        // ending, a page going away): the store keeps it as running, as a
        // daemon outlives its client, and the next open starts it again.
        if (err instanceof StoreClosedError) return code;
        throw err;
      }
    });
    live.exited = exited;
    // A process that already ended (before the start was reported) is committed as exited first.
    if (early) await exited;
    else if (!io && !shell) await this.#settle(live, exited);
    return shell ? { shell, exited } : { exited };
  }

  /**
   * A detached start returns once the program has written its startup output
   * and gone quiet (or ended), at most ~0.6 s: a real daemon's process keeps
   * running while the CLI returns, and `docker logs` right after `run -d`
   * shows what the entrypoint printed. Programs here start asynchronously
   * (module loading), so the engine gives them that moment.
   */
  async #settle(live: Live, exited: Promise<number>): Promise<void> {
    const sleep = this.#opts.sleep ?? defaultSleep;
    let done = false;
    void exited.then(() => (done = true));
    // Until the first output (at most 400 ms: module loading on first use), then until 30 ms without output.
    const start = live.chunks;
    let quiet = 0;
    let seen = live.chunks;
    for (let i = 0; i < 60 && !done && (live.chunks === start ? i < 40 : quiet < 3); i++) {
      await sleep(10);
      if (live.chunks === seen) quiet++;
      else {
        quiet = 0;
        seen = live.chunks;
      }
    }
  }

  async #failStart(c: Container, err: unknown): Promise<never> {
    if (!isExecNotFound(err)) throw err;
    const code = err.message.includes('permission denied') ? 126 : 127;
    const e = startError(err.message);
    await this.save(c.id, () => ({ status: 'created', exitCode: code, error: e.message }));
    throw e;
  }

  /** Ends the main process's run: state exited, output and layer committed, --rm honoured. */
  async #finish(id: string, code: number): Promise<number> {
    const live = this.#live.get(id);
    live?.flush();
    if (live) {
      live.abort = undefined;
      live.kill = undefined;
      live.interactive = undefined;
    }
    // A retired engine's state no longer changes: no exit to record, no --rm to honour (it would find the container still running).
    if (this.#retired) return code;
    const finishedAt = this.engine.now();
    labNetwork(this.engine).closeAll(id);
    const before = this.engine.state.containers.get(id);
    const restart = before !== undefined && shouldRestart(asContainer(before).hostConfig.RestartPolicy, code, asContainer(before).restartCount, this.#byUser.has(id));
    // The shell's state and a terminal attached to the container end with it; a restart policy keeps it "running" while it waits (moby SetRestarting); its addresses are released.
    const after = await this.save(
      id,
      (now) => ({ running: restart, status: restart ? 'restarting' : 'exited', exitCode: code, finishedAt, pid: 0, ip: '', networks: releaseAll(this.engine.state, now), shell: null }),
      (d) => detachFrom(d, id),
    );
    // Everything is stored now: a stopped container's files are read back from its layer blob when needed.
    if (live && this.#live.get(id) === live) this.#live.delete(id);
    this.#mounted.delete(id);
    if (after?.hostConfig.AutoRemove) await this.remove(id, { force: true, volumes: true });
    else if (restart && after) this.#restartLater(after);
    return code;
  }

  /** Starts a container again after the restart policy's wait, unless it was stopped or removed meanwhile. */
  #restartLater(c: Container): void {
    const prev = this.#restarts.get(c.id);
    const pending = { waitMs: restartDelay(prev?.waitMs ?? 0, c.finishedAt - c.startedAt), cancelled: false };
    this.#restarts.set(c.id, pending);
    // Not one of the stores `stored()` waits for: a restart loop never ends on its own.
    void (this.#opts.sleep ?? defaultSleep)(pending.waitMs)
      .then(async () => {
        const now = this.engine.state.containers.get(c.id);
        if (pending.cancelled || this.#retired || !now || asContainer(now).status !== 'restarting') return;
        await this.save(c.id, (r) => ({ restartCount: r.restartCount + 1 }));
        this.#daemonStarts.add(c.id);
        await this.start(c.id);
      })
      .catch(() => undefined);
  }

  /** Ends a restart policy's wait (`docker stop`, `kill`, `rm -f` of a restarting container): it is exited. */
  async #cancelRestart(c: Container): Promise<boolean> {
    if (c.status !== 'restarting') return false;
    const pending = this.#restarts.get(c.id);
    if (pending) pending.cancelled = true;
    this.#byUser.add(c.id);
    await this.save(c.id, () => ({ running: false, status: 'exited' }));
    return true;
  }

  #pid(): number {
    this.#nextPid = this.#nextPid || 4000 + Math.floor(this.engine.random() * 20000);
    this.#nextPid += 1 + Math.floor(this.engine.random() * 40);
    return this.#nextPid;
  }

  /** `POST /containers/{id}/wait`: the exit code once the container is not running. */
  async wait(ref: string): Promise<number> {
    const c = this.get(ref);
    const live = this.#live.get(c.id);
    if (c.running && live?.exited) return live.exited;
    return c.exitCode;
  }

  /** `POST /containers/{id}/kill`: delivers a signal; KILL ends the process at once (exit 137). */
  async kill(ref: string, signal = 'KILL'): Promise<void> {
    // moby's kill route parses the signal before it looks up the container.
    let sig: number;
    try {
      sig = parseSignal(signal);
    } catch (err) {
      if (isEngineError(err)) throw new EngineError('InvalidParameter', `cannot kill container: ${ref}: ${err.message}`);
      throw err;
    }
    // moby's kill route wraps every error, a missing container's too.
    let c: Container;
    try {
      c = this.get(ref);
    } catch (err) {
      if (isEngineError(err)) throw new EngineError(err.code, `cannot kill container: ${ref}: ${err.message}`);
      throw err;
    }
    if (!c.running) throw new EngineError('Conflict', `cannot kill container: ${ref}: container ${c.id} is not running`);
    if (await this.#cancelRestart(c)) return;
    this.#byUser.add(c.id);
    await this.#signal(c, sig);
  }

  /**
   * Sends `sig` to the main process, PID 1 of the container: SIGKILL ends it
   * at once (137); any other signal reaches it only if the program catches it
   * (isDelivered), so `sleep` survives SIGTERM and `docker stop` waits for its
   * timeout. An interactive shell's SIGINT interrupts the line it runs.
   */
  async #signal(c: Container, sig: number): Promise<void> {
    const live = this.#live.get(c.id);
    if (sig === 9 || !live?.exited) {
      live?.dropHeld();
      if (live?.kill) {
        live.kill(128 + 9);
        await live.exited;
      } else await this.#finish(c.id, 128 + 9);
      return;
    }
    // moby killWithSignal: a paused container is resumed after the signal is sent (SIGKILL needs no resume).
    if (c.status === 'paused' || this.get(c.id).status === 'paused') await this.unpause(c.id);
    if (!isDelivered(sig, live.caught)) return;
    if (live.interactive && sig === 2) live.interactive.interrupt();
    else live.abort?.abort(signalName(sig));
  }

  /** `POST /containers/{id}/pause` (moby daemon/pause.go): the cgroup freezer stops every process. */
  async pause(ref: string): Promise<void> {
    const c = this.get(ref);
    if (!c.running) throw notRunning(c.id);
    if (c.status === 'paused') throw new EngineError('Conflict', `Container ${c.id} is already paused`);
    (await this.#liveOf(c)).hold(true);
    await this.save(c.id, () => ({ status: 'paused' }));
  }

  /** `POST /containers/{id}/unpause`: the processes go on; output held while paused is written now. */
  async unpause(ref: string): Promise<void> {
    const c = this.get(ref);
    if (c.status !== 'paused') throw new EngineError('Conflict', `Container ${c.id} is not paused`);
    this.#live.get(c.id)?.hold(false);
    await this.save(c.id, () => ({ status: 'running' }));
  }

  /** Whether the main process of a running container catches `signal` (`SIGINT`): what Ctrl-C at its terminal does. */
  catches(id: string, signal: string): boolean {
    return this.#live.get(id)?.caught.has(signal) ?? false;
  }

  /**
   * `POST /containers/{id}/stop`: the stop signal (SIGTERM unless the image,
   * `--stop-signal` or `-s` says otherwise), then SIGKILL once the timeout
   * (`-t`, else `--stop-timeout`, else 10 s) passes. Stopping a stopped
   * container is a no-op (moby answers 304 and the CLI echoes the name).
   */
  async stop(ref: string, opts: { timeout?: number; signal?: string } = {}): Promise<void> {
    const c = this.get(ref);
    try {
      await this.#stop(c, opts);
    } catch (err) {
      if (isEngineError(err)) throw new EngineError('System', `cannot stop container: ${ref}: ${err.message}`);
      throw err;
    }
  }

  /** moby containerStop: signal, wait, kill. The wait is real time, at most `maxStopWaitMs`. */
  async #stop(c: Container, opts: { timeout?: number; signal?: string }): Promise<void> {
    if (!c.running || (await this.#cancelRestart(c))) return;
    this.#byUser.add(c.id);
    const sig = parseSignal(opts.signal || c.config.StopSignal || 'SIGTERM');
    const live = this.#live.get(c.id);
    await this.#signal(c, sig);
    if (!live?.exited || !this.get(c.id).running) return;
    const timeout = opts.timeout ?? c.config.StopTimeout ?? 10;
    const wait = timeout < 0 ? undefined : Math.min(timeout * 1000, this.#opts.maxStopWaitMs ?? 1000);
    // The timeout starts once the signal has been handled: a program that ends on it at once is not killed.
    const tick = this.#opts.tick ?? (() => defaultSleep(0));
    const timedOut = tick().then(() => (this.#opts.sleep ?? defaultSleep)(wait ?? 0)).then(() => wait === undefined);
    const ended = await Promise.race([live.exited.then(() => true), timedOut]);
    // The program may be ending on its own already (its exit being committed): SIGKILL only if not, and
    // either way the stop returns once the container is stored as exited.
    if (!ended) live.kill?.(128 + 9);
    await live.exited;
  }

  /** `POST /containers/{id}/restart`: stop (if running), then start. */
  async restart(ref: string, opts: { timeout?: number; signal?: string } = {}): Promise<void> {
    const c = this.get(ref);
    try {
      await this.#stop(c, opts);
      await this.start(c.id);
    } catch (err) {
      if (isEngineError(err)) throw new EngineError('System', `Cannot restart container ${ref}: ${err.message}`);
      throw err;
    }
  }

  /**
   * `DELETE /containers/{id}?force=&v=`: with `volumes`, the anonymous
   * volumes made for it go too, unless another container uses them (moby
   * removeMountPoints); named volumes always stay.
   */
  async remove(ref: string, opts: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    const c = this.get(ref);
    if (c.running) {
      if (!opts.force && c.status === 'paused') throw new EngineError('Conflict', `cannot remove container "/${c.name}": container is paused and must be unpaused first`);
      if (!opts.force) {
        throw new EngineError('Conflict', `cannot remove container "/${c.name}": container is ${c.status === 'restarting' ? 'restarting' : 'running'}: stop the container before removing or force remove`);
      }
      if (!(await this.#cancelRestart(c))) {
        this.#byUser.add(c.id);
        await this.#signal(c, 9);
        if (c.hostConfig.AutoRemove) return;
      }
    }
    const dropped: string[] = [];
    await this.engine.transact((d) => {
      d.containers.delete(c.id);
      detachFrom(d, c.id);
      if (!opts.volumes) return;
      for (const m of c.mounts ?? []) {
        const v = m.type === 'volume' && m.anonymous ? d.volumes.get(m.name!) : undefined;
        if (!v || !isAnonymous(v) || [...d.containers.values()].some((o) => (asContainer(o).mounts ?? []).some((x) => x.name === v.name))) continue;
        d.volumes.delete(v.name);
        dropped.push(v.name);
      }
    });
    for (const name of dropped) this.volumes.drop(name);
    this.#live.delete(c.id);
    this.#restarts.delete(c.id);
  }

  /** Processes of a running container for `top` and `ps` inside it: the main one, then execs. */
  processes(id: string): Array<{ pid: number; ppid: number; user: string; command: string; tty: boolean }> {
    const c = asContainer(this.engine.state.containers.get(id)!);
    if (!c?.running) return [];
    return [{ pid: c.pid, ppid: c.pid - 20, user: c.config.User || 'root', command: [c.path, ...c.args].join(' '), tty: c.config.Tty }];
  }

  /**
   * Where `docker cp` reads or writes `path` (absolute in the container): a
   * path under a volume's mount point is in the volume (moby mounts a
   * container's volumes for the copy, running or not), anything else in the
   * container's own filesystem. Bind mounts are not followed (a Layerlab limit).
   */
  async archiveView(c: Container, path: string): Promise<{ fs: OverlayFs; path: string; readOnly: boolean }> {
    // Mounting the volumes for the copy creates every mount point in the container's layer, as a start does.
    const own = await this.fs(c);
    for (const x of c.mounts ?? []) if (!(await own.exists(x.target))) await own.mkdir(x.target, { recursive: true });
    const abs = '/' + path.split('/').filter((p) => p !== '' && p !== '.').join('/');
    const m = [...(c.mounts ?? [])]
      .filter((x) => x.type === 'volume' && (abs === x.target || abs.startsWith(x.target + '/')))
      .sort((a, b) => b.target.length - a.target.length)[0];
    const v = m && this.engine.state.volumes.get(m.name!);
    if (!m || !v) return { fs: own, path, readOnly: false };
    const rest = abs.slice(m.target.length) || '/';
    return { fs: await this.volumes.open(v), path: path.endsWith('/.') ? `${rest.replace(/\/$/, '')}/.` : rest, readOnly: !m.rw };
  }

  /** The in-memory side of a container, if loaded. */
  live(id: string): Live | undefined {
    return this.#live.get(id);
  }

  /** Loads (or reuses) the in-memory side of a container. */
  liveOf(c: Container): Promise<Live> {
    return this.#liveOf(c);
  }

  /** Attaches listeners to a container's output until it exits; resolves with its exit code. */
  async attach(ref: string, io: AttachIo): Promise<number> {
    const c = this.get(ref);
    if (!c.running) throw new EngineError('Conflict', 'You cannot attach to a stopped container, start it first');
    if (c.status === 'paused') throw new EngineError('Conflict', 'You cannot attach to a paused container, unpause it first');
    const live = await this.#liveOf(c);
    const l: OutputListener = (s, t) => (s === 1 ? io.stdout(t) : io.stderr(t));
    live.listeners.add(l);
    try {
      return await (live.exited ?? new Promise<number>(() => undefined));
    } finally {
      live.listeners.delete(l);
    }
  }

  /**
   * The engine was retired (another session owns the store): ends every
   * program of this engine's containers, as closing the page would; the
   * retired engine stores none of it.
   */
  retire(): void {
    this.#retired = true;
    for (const live of this.#live.values()) live.kill?.(128 + 9);
    this.#live.clear();
  }

  /** Restarts containers stored as running (see the module comment). */
  async resume(): Promise<void> {
    for (const r of [...this.engine.state.containers.values()]) {
      const c = asContainer(r);
      if (!c.running || this.#live.has(c.id)) continue;
      const startedAt = c.startedAt;
      const paused = c.status === 'paused';
      await this.save(c.id, () => ({ running: false, status: 'exited' }));
      try {
        this.#daemonStarts.add(c.id);
        await this.start(c.id);
        const live = this.#live.get(c.id);
        const state = c.shell as ShellState | null | undefined;
        if (live?.interactive) live.resumed = { kept: state ? ((await live.interactive.restore?.(state)) ?? false) : false };
        await this.save(c.id, () => ({ startedAt, shell: live?.interactive?.state?.() ?? null }));
        // A paused container comes back paused (its program started again, frozen at once).
        if (paused) await this.pause(c.id);
      } catch {
        // The program can't start any more (its executable is gone): it has exited with runc's status (127/126).
        await this.save(c.id, (now) => ({ status: 'exited', finishedAt: this.engine.now(), shell: null, exitCode: now.exitCode || 127 }));
      }
    }
  }
}
