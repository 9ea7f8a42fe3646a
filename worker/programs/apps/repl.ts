/**
 * The interactive prompts of `docker run -it python` and `docker run -it node`:
 * Python's `>>> ` (the python-eval.ts subset, echoing expression values) and Node's
 * `> ` (QuickJS, with `const`/`let` kept from line to line as in Node's REPL).
 * Banners go to the process's stdout when the prompt starts, as the real ones do.
 */
import type { QuickJSContext } from 'quickjs-emscripten-core';
import type { InteractiveProcess, ProcessSpec } from '../process.ts';
import { KERNEL } from '../applets/system.ts';
import { NODE_SHIM, v8Message } from './node-shim.ts';
import { PyError, PyExit, PyProgram, repr, Unsupported } from './python-eval.ts';

/** Python's interactive prompt. */
export function pythonRepl(spec: ProcessSpec, version: string): InteractiveProcess {
  spec.stdout(`Python ${version} (main, Jul 22 2025, 02:35:41) \n[GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`);
  let out = '';
  const py = new PyProgram({ env: spec.env, hostname: spec.hostname, version, input: () => null, out: (s) => { out += s; } });
  return {
    prompt: () => '>>> ',
    interrupt: () => undefined,
    feed: async (line) => {
      out = '';
      if (line === '\x04') return { stdout: '\n', stderr: '', exitCode: 0 };
      try {
        const v = py.interactive(line);
        if (v !== undefined && v !== null) out += repr(v) + '\n';
        return { stdout: out, stderr: '' };
      } catch (e) {
        if (e instanceof PyExit) return { stdout: out, stderr: '', exitCode: 0 };
        if (e instanceof PyError) return { stdout: out, stderr: e.type === 'SyntaxError' ? `  File "<stdin>", line 1\n    ${line.trim()}\n    ^\nSyntaxError: ${e.message}\n` : `Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n${e.type}: ${e.message}\n` };
        if (e instanceof Unsupported) return { stdout: out, stderr: `Layerlab: this python3 runs a small subset of Python; ${e.message} are not simulated\n` };
        throw e;
      }
    },
  };
}

/** Node's interactive prompt. */
export async function nodeRepl(spec: ProcessSpec, version: string): Promise<InteractiveProcess> {
  const core = await import('quickjs-emscripten-core');
  const QuickJS = await core.newQuickJSWASMModuleFromVariant((await import('@jitl/quickjs-wasmfile-release-sync')).default);
  const runtime = QuickJS.newRuntime();
  let deadline = Date.now() + 20_000;
  runtime.setInterruptHandler(() => Date.now() > deadline);
  const vm: QuickJSContext = runtime.newContext();
  let out = '';
  let err = '';
  const host = vm.newObject();
  const write = vm.newFunction('write', (fd, s) => {
    if (vm.getNumber(fd) === 2) err += vm.getString(s);
    else out += vm.getString(s);
  });
  const noop = vm.newFunction('noop', () => undefined);
  vm.setProp(host, 'write', write);
  vm.setProp(host, 'timer', noop);
  vm.setProp(host, 'listen', noop);
  write.dispose();
  noop.dispose();
  const info = vm.newString(JSON.stringify({ argv: ['/usr/local/bin/node'], env: spec.env, cwd: spec.cwd, hostname: spec.hostname, version, kernel: KERNEL.release, user: spec.user.split(':')[0], ip: spec.network.ip, main: '[repl]', tty: true, pid: 1 }));
  vm.setProp(host, 'info', info);
  info.dispose();
  vm.setProp(vm.global, '__host', host);
  host.dispose();
  vm.unwrapResult(vm.evalCode(NODE_SHIM, 'node:internal/bootstrap')).dispose();
  spec.stdout(`Welcome to Node.js v${version}.\nType ".help" for more information.\n`);
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    vm.dispose();
    runtime.dispose();
  };
  return {
    prompt: () => '> ',
    interrupt: () => undefined,
    feed: async (line) => {
      out = '';
      err = '';
      if (line === '\x04' || line.trim() === '.exit') {
        close();
        return { stdout: line === '\x04' ? '\n' : '', stderr: '', exitCode: 0 };
      }
      if (line.trim() === '') return { stdout: '', stderr: '' };
      deadline = Date.now() + 20_000;
      const r = vm.evalCode(line, 'REPL1');
      if (r.error) {
        const e = vm.dump(r.error) as { name?: string; message?: string } | string;
        r.error.dispose();
        err += typeof e === 'object' && e ? `Uncaught ${e.name ?? 'Error'}: ${v8Message(e.message ?? '')}\n` : `Uncaught ${String(e)}\n`;
      } else {
        vm.setProp(vm.global, '__last', r.value);
        r.value.dispose();
        const shown = vm.evalCode('require("util").inspect(__last)');
        if (!shown.error) {
          out += vm.getString(shown.value) + '\n';
          shown.value.dispose();
        } else shown.error.dispose();
      }
      runtime.executePendingJobs().dispose?.();
      return { stdout: out, stderr: err };
    },
  };
}
