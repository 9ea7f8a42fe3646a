/**
 * Lexer for Go text/template (text/template/parse/lex.go, Go 1.22+ rules):
 * `{{- ` / ` -}}` trim markers, comments, newlines allowed inside actions.
 * Positions are JS string indices; errors convert them to Go's byte columns.
 */
import { goQuote } from '../../../common/go-strconv.ts';

/** Go's itemType names; keywords sort after 'keyword' in Go, see {@link isKeyword}. */
export type ItemType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'complex' | 'assign' | 'declare' | 'eof'
  | 'field' | 'identifier' | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString'
  | 'rightDelim' | 'rightParen' | 'space' | 'string' | 'text' | 'variable'
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil'
  | 'range' | 'template' | 'with';

/** One token: type, start index, text, 1-based line of its start. */
export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, ItemType> = {
  '.': 'dot', block: 'block', break: 'break', continue: 'continue', define: 'define', else: 'else',
  end: 'end', if: 'if', range: 'range', nil: 'nil', template: 'template', with: 'with',
};

/** Keyword items print as `<else>` in parse errors (Go's `i.typ > itemKeyword`). */
export function isKeyword(t: ItemType): boolean {
  return Object.values(KEYWORDS).includes(t);
}

const EOF = '';
const isSpace = (r: string): boolean => r === ' ' || r === '\t' || r === '\r' || r === '\n';
const ALNUM = /^[_\p{L}\p{Nd}]$/u;
const isAlphaNumeric = (r: string): boolean => r !== EOF && ALNUM.test(r);
const PRINTABLE_ASCII = /^[\x20-\x7e]$/;

/** Tokenize a whole template; the list ends with an 'eof' or an 'error' item. */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  let done = false;
  const lineAt = (p: number): number => {
    let n = 1;
    for (let i = input.indexOf('\n'); i >= 0 && i < p; i = input.indexOf('\n', i + 1)) n++;
    return n;
  };
  const emit = (typ: ItemType): void => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: lineAt(start) });
    start = pos;
  };
  const fail = (msg: string): void => {
    items.push({ typ: 'error', pos: start, val: msg, line: lineAt(start) });
    done = true;
  };
  const peekRune = (): string => {
    if (pos >= input.length) return EOF;
    return String.fromCodePoint(input.codePointAt(pos) as number);
  };
  const next = (): string => {
    const r = peekRune();
    pos += r.length;
    return r;
  };
  const accept = (valid: string): boolean => {
    const r = peekRune();
    if (r !== EOF && valid.includes(r)) {
      pos += r.length;
      return true;
    }
    return false;
  };
  const acceptRun = (valid: string): void => {
    while (accept(valid));
  };
  const hasLeftTrim = (p: number): boolean => input[p] === '-' && isSpace(input[p + 1] ?? '');
  const hasRightTrim = (p: number): boolean => isSpace(input[p] ?? '') && input[p + 1] === '-';
  /** [atDelim, trimSpace] — Go's atRightDelim. */
  const atRightDelim = (): [boolean, boolean] => {
    if (hasRightTrim(pos) && input.startsWith('}}', pos + 2)) return [true, true];
    return [input.startsWith('}}', pos), false];
  };
  const leftTrimLength = (p: number): number => {
    let n = 0;
    while (isSpace(input[p + n] ?? '')) n++;
    return n;
  };
  const atTerminator = (): boolean => {
    const r = peekRune();
    return r === EOF || isSpace(r) || '.,|:)('.includes(r) || r === '}';
  };

  const lexText = (): void => {
    const x = input.indexOf('{{', pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) emit('text');
      emit('eof');
      done = true;
      return;
    }
    pos = x;
    let trimmed = pos;
    if (hasLeftTrim(pos + 2)) while (trimmed > start && isSpace(input[trimmed - 1])) trimmed--;
    if (trimmed > start) {
      const save = pos;
      pos = trimmed;
      emit('text');
      pos = save;
    }
    start = pos;
    lexLeftDelim();
  };

  const lexLeftDelim = (): void => {
    pos += 2;
    const trim = hasLeftTrim(pos);
    const after = trim ? 2 : 0;
    if (input.startsWith('/*', pos + after)) {
      pos += after;
      start = pos;
      lexComment();
      return;
    }
    emit('leftDelim');
    pos += after;
    start = pos;
    parenDepth = 0;
    while (!done && lexInsideAction());
  };

  const lexComment = (): void => {
    pos += 2;
    const x = input.indexOf('*/', pos);
    if (x < 0) return fail('unclosed comment');
    pos = x + 2;
    const [delim, trim] = atRightDelim();
    if (!delim) return fail('comment ends before closing delimiter');
    if (trim) pos += 2;
    pos += 2;
    if (trim) pos += leftTrimLength(pos);
    start = pos;
  };

  /** One step inside an action; returns false once the action is closed. */
  const lexInsideAction = (): boolean => {
    const [delim, trim] = atRightDelim();
    if (delim) {
      if (parenDepth !== 0) {
        fail('unclosed left paren');
        return false;
      }
      if (trim) pos += 2;
      start = pos;
      pos += 2;
      emit('rightDelim');
      if (trim) pos += leftTrimLength(pos);
      start = pos;
      return false;
    }
    const r = next();
    if (r === EOF) {
      fail('unclosed action');
      return false;
    }
    if (isSpace(r)) {
      pos -= r.length;
      let n = 0;
      while (isSpace(peekRune())) {
        next();
        n++;
      }
      // A space followed by "-}}" belongs to the trim marker, not to the arguments.
      if (hasRightTrim(pos - 1) && input.startsWith('}}', pos + 1)) {
        pos--;
        if (n === 1) return true;
      }
      emit('space');
      return true;
    }
    switch (r) {
      case '=': emit('assign'); return true;
      case ':':
        if (next() !== '=') {
          fail('expected :=');
          return false;
        }
        emit('declare');
        return true;
      case '|': emit('pipe'); return true;
      case '"': return lexQuote('"', 'string', 'unterminated quoted string');
      case '`': return lexRaw();
      case "'": return lexQuote("'", 'charConstant', 'unterminated character constant');
      case '$': return lexFieldOrVariable('variable');
      case '(':
        parenDepth++;
        emit('leftParen');
        return true;
      case ')':
        parenDepth--;
        if (parenDepth < 0) {
          fail('unexpected right paren');
          return false;
        }
        emit('rightParen');
        return true;
    }
    if (r === '.') {
      const c = input[pos] ?? '';
      if (c < '0' || c > '9') return lexFieldOrVariable('field');
    }
    if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      pos -= 1;
      return lexNumber();
    }
    if (isAlphaNumeric(r)) return lexIdentifier();
    if (PRINTABLE_ASCII.test(r)) {
      emit('char');
      return true;
    }
    fail(`unrecognized character in action: U+${(r.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} '${r}'`);
    return false;
  };

  const badChar = (r: string): boolean => {
    const cp = r.codePointAt(0) as number;
    fail(`bad character U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`);
    return false;
  };

  const lexIdentifier = (): boolean => {
    while (isAlphaNumeric(peekRune())) next();
    if (!atTerminator()) return badChar(peekRune());
    const word = input.slice(start, pos);
    if (KEYWORDS[word] && word !== '.') emit(KEYWORDS[word]);
    else if (word === 'true' || word === 'false') emit('bool');
    else emit('identifier');
    return true;
  };

  const lexFieldOrVariable = (typ: 'field' | 'variable'): boolean => {
    if (atTerminator()) {
      emit(typ === 'variable' ? 'variable' : 'dot');
      return true;
    }
    while (isAlphaNumeric(peekRune())) next();
    if (!atTerminator()) return badChar(peekRune());
    emit(typ);
    return true;
  };

  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peekRune())) {
      next();
      return false;
    }
    return true;
  };

  const lexNumber = (): boolean => {
    if (!scanNumber()) {
      fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
      return false;
    }
    const sign = peekRune();
    if (sign === '+' || sign === '-') {
      if (!scanNumber() || input[pos - 1] !== 'i') {
        fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        return false;
      }
      emit('complex');
    } else emit('number');
    return true;
  };

  const lexQuote = (quote: string, typ: ItemType, err: string): boolean => {
    for (;;) {
      let r = next();
      if (r === '\\') {
        r = next();
        if (r !== EOF && r !== '\n') continue;
      }
      if (r === EOF || r === '\n') {
        fail(err);
        return false;
      }
      if (r === quote) break;
    }
    emit(typ);
    return true;
  };

  const lexRaw = (): boolean => {
    const x = input.indexOf('`', pos);
    if (x < 0) {
      fail('unterminated raw quoted string');
      return false;
    }
    pos = x + 1;
    emit('rawString');
    return true;
  };

  while (!done) lexText();
  return items;
}
