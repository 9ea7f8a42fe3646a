/**
 * The filesystem side of build steps. A stage keeps its own merged tree (a
 * copy of the base image's, so the shared cached trees of RootfsLoader are
 * never mutated); each filesystem step runs on an overlay of that tree with
 * a fresh writable layer, exactly as a RUN container does in either builder,
 * and the writable layer's entries — upperdir → tar, whiteouts included —
 * are the step's layer. The layer is then folded into the stage's tree.
 */
import type { Entry } from '../layer/entry.ts';
import { dirName } from '../layer/entry.ts';
import { initLayer } from '../containers/changes.ts';
import { OverlayFs } from '../containers/overlay-fs.ts';
import { isExecNotFound, type ProcessSpec, type ProgramRunner } from '../containers/runtime.ts';
import { StackedView, Tree, applyLayer } from '../containers/tree.ts';
import { UpperLayer } from '../containers/upper.ts';

/** What a RUN needs besides the tree. */
export interface RunRequest {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  user: string;
  hostname: string;
  /** `docker build --network=none`: the step runs with only loopback. */
  noNetwork?: boolean;
  now: () => number;
  random: () => number;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The outcome of a RUN: exit code (127 when nothing could be executed) and the layer it wrote. */
export interface RunOutcome {
  exitCode: number;
  layer: Entry[];
  /** runc's message when the executable was missing. */
  execError?: string;
}

/** The merged filesystem of one stage while it builds. */
export class StageFs {
  readonly tree: Tree;

  constructor(base?: Tree) {
    this.tree = new Tree();
    if (base) for (const e of base.entries.values()) this.tree.put(e);
  }

  /** An overlay over the stage's tree with a fresh writable layer. */
  overlay(now: () => number): OverlayFs {
    const nowSec = Math.floor(now() / 1000);
    return new OverlayFs(new StackedView(initLayer(this.tree, nowSec), this.tree), new UpperLayer(), () => now() / 1000);
  }

  /** Runs a command as a RUN step's container does; the layer is what it changed. */
  async run(runner: ProgramRunner, req: RunRequest): Promise<RunOutcome> {
    const fs = this.overlay(req.now);
    if (req.cwd !== '/' && !(await fs.exists(req.cwd))) await fs.mkdir(req.cwd, { recursive: true });
    const spec: ProcessSpec = {
      argv: req.argv,
      env: req.env,
      cwd: req.cwd,
      user: req.user || 'root',
      hostname: req.hostname,
      fs,
      tty: false,
      stdin: { read: async () => null },
      stdout: req.stdout,
      stderr: req.stderr,
      signal: new AbortController().signal,
      network: req.noNetwork ? { ip: '', none: true } : { ip: '' },
      now: req.now,
      random: req.random,
    };
    try {
      const exitCode = await runner.runProcess(spec);
      return { exitCode, layer: fs.upper.toLayerEntries() };
    } catch (err) {
      if (!isExecNotFound(err)) throw err;
      return { exitCode: 127, layer: [], execError: err.message };
    }
  }

  /** Creates a directory (and its parents) as WORKDIR does; the layer holds what was created. */
  async mkdir(path: string, now: () => number): Promise<Entry[]> {
    const fs = this.overlay(now);
    if (!(await fs.exists(path))) await fs.mkdir(path, { recursive: true });
    return fs.upper.toLayerEntries();
  }

  /**
   * Places entries (COPY/ADD results, paths absolute under /) with their
   * metadata; missing parent directories are created 0755 root as both
   * builders create them. Returns the layer.
   */
  async place(entries: readonly Entry[], now: () => number): Promise<Entry[]> {
    const fs = this.overlay(now);
    for (const e of entries) {
      const parent = dirName(e.path);
      if (parent !== '' && !(await fs.exists('/' + parent))) await fs.mkdir('/' + parent, { recursive: true });
      fs.putEntry(e);
    }
    return fs.upper.toLayerEntries();
  }

  /** Whether a path is a directory in the stage's tree. */
  isDir(path: string): boolean {
    return this.tree.get(path.replace(/^\/+|\/+$/g, ''))?.type === 'dir';
  }

  /** Folds a step's layer into the stage's tree. */
  apply(layer: readonly Entry[]): void {
    applyLayer(this.tree, layer);
  }
}
