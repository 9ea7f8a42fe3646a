/**
 * Variable substitution in Dockerfile words: a port of BuildKit's
 * frontend/dockerfile/shell/lex.go (the code both builders of Docker 28 run).
 * `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}`,
 * `${VAR+word}`, `${VAR:?msg}`, `${VAR#pat}`, `${VAR%pat}` (and the greedy
 * `##`/`%%`), `${VAR/pat/repl}`; single quotes are literal, double quotes
 * expand, the escape token escapes the next character. `processWord` keeps
 * one string (ENV, COPY, WORKDIR…); `processWords` also splits the result on
 * unquoted whitespace (FROM's and EXPOSE's arguments).
 */

/** Variable lookup: value and whether it is set. */
export type EnvGetter = (name: string) => string | undefined;

/** Lexer options (lex.go Lex fields). */
export interface LexOptions {
  escapeToken?: string;
  /** Keep quote characters in the result (heredoc detection). */
  rawQuotes?: boolean;
  /** Leave unset variables as written (`$X`, `${X}`). */
  skipUnsetEnv?: boolean;
}

/** An error of substitution, worded as lex.go words it. */
export class LexError extends Error {}

const EOF = '';

class Scanner {
  #chars: string[];
  #pos = 0;
  constructor(s: string) {
    this.#chars = [...s];
  }
  peek(): string {
    return this.#chars[this.#pos] ?? EOF;
  }
  next(): string {
    return this.#chars[this.#pos++] ?? EOF;
  }
}

const isSpace = (c: string): boolean => /^\s$/u.test(c);

class Words {
  buf = '';
  words: string[] = [];
  inWord = false;
  addChar(ch: string): void {
    if (isSpace(ch) && this.inWord) {
      if (this.buf.length !== 0) {
        this.words.push(this.buf);
        this.buf = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) this.addRawChar(ch);
  }
  addRawChar(ch: string): void {
    this.buf += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  addRawString(s: string): void {
    this.buf += s;
    this.inWord = true;
  }
  get(): string[] {
    if (this.buf.length > 0) {
      this.words.push(this.buf);
      this.buf = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class ShellWord {
  rawEscapes = false;
  constructor(readonly sc: Scanner, readonly env: EnvGetter, readonly opts: Required<LexOptions>) {}

  processStopOn(stop: string, rawEscapes: boolean): { word: string; words: string[] } {
    let result = '';
    const words = new Words();
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.sc.peek() !== EOF) {
        let ch = this.sc.peek();
        if (stop !== EOF && ch === stop) {
          this.sc.next();
          return { word: result, words: words.get() };
        }
        const fn = ch === '$' ? () => this.dollar() : ch === '<' ? () => this.heredocMarker() : ch === "'" ? () => this.singleQuote() : ch === '"' ? () => this.doubleQuote() : undefined;
        if (fn) {
          const tmp = fn();
          result += tmp;
          if (ch === '$') words.addString(tmp);
          else words.addRawString(tmp);
          continue;
        }
        ch = this.sc.next();
        if (ch === this.opts.escapeToken) {
          if (this.rawEscapes) {
            words.addRawChar(ch);
            result += ch;
          }
          ch = this.sc.next();
          if (ch === EOF) break;
          words.addRawChar(ch);
        } else words.addChar(ch);
        result += ch;
      }
      if (stop !== EOF) throw new LexError(`unexpected end of statement while looking for matching ${stop}`);
      return { word: result, words: words.get() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  singleQuote(): string {
    let out = '';
    const open = this.sc.next();
    if (this.opts.rawQuotes) out += open;
    for (;;) {
      const ch = this.sc.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return this.opts.rawQuotes ? out + ch : out;
      out += ch;
    }
  }

  doubleQuote(): string {
    let out = '';
    const open = this.sc.next();
    if (this.opts.rawQuotes) out += open;
    for (;;) {
      const p = this.sc.peek();
      if (p === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === '"') {
        const ch = this.sc.next();
        return this.opts.rawQuotes ? out + ch : out;
      }
      if (p === '$') {
        out += this.dollar();
        continue;
      }
      let ch = this.sc.next();
      if (ch === this.opts.escapeToken) {
        if (this.rawEscapes) out += ch;
        const n = this.sc.peek();
        if (n === EOF) continue;
        if (n === '"' || n === '$' || n === this.opts.escapeToken) ch = this.sc.next();
      }
      out += ch;
    }
  }

  heredocMarker(): string {
    this.sc.next();
    if (this.sc.peek() !== '<') return '<';
    this.sc.next();
    let space = '';
    while (this.sc.peek() === ' ' || this.sc.peek() === '\t') space += this.sc.next();
    return '<<' + space;
  }

  name(): string {
    let name = '';
    for (;;) {
      const ch = this.sc.peek();
      if (ch === EOF) return name;
      if (name === '' && /^\d$/.test(ch)) {
        while (/^\d$/.test(this.sc.peek())) name += this.sc.next();
        return name;
      }
      if (name === '' && '@*#?-$!0'.includes(ch)) return this.sc.next();
      if (!/^[\p{L}\p{Nd}_]$/u.test(ch)) return name;
      name += this.sc.next();
    }
  }

  dollar(): string {
    this.sc.next();
    if (this.sc.peek() !== '{') {
      const name = this.name();
      if (name === '') return '$';
      const v = this.env(name);
      if (v === undefined && this.opts.skipUnsetEnv) return '$' + name;
      return v ?? '';
    }
    this.sc.next();
    const p = this.sc.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === '{' || p === '}' || p === ':') throw new LexError('syntax error: bad substitution');
    const name = this.name();
    let ch = this.sc.next();
    if (ch === EOF) throw new LexError("syntax error: missing '}'");
    let chs = ch;
    let nullIsUnset = false;
    if (ch === '}') {
      const v = this.env(name);
      if (v === undefined && this.opts.skipUnsetEnv) return `\${${name}}`;
      return v ?? '';
    }
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.sc.next();
      chs += ch;
    }
    if ('+-?#%'.includes(ch) && ch !== EOF) {
      const raw = ch === '#' || ch === '%';
      if (nullIsUnset && raw) throw new LexError(`unsupported modifier (${chs}) in substitution`);
      let word: string;
      try {
        word = this.processStopOn('}', raw).word;
      } catch (err) {
        if (this.sc.peek() === EOF) throw new LexError("syntax error: missing '}'");
        throw err;
      }
      const v = this.env(name);
      if (this.opts.skipUnsetEnv && v === undefined) return `\${${name}${chs}${word}}`;
      const unset = v === undefined || (nullIsUnset && v === '');
      switch (ch) {
        case '-':
          return unset ? word : v!;
        case '+':
          return unset ? '' : word;
        case '?':
          if (v === undefined) throw new LexError(`${name}: ${word || 'is not allowed to be unset'}`);
          if (nullIsUnset && v === '') throw new LexError(`${name}: ${word || 'is not allowed to be empty'}`);
          return v;
        default: {
          const greedy = word.startsWith(ch);
          if (greedy) word = word.slice(1);
          return trim(v ?? '', word, ch === '%', greedy);
        }
      }
    }
    if (ch === '/') {
      const all = this.sc.peek() === '/';
      if (all) this.sc.next();
      const pattern = this.processStopOn('/', true).word;
      const repl = this.processStopOn('}', true).word;
      const v = this.env(name);
      if (this.opts.skipUnsetEnv && v === undefined) return `\${${name}/${pattern}/${repl}}`;
      const re = new RegExp(globToRegex(pattern), all ? 'gs' : 's');
      return (v ?? '').replace(re, () => repl);
    }
    throw new LexError(`unsupported modifier (${chs}) in substitution`);
  }
}

/** Shell glob (`*`, `?`, `[...]`, `\x`) → regex source (lex.go convertShellPatternToRegex). */
function globToRegex(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '\\' && i + 1 < pattern.length) out += escapeRe(pattern[++i]!);
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += '[' + pattern.slice(i + 1, end).replace(/^!/, '^') + ']';
        i = end;
      }
    } else out += escapeRe(c);
  }
  return out;
}

const escapeRe = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function trim(value: string, pattern: string, suffix: boolean, greedy: boolean): string {
  const body = globToRegex(pattern);
  const lazy = greedy ? body : body.replace(/\.\*/g, '.*?');
  if (!suffix) {
    const m = new RegExp(`^(?:${lazy})`, 's').exec(value);
    return m ? value.slice(m[0].length) : value;
  }
  // Shortest suffix: try the longest prefix first; longest suffix: the shortest prefix.
  const re = new RegExp(`^(?:${body})$`, 's');
  if (greedy) {
    for (let i = 0; i <= value.length; i++) if (re.test(value.slice(i))) return value.slice(0, i);
  } else {
    for (let i = value.length; i >= 0; i--) if (re.test(value.slice(i))) return value.slice(0, i);
  }
  return value;
}

function full(opts: LexOptions): Required<LexOptions> {
  return { escapeToken: opts.escapeToken ?? '\\', rawQuotes: opts.rawQuotes ?? false, skipUnsetEnv: opts.skipUnsetEnv ?? false };
}

/** lex.go ProcessWord: the word with variables expanded and quotes removed. */
export function processWord(word: string, env: EnvGetter, opts: LexOptions = {}): string {
  const sw = new ShellWord(new Scanner(word), env, full(opts));
  try {
    return sw.processStopOn(EOF, false).word;
  } catch (err) {
    if (err instanceof LexError) throw new LexError(`failed to process "${word}": ${err.message}`);
    throw err;
  }
}

/** lex.go ProcessWords: expanded and split on unquoted whitespace. */
export function processWords(word: string, env: EnvGetter, opts: LexOptions = {}): string[] {
  const sw = new ShellWord(new Scanner(word), env, full(opts));
  try {
    return sw.processStopOn(EOF, false).words;
  } catch (err) {
    if (err instanceof LexError) throw new LexError(`failed to process "${word}": ${err.message}`);
    throw err;
  }
}
