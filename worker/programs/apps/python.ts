/**
 * python3: real Python, run by MicroPython compiled to WebAssembly (micropython.ts),
 * dressed as the image's CPython where a program can see it (python-prelude.ts) and
 * plain about where it differs (README "Python"). `python3 file.py args`, `-c code`,
 * `-m module`, `-V`, or a program on stdin. The interpreter runs the whole program
 * at once: MicroPython cannot pause for a promise, so `time.sleep` advances the
 * process's clock instead of waiting, `input()` reads stdin that was piped in, and a
 * program that computes for longer than CPU_BUDGET_MS is stopped with a message.
 */
import type { IFileSystem } from 'just-bash';
import type { Program } from '../program.ts';
import { exitForSignal, readAllStdin } from '../program.ts';
import type { ProcessSpec } from '../process.ts';
import { absolutePath } from '../resolve.ts';
import { newMicroPython, withInstance, type MicroPython } from './micropython.ts';
import { cpythonTraceback } from './python-errors.ts';
import { copyIn, copyOut } from './python-fs.ts';
import { PRELUDE, type PreludeInfo } from './python-prelude.ts';
import { KERNEL } from '../applets/system.ts';
import { missingModuleNote } from './python-modules.ts';
import { pythonVersion } from './versions.ts';

/** Longest a program may compute before it is stopped (ms). */
export const CPU_BUDGET_MS = 20_000;

/** Longest a program may sleep in all (s of the program's clock) before it is stopped. */
export const SLEEP_BUDGET_S = 3600;

/** Thrown from a host call to end a program that ran out of time; the message says why. */
class OutOfTime extends Error {}
const STOPPED = 'Layerlab runs a Python program at once (MicroPython in the page), so a program that never ends cannot wait for docker stop or Ctrl-C';

/** The streams, clock and host calls of one interpreter. */
export interface PythonSession {
  mp: MicroPython;
  /** Writes what the program printed so far to the process's stdout/stderr. */
  flush(): void;
  /** Restarts the CPU budget (each REPL line has its own). */
  resetBudget(): void;
  /** Why Layerlab interrupted the program, if it did. */
  stopped(): string | undefined;
  /** The text of a file in the interpreter's filesystem (for tracebacks). */
  source(file: string): string | undefined;
}

/** Site-packages directories a pip install would fill, for the missing-module note. */
async function installedPackages(fs: IFileSystem): Promise<Set<string>> {
  const out = new Set<string>();
  for (const dir of ['/usr/local/lib', '/usr/lib']) {
    for (const py of await fs.readdir(dir).catch(() => [] as string[])) {
      if (!py.startsWith('python3')) continue;
      for (const sub of ['site-packages', 'dist-packages']) {
        for (const n of await fs.readdir(`${dir}/${py}/${sub}`).catch(() => [] as string[])) out.add(n.replace(/\.py$/, ''));
      }
    }
  }
  return out;
}

/**
 * A fresh interpreter for `spec` with the prelude run: argv, the container's files
 * (copyIn) and environment. `stdinText` is what `input()` and sys.stdin read
 * (null: nothing was piped in).
 */
export async function startPython(spec: ProcessSpec, argv: string[], path0: string, stdinText: string | null): Promise<PythonSession & { finish(): Promise<void> }> {
  const version = await pythonVersion(spec.fs, spec.env);
  const installed = await installedPackages(spec.fs);
  const stdin = new TextEncoder().encode(stdinText ?? '');
  let stdinAt = 0;
  const decoders = { out: new TextDecoder(), err: new TextDecoder() };
  let out: number[] = [];
  let err: number[] = [];
  let deadline = Date.now() + CPU_BUDGET_MS;
  let clock = spec.now();
  let stopped: string | undefined;
  // Over budget while printing: MicroPython's own KeyboardInterrupt (what Ctrl-C raises
  // in CPython) at its next bytecode check. Throwing from here instead would surface
  // as an I/O error inside print().
  const checkTime = (): void => {
    if (stopped !== undefined || Date.now() <= deadline) return;
    stopped = `Layerlab: python was stopped after ${CPU_BUDGET_MS / 1000} s of computing: ${STOPPED}`;
    (mp._module as { _mp_sched_keyboard_interrupt(): void })._mp_sched_keyboard_interrupt();
  };
  const flush = (): void => {
    if (out.length) spec.stdout(decoders.out.decode(new Uint8Array(out), { stream: true }));
    if (err.length) spec.stderr(decoders.err.decode(new Uint8Array(err), { stream: true }));
    out = [];
    err = [];
  };
  const mp = await newMicroPython({
    stdin: () => (stdinAt < stdin.length ? stdin[stdinAt++]! : null),
    stdout: (b) => {
      if (err.length) flush();
      out.push(b);
      if (b === 10 || out.length > 4096) {
        flush();
        checkTime();
      }
    },
    stderr: (b) => {
      if (out.length) flush();
      err.push(b);
      if (b === 10) flush();
    },
  });
  const info: PreludeInfo = { version, hostname: spec.hostname, kernel: KERNEL.release, argv, executable: '/usr/local/bin/python', env: spec.env, path0, pid: 1 };
  mp.registerJsModule('_layerlab', {
    info: () => JSON.stringify(info),
    now: () => clock / 1000,
    monotonic: () => (clock - startClock) / 1000 + 0.05,
    sleep: (seconds: number) => {
      flush();
      // A JS exception thrown from a host call leaves the interpreter at once (Python cannot catch it).
      if (Date.now() > deadline) throw new OutOfTime(`Layerlab: python was stopped after ${CPU_BUDGET_MS / 1000} s of computing: ${STOPPED}`);
      clock += Math.max(0, Number(seconds) || 0) * 1000;
      // time.sleep does not wait (the program runs at once): a loop that sleeps forever
      // would otherwise print an hour of output in a moment and go on.
      if (clock - startClock > SLEEP_BUDGET_S * 1000) throw new OutOfTime(`Layerlab: python was stopped after sleeping ${SLEEP_BUDGET_S} s of its own clock: ${STOPPED}`);
    },
    readline: () => {
      flush();
      // '' is the end of input (a line read before it ends with a newline or is not empty).
      if (stdinAt >= stdin.length) return '';
      let end = stdin.indexOf(10, stdinAt);
      end = end < 0 ? stdin.length : end + 1;
      const line = new TextDecoder().decode(stdin.subarray(stdinAt, end));
      stdinAt = end;
      return line;
    },
    note: (name: string) => (name === '<stdin>' ? (stdinText === null && spec.tty ? ' (Layerlab runs a Python program at once, so input() cannot wait for typing: pipe the input in, e.g. echo Ada | docker run -i …)' : '') : missingModuleNote(name, installed)),
  });
  const startClock = clock;
  const snapshot = await copyIn(spec.fs, mp.FS, spec.cwd);
  // Compiled as "<layerlab>" so that tracebacks can leave the prelude's frames out.
  mp.globals.set('_ll_prelude', PRELUDE);
  withInstance(mp, () => mp.runPython("exec(compile(_ll_prelude, '<layerlab>', 'exec'))"));
  return {
    mp,
    flush,
    resetBudget: () => {
      deadline = Date.now() + CPU_BUDGET_MS;
    },
    stopped: () => stopped,
    source: (file) => {
      try {
        return new TextDecoder().decode(mp.FS.readFile(file));
      } catch {
        return undefined;
      }
    },
    finish: async () => {
      flush();
      await copyOut(spec.fs, mp.FS, snapshot);
    },
  };
}

/**
 * Runs `code` (compiled as `file` in `mode`, in the globals dict named `globals`) in
 * `session`; an uncaught exception is printed as CPython prints it. Returns the exit
 * status; at a prompt (`repl`), only when the code ended the interpreter (SystemExit).
 */
export function runCode(session: PythonSession, spec: ProcessSpec, code: string, file: string, mode: 'exec' | 'single', globals: string, repl = false): number | undefined {
  const { mp } = session;
  mp.globals.set('_ll_src', code);
  mp.globals.set('_ll_file', file);
  let result: [number, boolean, string | null, string | null, string[] | null];
  try {
    result = withInstance(mp, () => {
      mp.runPython(`_ll_result = _ll_run(_ll_src, _ll_file, '${mode}', ${globals})`);
      return [...(mp.globals.get('_ll_result') as Iterable<unknown>)] as typeof result;
    });
  } catch (e) {
    session.flush();
    if (e instanceof OutOfTime) {
      // The interpreter was left mid-statement: it is not used again (a prompt ends too).
      spec.stderr(`${e.message}\n`);
      return 137;
    }
    throw e;
  }
  session.flush();
  const [status, exited, type, message, frames] = result;
  const stop = session.stopped();
  if (stop !== undefined && type === 'KeyboardInterrupt') {
    spec.stderr(`${stop}\n`);
    return 137;
  }
  if (type !== null) spec.stderr(cpythonTraceback(type, message ?? '', [...(frames ?? [])], session.source));
  return repl && !exited ? undefined : status;
}

const USAGE = 'usage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\n';
/** Options CPython accepts that change nothing a program here can observe (MicroPython's output is unbuffered anyway). */
const NO_EFFECT = new Set(['-u', '-B', '-E', '-s', '-S', '-O', '-OO', '-q', '-b', '-d', '-v']);

/** The python3 program. */
export const python: Program = async (run) => {
  const { spec } = run;
  let i = 0;
  while (i < run.args.length && NO_EFFECT.has(run.args[i]!)) i++;
  const first = run.args[i];
  const rest = run.args.slice(i + 1);
  if (first === '--version' || first === '-V') {
    spec.stdout(`Python ${await pythonVersion(spec.fs, spec.env)}\n`);
    return 0;
  }
  if (first !== undefined && first.startsWith('-') && !['-c', '-m', '-'].includes(first)) {
    spec.stderr(`Unknown option: ${first}\n${USAGE}Try \`python -h' for more information.\n`);
    return 2;
  }
  if (spec.signal.aborted) return exitForSignal(spec.signal);
  let source: string;
  let file: string;
  let argv: string[];
  let path0 = spec.cwd;
  if (first === '-c') {
    source = rest[0] ?? '';
    file = '<string>';
    argv = ['-c', ...rest.slice(1)];
  } else if (first === '-m' && rest[0] === 'http.server') {
    // The lab's network server (python-http.ts): CPython's http.server, not MicroPython's.
    return (await import('./python-http.ts')).httpServer(spec, rest.slice(1), await pythonVersion(spec.fs, spec.env));
  } else if (first === '-m') {
    const mod = rest[0] ?? '';
    // MicroPython has no runpy: a module runs by import, as `-m` runs its __main__ code.
    source = `__import__(${JSON.stringify(mod)})`;
    file = '<layerlab>';
    argv = [mod, ...rest.slice(1)];
  } else if (first !== undefined && first !== '-') {
    file = absolutePath(spec.cwd, first);
    argv = [first, ...rest];
    path0 = file.slice(0, file.lastIndexOf('/')) || '/';
    try {
      source = await spec.fs.readFile(file);
    } catch {
      spec.stderr(`${run.name}: can't open file '${file}': [Errno 2] No such file or directory\n`);
      return 2;
    }
  } else {
    source = await readAllStdin(spec);
    file = '<stdin>';
    argv = [first ?? ''];
  }
  // stdin is read before the program runs, and only when the program reads it:
  // a program that never reads stdin must not wait for it (`docker run -i`).
  const wantsStdin = file !== '<stdin>' && /\binput\s*\(|\bstdin\b/.test(source);
  const stdinText = wantsStdin && !spec.tty ? await readAllStdin(spec) : null;
  const session = await startPython(spec, argv, path0, stdinText);
  try {
    if (first === '-m') {
      // `python -m missing` is one line, unquoted: `/usr/local/bin/python: No module named missing`.
      let err = '';
      const status = runCode(session, { ...spec, stderr: (s) => (err += s) }, source, file, 'exec', "{'__name__': '__main__'}") ?? 0;
      const missing = /^Traceback \(most recent call last\):\nModuleNotFoundError: No module named '([^']+)'(.*)\n$/.exec(err);
      spec.stderr(missing ? `/usr/local/bin/${run.name}: No module named ${missing[1]}${missing[2]}\n` : err);
      return status;
    }
    return runCode(session, spec, source, file, 'exec', "{'__name__': '__main__', '__file__': _ll_file}") ?? 0;
  } finally {
    await session.finish();
  }
};

