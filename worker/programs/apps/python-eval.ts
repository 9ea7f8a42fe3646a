/**
 * A small, honest subset of Python 3 for `python3 app.py`: assignments, print() with
 * sep/end, strings (also f-strings with {expr} and {expr:.2f}-style specs), int
 * (arbitrary precision, as Python's) and float arithmetic, comparisons, and/or/not,
 * lists, len/str/int/float/input, and `import os, sys, socket, platform, math` for
 * os.environ.get/os.getenv, socket.gethostname(), platform.python_version().
 * Anything else stops with a clear message instead of pretending.
 */

/** A Python value. */
export type Py = bigint | number | string | boolean | null | Py[] | { module: string } | { fn: string; self?: Py };

/** Raised for Python exceptions (NameError, ZeroDivisionError, …). */
export class PyError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

/** exit() or quit() at the prompt. */
export class PyExit extends Error {}

/** Raised for syntax outside the supported subset. */
export class Unsupported extends Error {}

/** What the evaluator needs from its process. */
export interface PyHost { env: Record<string, string>; hostname: string; version: string; input(): string | null; out(s: string): void }

type Tok = { t: 'num' | 'str' | 'fstr' | 'name' | 'op'; v: string };

const OPS = ['**', '//', '==', '!=', '<=', '>=', '+', '-', '*', '/', '%', '<', '>', '(', ')', '[', ']', ',', '.', '=', ':'];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '#') break;
    const str = /^([fFrRbB]{0,2})("""|'''|"|')/.exec(src.slice(i));
    if (str && (str[1]!.length > 0 ? /[a-zA-Z]/.test(c) : true) && (str[1] !== '' || c === '"' || c === "'")) {
      const q = str[2]!;
      let j = i + str[0].length;
      let v = '';
      while (j < src.length && src.slice(j, j + q.length) !== q) {
        if (src[j] === '\\' && !/r/i.test(str[1]!)) {
          const e = src[j + 1]!;
          v += ({ n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"', r: '\r', '0': '\0' } as Record<string, string>)[e] ?? '\\' + e;
          j += 2;
        } else v += src[j++];
      }
      if (j >= src.length) throw new PyError('SyntaxError', 'unterminated string literal');
      out.push({ t: /f/i.test(str[1]!) ? 'fstr' : 'str', v });
      i = j + q.length;
      continue;
    }
    const num = /^(\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/.exec(src.slice(i));
    if (num) { out.push({ t: 'num', v: num[1]!.replace(/_/g, '') }); i += num[1]!.length; continue; }
    const name = /^[A-Za-z_]\w*/.exec(src.slice(i));
    if (name) { out.push({ t: 'name', v: name[0] }); i += name[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new PyError('SyntaxError', 'invalid syntax');
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

/** Python's str() of a value. */
export function str(v: Py): string {
  if (typeof v === 'string') return v;
  return repr(v);
}

/** Python's repr() of a value. */
export function repr(v: Py): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
    return String(v).replace(/e([+-])(\d)$/, 'e$10$2');
  }
  if (typeof v === 'string') return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
  if ('module' in v) return `<module '${v.module}'>`;
  return `<built-in function ${v.fn}>`;
}

function truthy(v: Py): boolean {
  if (v === null || v === false || v === 0 || v === 0n || v === '') return false;
  return !(Array.isArray(v) && v.length === 0);
}

function typeName(v: Py): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  return Array.isArray(v) ? 'list' : 'module';
}

function arith(op: string, a: Py, b: Py): Py {
  if (typeof a === 'boolean') a = BigInt(a);
  if (typeof b === 'boolean') b = BigInt(b);
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (op === '+' && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (op === '*' && typeof a === 'string' && typeof b === 'bigint') return a.repeat(Number(b));
  if (op === '%' && typeof a === 'string') return a.replace(/%[sd]/, str(Array.isArray(b) ? b[0]! : b));
  const nums = (typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number');
  if (!nums) {
    const sym = op;
    throw new PyError('TypeError', op === '+' && typeof a === 'string' ? `can only concatenate str (not "${typeName(b)}") to str` : `unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
  }
  if (typeof a === 'bigint' && typeof b === 'bigint' && op !== '/') {
    if ((op === '//' || op === '%') && b === 0n) throw new PyError('ZeroDivisionError', op === '%' ? 'integer modulo by zero' : 'integer division or modulo by zero');
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    if (op === '**') return b >= 0n ? a ** b : Number(a) ** Number(b);
    const q = a / b;
    const floor = (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
    return op === '//' ? floor : a - floor * b;
  }
  const x = Number(a);
  const y = Number(b);
  if ((op === '/' || op === '//' || op === '%') && y === 0) throw new PyError('ZeroDivisionError', op === '/' ? 'division by zero' : 'float divmod()');
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return x / y;
    case '//': return Math.floor(x / y);
    case '%': return x - Math.floor(x / y) * y;
    default: return x ** y;
  }
}

function compare(op: string, a: Py, b: Py): boolean {
  const n = (v: Py): number | string => (typeof v === 'bigint' || typeof v === 'boolean' ? Number(v) : (v as number | string));
  if (op === '==') return typeof a === 'object' || typeof b === 'object' ? repr(a) === repr(b) : n(a) === n(b);
  if (op === '!=') return !compare('==', a, b);
  const x = n(a);
  const y = n(b);
  if (typeof x !== typeof y) throw new PyError('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

/** Formats one f-string replacement with a format spec (`.2f`, `d`, `>10`, `,`). */
function formatSpec(v: Py, spec: string): string {
  const m = /^(?:(.)?([<>^]))?(\d+)?(,)?(?:\.(\d+))?([dfs%])?$/.exec(spec);
  if (!m) throw new Unsupported(`format spec '${spec}'`);
  const [, fill = ' ', align, width, comma, prec, type] = m;
  let s: string;
  if (type === 'f' || (prec !== undefined && type === undefined && typeof v !== 'string')) s = Number(v).toFixed(Number(prec ?? 6));
  else if (type === '%') s = (Number(v) * 100).toFixed(Number(prec ?? 6)) + '%';
  else s = str(v);
  if (comma) s = s.replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  const w = Number(width ?? 0);
  const al = align ?? (typeof v === 'string' ? '<' : '>');
  if (s.length >= w) return s;
  const padding = fill.repeat(w - s.length);
  if (al === '<') return s + padding;
  if (al === '>') return padding + s;
  const left = fill.repeat(Math.floor((w - s.length) / 2));
  return left + s + fill.repeat(w - s.length - left.length);
}

/** Evaluates Python source, statement by statement, writing through `host`. */
export class PyProgram {
  readonly vars = new Map<string, Py>();

  constructor(private readonly host: PyHost) {}

  /** Runs one line at the interactive prompt: an expression's value is returned for echoing. */
  interactive(line: string): Py | undefined {
    const trimmed = line.trim();
    if (/^(import|from)\s/.test(trimmed) || /^[A-Za-z_]\w*\s*[-+*/]?=(?!=)/.test(trimmed) || trimmed === '' || trimmed.startsWith('#')) {
      this.statement(line);
      return undefined;
    }
    if (/^(exit|quit)\(\)$/.test(trimmed)) throw new PyExit();
    const kw = /^(if|elif|else|for|while|def|class|try|except|with|return|lambda|async|await|yield|global|raise|pass)\b/.exec(trimmed);
    if (kw) {
      this.statement(line);
      return undefined;
    }
    return this.expr(tokenize(trimmed));
  }

  /** Runs one logical line. */
  statement(line: string): void {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === 'pass') return;
    const imp = /^import\s+([\w\s,]+)$/.exec(trimmed) ?? /^from\s+(\w+)\s+import\s+[\w\s,*]+$/.exec(trimmed);
    if (imp) {
      for (const m of imp[1]!.split(',').map((x) => x.trim())) {
        if (!['os', 'sys', 'socket', 'platform', 'math', 'time'].includes(m)) throw new PyError('ModuleNotFoundError', `No module named '${m}'`);
        this.vars.set(m, { module: m });
      }
      return;
    }
    const kw = /^(if|elif|else|for|while|def|class|try|except|with|return|lambda|async|await|yield|global|raise)\b/.exec(trimmed);
    if (kw || /:\s*$/.test(trimmed)) throw new Unsupported(`'${kw?.[1] ?? trimmed.split(/\s/)[0]}' statements`);
    const toks = tokenize(trimmed);
    const assign = toks.length > 2 && toks[0]!.t === 'name' && toks[1]!.v === '=' ? toks[0]!.v : undefined;
    const aug = toks.length > 2 && toks[0]!.t === 'name' && ['+', '-', '*', '/'].includes(toks[1]!.v) && toks[2]!.v === '=' ? toks[1]!.v : undefined;
    if (aug) {
      const cur = this.lookup(toks[0]!.v);
      this.vars.set(toks[0]!.v, arith(aug, cur, this.expr(toks.slice(3))));
      return;
    }
    const value = this.expr(assign ? toks.slice(2) : toks);
    if (assign) this.vars.set(assign, value);
  }

  private lookup(name: string): Py {
    if (this.vars.has(name)) return this.vars.get(name)!;
    if (['print', 'len', 'str', 'int', 'float', 'input', 'range', 'abs', 'round', 'max', 'min', 'sum', 'type', 'repr', 'bool', 'sorted'].includes(name)) return { fn: name };
    if (name === 'True') return true;
    if (name === 'False') return false;
    if (name === 'None') return null;
    throw new PyError('NameError', `name '${name}' is not defined`);
  }

  /** Evaluates an expression's tokens. */
  expr(toks: Tok[]): Py {
    let pos = 0;
    const peek = (): Tok | undefined => toks[pos];
    const eat = (v?: string): Tok => {
      const t = toks[pos++];
      if (!t || (v !== undefined && t.v !== v)) throw new PyError('SyntaxError', 'invalid syntax');
      return t;
    };
    const or = (): Py => { let l = and(); while (peek()?.v === 'or') { pos++; const r = and(); l = truthy(l) ? l : r; } return l; };
    const and = (): Py => { let l = not(); while (peek()?.v === 'and') { pos++; const r = not(); l = truthy(l) ? r : l; } return l; };
    const not = (): Py => { if (peek()?.v === 'not') { pos++; return !truthy(not()); } return cmp(); };
    const cmp = (): Py => {
      let l = sum();
      while (peek() && ['==', '!=', '<', '>', '<=', '>=', 'in'].includes(peek()!.v)) {
        const op = eat().v;
        const r = sum();
        l = op === 'in' ? (typeof r === 'string' ? r.includes(str(l)) : Array.isArray(r) && r.some((x) => compare('==', x, l))) : compare(op, l, r);
      }
      return l;
    };
    const sum = (): Py => { let l = term(); while (peek()?.v === '+' || peek()?.v === '-') { const op = eat().v; l = arith(op, l, term()); } return l; };
    const term = (): Py => { let l = unary(); while (['*', '/', '//', '%'].includes(peek()?.v ?? '')) { const op = eat().v; l = arith(op, l, unary()); } return l; };
    const unary = (): Py => {
      if (peek()?.v === '-') { pos++; return arith('-', 0n, unary()); }
      if (peek()?.v === '+') { pos++; return unary(); }
      return power();
    };
    const power = (): Py => { const b = postfix(); if (peek()?.v === '**') { pos++; return arith('**', b, unary()); } return b; };
    const postfix = (): Py => {
      let v = atom();
      for (;;) {
        if (peek()?.v === '(') {
          pos++;
          const args: Py[] = [];
          const kwargs: Record<string, Py> = {};
          while (peek()?.v !== ')') {
            if (peek()?.t === 'name' && toks[pos + 1]?.v === '=') { const k = eat().v; pos++; kwargs[k] = or(); } else args.push(or());
            if (peek()?.v === ',') pos++;
          }
          eat(')');
          v = this.call(v, args, kwargs);
        } else if (peek()?.v === '.') {
          pos++;
          v = this.attr(v, eat().v);
        } else if (peek()?.v === '[') {
          pos++;
          const i = or();
          eat(']');
          if (typeof v !== 'string' && !Array.isArray(v)) throw new PyError('TypeError', `'${typeName(v)}' object is not subscriptable`);
          let n = Number(i);
          if (n < 0) n += v.length;
          if (n < 0 || n >= v.length) throw new PyError('IndexError', `${typeName(v)} index out of range`);
          v = v[n]!;
        } else return v;
      }
    };
    const atom = (): Py => {
      const t = eat();
      if (t.t === 'num') return /[.eE]/.test(t.v) ? Number(t.v) : BigInt(t.v);
      if (t.t === 'str') { let s = t.v; while (peek()?.t === 'str') s += eat().v; return s; }
      if (t.t === 'fstr') return t.v.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (m, e: string | undefined) => {
        if (e === undefined) return m[0]!;
        const [expr, spec] = splitSpec(e);
        const val = this.expr(tokenize(expr));
        return spec === undefined ? str(val) : formatSpec(val, spec);
      });
      if (t.t === 'name') return this.lookup(t.v);
      if (t.v === '(') { const v = or(); eat(')'); return v; }
      if (t.v === '[') { const items: Py[] = []; while (peek()?.v !== ']') { items.push(or()); if (peek()?.v === ',') pos++; } eat(']'); return items; }
      throw new PyError('SyntaxError', 'invalid syntax');
    };
    const v = or();
    if (pos < toks.length) throw new PyError('SyntaxError', 'invalid syntax');
    return v;
  }

  private attr(v: Py, name: string): Py {
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'module' in v) {
      const m = v.module;
      if (m === 'sys' && name === 'version') return `${this.host.version} (main, Jul 22 2025, 02:35:41) [GCC 12.2.0]`;
      if (m === 'sys' && name === 'argv') return (this.vars.get('__argv__') as Py[]) ?? [];
      if (m === 'math' && name === 'pi') return Math.PI;
      if (m === 'os' && name === 'environ') return { module: 'os.environ' };
      return { fn: `${m}.${name}` };
    }
    if (typeof v === 'string' && ['upper', 'lower', 'strip', 'title', 'split', 'replace', 'join', 'startswith', 'endswith', 'capitalize'].includes(name)) return { fn: `str.${name}`, self: v };
    if (Array.isArray(v) && name === 'append') return { fn: 'list.append', self: v };
    throw new PyError('AttributeError', `'${typeName(v)}' object has no attribute '${name}'`);
  }

  private call(f: Py, args: Py[], kwargs: Record<string, Py>): Py {
    if (typeof f !== 'object' || f === null || Array.isArray(f) || !('fn' in f)) throw new PyError('TypeError', `'${typeName(f)}' object is not callable`);
    const a0 = args[0] ?? null;
    const self = f.self;
    switch (f.fn) {
      case 'print': this.host.out(args.map(str).join(kwargs.sep === undefined ? ' ' : str(kwargs.sep)) + (kwargs.end === undefined ? '\n' : str(kwargs.end))); return null;
      case 'len': if (typeof a0 !== 'string' && !Array.isArray(a0)) throw new PyError('TypeError', `object of type '${typeName(a0)}' has no len()`); return BigInt(a0.length);
      case 'str': return str(a0);
      case 'repr': return repr(a0);
      case 'bool': return truthy(a0);
      case 'int': {
        if (typeof a0 === 'number') return BigInt(Math.trunc(a0));
        if (typeof a0 === 'string' && /^\s*[+-]?\d+\s*$/.test(a0)) return BigInt(a0.trim());
        if (typeof a0 === 'bigint') return a0;
        throw new PyError('ValueError', `invalid literal for int() with base 10: ${repr(a0)}`);
      }
      case 'float': if (typeof a0 === 'string' && Number.isNaN(Number(a0))) throw new PyError('ValueError', `could not convert string to float: ${repr(a0)}`); return Number(a0);
      case 'abs': return typeof a0 === 'bigint' ? (a0 < 0n ? -a0 : a0) : Math.abs(Number(a0));
      case 'round': return args.length > 1 ? Number(Number(a0).toFixed(Number(args[1]))) : BigInt(Math.round(Number(a0)));
      case 'max': case 'min': { const list = args.length === 1 && Array.isArray(a0) ? a0 : args; return list.reduce((x, y) => (compare(f.fn === 'max' ? '>' : '<', y, x) ? y : x)); }
      case 'sum': return (Array.isArray(a0) ? a0 : []).reduce<Py>((x, y) => arith('+', x, y), 0n);
      case 'sorted': return [...(Array.isArray(a0) ? a0 : [])].sort((x, y) => (compare('<', x, y) ? -1 : compare('>', x, y) ? 1 : 0));
      case 'range': { const [s, e] = args.length > 1 ? [Number(a0), Number(args[1])] : [0, Number(a0)]; return Array.from({ length: Math.max(0, e - s) }, (_, i) => BigInt(s + i)); }
      case 'type': return `<class '${typeName(a0)}'>`;
      case 'input': if (args.length > 0) this.host.out(str(a0)); { const l = this.host.input(); if (l === null) throw new PyError('EOFError', 'EOF when reading a line'); return l; }
      case 'socket.gethostname': case 'platform.node': return this.host.hostname;
      case 'platform.python_version': return this.host.version;
      case 'platform.system': return 'Linux';
      case 'os.getenv': case 'os.environ.get': return this.host.env[str(a0)] ?? args[1] ?? null;
      case 'os.getcwd': return (this.vars.get('__cwd__') as string) ?? '/';
      case 'math.sqrt': return Math.sqrt(Number(a0));
      case 'math.floor': return BigInt(Math.floor(Number(a0)));
      case 'math.ceil': return BigInt(Math.ceil(Number(a0)));
      case 'time.time': return Date.now() / 1000;
      case 'str.upper': return (self as string).toUpperCase();
      case 'str.lower': return (self as string).toLowerCase();
      case 'str.strip': return (self as string).trim();
      case 'str.capitalize': return (self as string).charAt(0).toUpperCase() + (self as string).slice(1).toLowerCase();
      case 'str.title': return (self as string).replace(/\w\S*/g, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
      case 'str.split': return a0 === null ? (self as string).trim().split(/\s+/) : (self as string).split(str(a0));
      case 'str.replace': return (self as string).split(str(a0)).join(str(args[1] ?? ''));
      case 'str.join': return (Array.isArray(a0) ? a0 : []).map(str).join(self as string);
      case 'str.startswith': return (self as string).startsWith(str(a0));
      case 'str.endswith': return (self as string).endsWith(str(a0));
      case 'list.append': (self as Py[]).push(a0); return null;
      default: throw new Unsupported(`${f.fn}()`);
    }
  }
}

function splitSpec(e: string): [string, string | undefined] {
  let depth = 0;
  for (let i = 0; i < e.length; i++) {
    if ('([{'.includes(e[i]!)) depth++;
    else if (')]}'.includes(e[i]!)) depth--;
    else if (e[i] === ':' && depth === 0) return [e.slice(0, i), e.slice(i + 1)];
    else if (e[i] === '!' && e[i + 1] === 'r' && depth === 0) return [`repr(${e.slice(0, i)})`, undefined];
  }
  return [e, undefined];
}
