/**
 * The interactive prompts of `docker run -it python` and `docker run -it node`:
 * Python's `>>> ` (MicroPython, echoing expression values) and Node's
 * `> ` (QuickJS, with `const`/`let` kept from line to line as in Node's REPL).
 * Banners go to the process's stdout when the prompt starts, as the real ones do.
 */
import type { QuickJSContext } from 'quickjs-emscripten-core';
import type { InteractiveProcess, ProcessSpec } from '../process.ts';
import { KERNEL } from '../applets/system.ts';
import { NODE_SHIM, v8Message } from './node-shim.ts';
import { MirrorFs } from './mirror-fs.ts';
import { fsCall } from './node-fs-host.ts';
import { runCode, startPython } from './python.ts';

/** Python's interactive prompt (CPython's `>>> ` and `... `), on MicroPython (python.ts). */
export async function pythonRepl(spec: ProcessSpec, version: string): Promise<InteractiveProcess> {
  spec.stdout(`Python ${version} (main, Jul 22 2025, 02:35:41) \n[GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`);
  let out = '';
  let err = '';
  const captured: ProcessSpec = { ...spec, stdout: (s) => { out += s; }, stderr: (s) => { err += s; } };
  const session = await startPython(captured, [''], '', null);
  session.mp.runPython("_ll_g = {'__name__': '__main__'}");
  let lines: string[] = [];
  return {
    prompt: () => (lines.length === 0 ? '>>> ' : '... '),
    // Ctrl-C at the prompt drops what was typed so far, as CPython does (the
    // terminal shows ^C; CPython's `KeyboardInterrupt` line is not printed).
    interrupt: () => {
      lines = [];
    },
    feed: async (line) => {
      out = '';
      err = '';
      if (line === '\x04') {
        await session.finish();
        return { stdout: '\n', stderr: '', exitCode: 0 };
      }
      if (lines.length === 0 && line.trim() === '') return { stdout: '', stderr: '' };
      lines.push(line);
      if (!replInputComplete(lines)) return { stdout: '', stderr: '' };
      const source = lines.join('\n') + '\n';
      lines = [];
      session.resetBudget();
      const status = runCode(session, captured, source, '<stdin>', 'single', '_ll_g', true);
      await session.finish();
      return status === undefined ? { stdout: out, stderr: err } : { stdout: out, stderr: err, exitCode: status };
    },
  };
}

/**
 * Whether the lines typed so far make a statement to run (CPython's codeop): open
 * brackets, an unterminated triple-quoted string or a trailing backslash continue; a
 * compound statement (`for …:`, `def …:`, a decorator) continues until an empty line.
 */
export function replInputComplete(lines: string[]): boolean {
  let depth = 0;
  let quote: string | null = null;
  const text = lines.join('\n');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      } else if (c === '\n' && quote.length === 1) quote = null;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'") quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
  }
  if (quote || depth > 0 || text.endsWith('\\')) return false;
  const first = lines[0]!.replace(/#.*/, '').trimEnd();
  const compound = first.endsWith(':') || first.trimStart().startsWith('@');
  return !compound || lines[lines.length - 1]!.trim() === '';
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
  const files = await MirrorFs.load(spec.fs, spec.cwd, () => spec.now());
  const fsFn = vm.newFunction('fs', (op, json) => vm.newString(fsCall(files, vm.getString(op), vm.getString(json))));
  vm.setProp(host, 'fs', fsFn);
  fsFn.dispose();
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
      await files.writeBack(spec.fs);
      return { stdout: out, stderr: err };
    },
  };
}
