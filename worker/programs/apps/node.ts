/**
 * node: runs a script's real JavaScript. Chosen engine: QuickJS compiled to
 * WebAssembly (quickjs-emscripten, loaded on first use), not `new Function` in the
 * worker: the learner's script then cannot reach the worker's own state (the lab's
 * IndexedDB, the engine), and a runaway loop is interrupted instead of freezing the
 * lab. Node's surface (console, process, require of fs/os/path/util/http/…, timers) is
 * the shim in node-shim.ts; `require("os").hostname()` is the container's hostname and
 * `require("fs")` reads and writes the container's files (mirror-fs.ts).
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { KERNEL } from '../applets/system.ts';
import type { Program, ProgramRun } from '../program.ts';
import { exitForSignal, readAllStdin, sleepFor, untilAborted } from '../program.ts';
import { absolutePath } from '../resolve.ts';
import { MirrorFs } from './mirror-fs.ts';
import { fsCall } from './node-fs-host.ts';
import { NODE_SHIM, v8Message } from './node-shim.ts';
import { nodeVersion } from './versions.ts';

/** Longest a script may compute without yielding before it is stopped (ms). */
const CPU_BUDGET_MS = 20_000;

async function quickjs(): Promise<import('quickjs-emscripten-core').QuickJSWASMModule> {
  const core = await import('quickjs-emscripten-core');
  const variant = (await import('@jitl/quickjs-wasmfile-release-sync')).default;
  return core.newQuickJSWASMModuleFromVariant(variant);
}

interface Outcome { code: number; listening: boolean }

async function execute(run: ProgramRun, source: string, main: string, argv: string[], version: string): Promise<Outcome> {
  const { spec } = run;
  const QuickJS = await quickjs();
  const files = await MirrorFs.load(spec.fs, spec.cwd, () => spec.now());
  const runtime = QuickJS.newRuntime();
  let deadline = Date.now() + CPU_BUDGET_MS;
  runtime.setInterruptHandler(() => Date.now() > deadline);
  const vm: QuickJSContext = runtime.newContext();
  const timers: Array<{ id: number; at: number }> = [];
  let clock = 0;
  let listening = false;
  try {
    const host = vm.newObject();
    const fn = (name: string, impl: (...a: QuickJSHandle[]) => QuickJSHandle | void): void => {
      const h = vm.newFunction(name, impl);
      vm.setProp(host, name, h);
      h.dispose();
    };
    fn('write', (fd, s) => {
      (vm.getNumber(fd) === 2 ? spec.stderr : spec.stdout)(vm.getString(s));
    });
    fn('timer', (id, ms) => {
      timers.push({ id: vm.getNumber(id), at: clock + vm.getNumber(ms) });
    });
    fn('listen', () => {
      listening = true;
    });
    fn('fs', (op, json) => vm.newString(fsCall(files, vm.getString(op), vm.getString(json))));
    const info = JSON.stringify({ argv, env: spec.env, cwd: spec.cwd, hostname: spec.hostname, version, kernel: KERNEL.release, user: spec.user.split(':')[0], ip: spec.network.ip, main, tty: spec.tty, pid: 1 });
    const infoHandle = vm.newString(info);
    vm.setProp(host, 'info', infoHandle);
    infoHandle.dispose();
    vm.setProp(vm.global, '__host', host);
    host.dispose();
    vm.unwrapResult(vm.evalCode(NODE_SHIM, 'node:internal/bootstrap')).dispose();

    const step = (code: string, file: string): number | undefined => {
      deadline = Date.now() + CPU_BUDGET_MS;
      const r = vm.evalCode(code, file);
      let status: number | undefined;
      if (r.error) {
        status = uncaught(vm, r.error, run, source, main, version);
        r.error.dispose();
      } else r.value.dispose();
      for (;;) {
        const jobs = runtime.executePendingJobs();
        if (jobs.error) {
          status ??= uncaught(vm, jobs.error, run, source, main, version);
          jobs.error.dispose();
          continue;
        }
        if (jobs.value === 0) break;
      }
      return status;
    };
    // CommonJS: the module body runs as a function, so top-level `return` works as in Node.
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})(exports, require, module, __filename, __dirname);`;
    let status = step(wrapped, main);
    while (status === undefined && timers.length > 0 && !spec.signal.aborted) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers.shift()!;
      if (t.at > clock && (await sleepFor(spec, t.at - clock))) break;
      clock = Math.max(clock, t.at);
      status = step(`__fire(${t.id})`, main);
    }
    if (status === undefined) {
      const proc = vm.getProp(vm.global, 'process');
      const exitCode = vm.getProp(proc, 'exitCode');
      status = vm.typeof(exitCode) === 'number' ? vm.getNumber(exitCode) : 0;
      exitCode.dispose();
      proc.dispose();
    }
    if (spec.signal.aborted && status === 0 && !listening) status = exitForSignal(spec.signal);
    return { code: status, listening: listening && status === 0 };
  } finally {
    vm.dispose();
    runtime.dispose();
    await files.writeBack(spec.fs);
  }
}

/** Prints an uncaught exception as Node does and returns 1 (or the process.exit code). */
function uncaught(vm: QuickJSContext, error: QuickJSHandle, run: ProgramRun, source: string, main: string, version: string): number {
  const e = vm.dump(error) as { code?: number; name?: string; message?: string; stack?: string } | string;
  if (typeof e === 'object' && e && typeof e.code === 'number' && e.name === undefined) return e.code;
  if (typeof e === 'object' && e && 'code' in e && !('message' in e)) return Number(e.code) || 0;
  const name = typeof e === 'object' && e ? e.name ?? 'Error' : 'Uncaught';
  const message = typeof e === 'object' && e ? v8Message(e.message ?? '') : String(e);
  const at = typeof e === 'object' && e?.stack ? /:(\d+)(?::\d+)?\)?\s*$/m.exec(e.stack.split('\n').find((l) => l.includes(main)) ?? '') : null;
  const line = at ? Number(at[1]) : 1;
  const text = source.split('\n')[line - 1] ?? '';
  run.spec.stderr(`${main}:${line}\n${text}\n^\n\n${name}: ${message}\n    at Object.<anonymous> (${main}:${line})\n\nNode.js v${version}\n`);
  return 1;
}

/** The node program: `node file.js args`, `node -e code`, `node -p expr`, `node -v`, or a script on stdin. */
export const node: Program = async (run) => {
  const { spec } = run;
  const version = await nodeVersion(spec.fs, spec.env);
  const [first, ...rest] = run.args;
  if (first === '-v' || first === '--version') {
    spec.stdout(`v${version}\n`);
    return 0;
  }
  let source: string;
  let main: string;
  let argv: string[];
  if (first === '-e' || first === '--eval' || first === '-p' || first === '--print') {
    source = first.startsWith('-p') || first === '--print' ? `console.log(eval(${JSON.stringify(rest[0] ?? '')}))` : rest[0] ?? '';
    main = '[eval]';
    argv = ['/usr/local/bin/node', ...rest.slice(1)];
  } else if (first !== undefined && first !== '-') {
    main = absolutePath(spec.cwd, first);
    argv = ['/usr/local/bin/node', main, ...rest];
    try {
      source = await spec.fs.readFile(main);
    } catch {
      spec.stderr(`node:internal/modules/cjs/loader:1404\n  throw err;\n  ^\n\nError: Cannot find module '${main}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1401:15)\n    at Function._load (node:internal/modules/cjs/loader:1211:37)\n    at TracingChannel.traceSync (node:diagnostics_channel:322:14)\n    at wrapModuleLoad (node:internal/modules/cjs/loader:235:24)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:152:5)\n    at node:internal/main/run_main_module:33:47 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version}\n`);
      return 1;
    }
  } else {
    // Node reads the program from stdin when it is not a terminal (`docker run -i node < app.js`).
    source = await readAllStdin(spec);
    main = '[stdin]';
    argv = ['/usr/local/bin/node'];
  }
  if (source.startsWith('#!')) source = '//' + source;
  const out = await execute(run, source, main, argv, version);
  if (out.listening) {
    // A listening server keeps the process alive until it is stopped.
    await untilAborted(spec.signal);
    // Node installs no SIGTERM/SIGINT handler: the default action ends it with 128+N.
    return exitForSignal(spec.signal);
  }
  return out.code;
};
