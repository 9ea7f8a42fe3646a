/**
 * python3: runs a script with the subset of python-eval.ts (print, variables,
 * expressions, f-strings, a few modules). Errors print Python's traceback form; syntax
 * outside the subset says so plainly rather than guessing.
 */
import type { Program } from '../program.ts';
import { readAllStdin } from '../program.ts';
import { absolutePath } from '../resolve.ts';
import { PyError, PyProgram, Unsupported } from './python-eval.ts';
import { pythonVersion } from './versions.ts';

/** Source lines joined into logical lines (open brackets and trailing backslashes continue a line). */
function logicalLines(source: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let buf = '';
  let start = 0;
  let depth = 0;
  source.split('\n').forEach((l, i) => {
    if (buf === '') start = i + 1;
    const code = l.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""').replace(/#.*/, '');
    for (const c of code) depth += '([{'.includes(c) ? 1 : ')]}'.includes(c) ? -1 : 0;
    if (l.endsWith('\\')) { buf += l.slice(0, -1); return; }
    buf += (buf ? ' ' : '') + l;
    if (depth > 0) return;
    out.push({ text: buf, line: start });
    buf = '';
  });
  if (buf.trim()) out.push({ text: buf, line: start });
  return out;
}

/** The python3 program: `python3 file.py`, `python3 -c code`, `python3 --version`, or a script on stdin. */
export const python: Program = async (run) => {
  const { spec } = run;
  const version = await pythonVersion(spec.fs, spec.env);
  const [first, ...rest] = run.args;
  if (first === '--version' || first === '-V') {
    spec.stdout(`Python ${version}\n`);
    return 0;
  }
  let source: string;
  let file: string;
  if (first === '-c') {
    source = rest[0] ?? '';
    file = '<string>';
  } else if (first !== undefined && first !== '-') {
    file = absolutePath(spec.cwd, first);
    try {
      source = await spec.fs.readFile(file);
    } catch {
      spec.stderr(`${run.name}: can't open file '${file}': [Errno 2] No such file or directory\n`);
      return 2;
    }
  } else {
    source = await readAllStdin(spec);
    file = '<stdin>';
  }
  const inputLines = first === undefined ? [] : (await readAllStdin(spec)).split('\n');
  const py = new PyProgram({ env: spec.env, hostname: spec.hostname, version, input: () => inputLines.shift() ?? null, out: (s) => spec.stdout(s) });
  py.vars.set('__argv__', [first === '-c' ? '-c' : first ?? '', ...rest]);
  py.vars.set('__cwd__', spec.cwd);
  for (const { text, line } of logicalLines(source)) {
    if (/^\s+\S/.test(text) && !text.trim().startsWith('#')) {
      spec.stderr(`  File "${file}", line ${line}\n    ${text.trim()}\nIndentationError: unexpected indent\n`);
      return 1;
    }
    try {
      py.statement(text);
    } catch (e) {
      if (e instanceof PyError && e.type === 'SyntaxError') {
        spec.stderr(`  File "${file}", line ${line}\n    ${text.trim()}\n    ^\nSyntaxError: ${e.message}\n`);
        return 1;
      }
      if (e instanceof PyError) {
        spec.stderr(`Traceback (most recent call last):\n  File "${file}", line ${line}, in <module>\n    ${text.trim()}\n${e.type}: ${e.message}\n`);
        return 1;
      }
      if (e instanceof Unsupported) {
        spec.stderr(`  File "${file}", line ${line}\n    ${text.trim()}\nLayerlab: this python3 runs a small subset of Python (print, variables, expressions, f-strings); ${e.message} are not simulated\n`);
        return 1;
      }
      throw e;
    }
  }
  return 0;
};
