/**
 * MicroPython's uncaught-exception report turned into CPython 3.9's: the source line
 * under each frame of a file CPython could read, the prelude's own frames left out,
 * and MicroPython's terser messages in CPython's words (`divide by zero` →
 * `division by zero`, `name 'x' isn't defined` → `name 'x' is not defined`, …).
 * Messages without a known CPython wording stay MicroPython's. Where the error is
 * MicroPython's limit (a str method or module function CPython has, a slice with a
 * step), the message says so after CPython's words.
 */
import CPYTHON_NAMES from './cpython-names.json';

const NAMES = CPYTHON_NAMES as Record<string, string[]>;

/** The note after an error that real CPython would not raise, or ''. */
export function limitNote(type: string, message: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^'(\w+)' object has no attribute '(\w+)'$/.exec(message)) && NAMES[`<${m[1]}>`]?.includes(m[2]!)) return ` (Layerlab runs MicroPython, whose ${m[1]} has no ${m[2]})`;
  if ((m = /^module '([\w.]+)' has no attribute '(\w+)'$/.exec(message)) && NAMES[m[1]!]?.includes(m[2]!)) return ` (Layerlab runs MicroPython, whose ${m[1]} module has no ${m[2]})`;
  if (type === 'NotImplementedError' && message.startsWith('only slices with step=1')) return ' (Layerlab runs MicroPython, which slices str, tuple and bytes only with a step of 1; a list can be reversed with [::-1])';
  if (type === 'TypeError' && (message === 'extra keyword arguments given' || message === 'extra positional arguments given' || /^function takes \d+ positional arguments but \d+ were given$/.test(message))) return ' (Layerlab runs MicroPython, whose built-in functions take fewer arguments than CPython\'s)';
  return '';
}

const OPERATORS: Record<string, string> = {
  __add__: '+', __sub__: '-', __mul__: '*', __truediv__: '/', __floordiv__: '//', __mod__: '%', __pow__: '** or pow()',
  __lshift__: '<<', __rshift__: '>>', __and__: '&', __or__: '|', __xor__: '^', __matmul__: '@',
};
const COMPARISONS: Record<string, string> = { __lt__: '<', __le__: '<=', __gt__: '>', __ge__: '>=' };

/** CPython's type and message for MicroPython's. */
export function cpythonMessage(type: string, message: string): [string, string] {
  let m: RegExpExecArray | null;
  if (type === 'ZeroDivisionError' && message === 'divide by zero') return [type, 'division by zero'];
  if ((m = /^name '(.*)' isn't defined$/.exec(message))) return [type, `name '${m[1]}' is not defined`];
  if ((m = /^local variable '(.*)' referenced before assignment$/.exec(message))) return [type, message];
  if ((m = /^unsupported types for (__\w+__): '(\w+)', '(\w+)'$/.exec(message))) {
    const [, op, a, b] = m;
    if (op === '__add__' && (a === 'str' || a === 'list' || a === 'tuple') && a !== b) return [type, a === 'str' ? `can only concatenate str (not "${b}") to str` : `can only concatenate ${a} (not "${b}") to ${a}`];
    if (op === '__mul__' && (a === 'str' || b === 'str')) return [type, `can't multiply sequence by non-int of type '${a === 'str' ? b : a}'`];
    if (OPERATORS[op!]) return [type, `unsupported operand type(s) for ${OPERATORS[op!]}: '${a}' and '${b}'`];
    if (COMPARISONS[op!]) return [type, `'${COMPARISONS[op!]}' not supported between instances of '${a}' and '${b}'`];
  }
  if ((m = /^invalid syntax for integer with base (\d+): (.*)$/.exec(message))) return [type, `invalid literal for int() with base ${m[1]}: ${m[2]}`];
  if ((m = /^(\w+)\(\) takes (\d+) positional arguments but (\d+) were given$/.exec(message))) {
    const [, fn, want, got] = m;
    if (Number(got) < Number(want)) return [type, `${fn}() missing ${Number(want) - Number(got)} required positional argument${Number(want) - Number(got) === 1 ? '' : 's'}`];
    return [type, `${fn}() takes ${want} positional argument${want === '1' ? '' : 's'} but ${got} ${got === '1' ? 'was' : 'were'} given`];
  }
  if (type === 'ValueError' && message === 'invalid syntax for number') return [type, 'could not convert string to float'];
  return [type, message];
}

/** Reads a source file's text for the traceback, or undefined when there is none. */
export type SourceReader = (file: string) => string | undefined;

/**
 * The whole report CPython prints on stderr for an uncaught exception.
 * `frames` are MicroPython's `  File "x", line N, in f` lines.
 */
export function cpythonTraceback(type: string, message: string, frames: string[], read: SourceReader): string {
  const shown = frames.filter((f) => !f.includes('"<layerlab>"'));
  const [t, m] = cpythonMessage(type, message);
  const text = m + limitNote(type, message);
  const last = `${t}${text === '' ? '' : ': ' + text}\n`;
  const source = (file: string, line: number): string | undefined => {
    const text = read(file)?.split('\n')[line - 1];
    return text === undefined ? undefined : text.trim();
  };
  if (type === 'SyntaxError' || type === 'IndentationError') {
    // CPython reports a compile error without a traceback: where, the line, a caret.
    const at = /File "(.*)", line (\d+)/.exec(shown[shown.length - 1] ?? '');
    if (!at) return last;
    return syntaxError(type, message, at[1]!, Number(at[2]), read);
  }
  let out = 'Traceback (most recent call last):\n';
  for (const f of shown) {
    out += f + '\n';
    const at = /^ {2}File "(.*)", line (\d+), in /.exec(f);
    const text = at ? source(at[1]!, Number(at[2])) : undefined;
    if (text) out += `    ${text}\n`;
  }
  return out + last;
}

/**
 * A compile error as CPython 3.9 words the common ones MicroPython only calls
 * `invalid syntax`: an unclosed bracket at the end of the file (MicroPython points
 * past the last line), a block without an indented body, Python 2's print statement.
 * The caret goes under the end of the line (MicroPython reports no column).
 */
function syntaxError(type: string, message: string, file: string, line: number, read: SourceReader): string {
  const lines = read(file)?.split('\n');
  let n = line;
  let [t, m] = [type, message];
  if (lines && type === 'SyntaxError' && message === 'invalid syntax') {
    const prev = (k: number): number => {
      while (k > 1 && (lines[k - 2] ?? '').trim() === '') k--;
      return k - 1;
    };
    const text = lines[n - 1] ?? '';
    if (text.trim() === '' && n > 1) {
      n = prev(n);
      m = 'unexpected EOF while parsing';
    } else if (/^\s*print\s+[^\s(=]/.test(text)) {
      m = `Missing parentheses in call to 'print'. Did you mean print(${text.trim().replace(/^print\s+/, '')})?`;
    } else if (n > 1) {
      const before = lines[prev(n) - 1] ?? '';
      const indent = (s: string): number => /^\s*/.exec(s)![0].length;
      if (before.replace(/#.*/, '').trimEnd().endsWith(':') && indent(text) <= indent(before)) [t, m] = ['IndentationError', 'expected an indented block'];
    }
  }
  const text = lines?.[n - 1]?.trim();
  const caret = t === 'IndentationError' && m === 'expected an indented block' ? 0 : Math.max(0, (text ?? '').length - 1);
  return `  File "${file}", line ${n}\n` + (text === undefined ? '' : `    ${text}\n    ${' '.repeat(caret)}^\n`) + `${t}: ${m}\n`;
}
