/**
 * Go literal syntax the template parser accepts: strconv.Unquote for string
 * and character literals, and the number forms of parse.NewNumber
 * (decimal/hex/octal/binary ints with `_`, floats, character constants).
 */
import type { NumberNode } from './nodes.ts';

/** strconv.ErrSyntax's text, which the parser reports as `template: :1: invalid syntax`. */
export const INVALID_SYNTAX = 'invalid syntax';

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\',
};

/** Decode the body of a quoted literal; throws INVALID_SYNTAX like strconv.Unquote. */
function unescape(body: string, quote: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote || c === '\n') throw new Error(INVALID_SYNTAX);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) throw new Error(INVALID_SYNTAX);
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
    else if (e === quote) out += e;
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new Error(INVALID_SYNTAX);
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw new Error(INVALID_SYNTAX);
      out += String.fromCodePoint(cp);
      i += n;
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) throw new Error(INVALID_SYNTAX);
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else throw new Error(INVALID_SYNTAX);
  }
  return out;
}

/** First character of a '…' literal (escapes decoded) and the index just after it. */
function unquoteFirstChar(text: string): { value: string; end: number } {
  if (text[1] !== '\\') {
    const ch = String.fromCodePoint(text.codePointAt(1) ?? 0);
    if (ch === "'" || text.length < 3) throw new Error(INVALID_SYNTAX);
    return { value: ch, end: 1 + ch.length };
  }
  const m = /^\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|[abfnrtv\\'])/.exec(text.slice(1));
  if (!m) throw new Error(INVALID_SYNTAX);
  return { value: unescape(m[0], "'"), end: 1 + m[0].length };
}

/** strconv.Unquote for "…", `…` and '…' literals. */
export function unquote(text: string): string {
  const q = text[0];
  if (text.length < 2 || text[text.length - 1] !== q) throw new Error(INVALID_SYNTAX);
  const body = text.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new Error(INVALID_SYNTAX);
    return body.replace(/\r/g, '');
  }
  if (q === '"') return unescape(body, '"');
  if (q === "'") {
    const s = unescape(body, "'");
    if (Array.from(s).length !== 1) throw new Error(INVALID_SYNTAX);
    return s;
  }
  throw new Error(INVALID_SYNTAX);
}

/**
 * strconv.ParseInt(text, 0, 64) as a JS number; a bigint when the literal
 * only fits uint64 (Go then reports "overflows int"); undefined otherwise.
 */
function parseGoInt(text: string): number | bigint | undefined {
  // Base prefixes as in Go source; '_' only between digits or right after a prefix.
  const m = /^([+-]?)(?:0([xX])(_?[0-9a-fA-F](?:_?[0-9a-fA-F])*)|0([oO])(_?[0-7](?:_?[0-7])*)|0([bB])(_?[01](?:_?[01])*)|(0(?:_?[0-7])*)|([1-9](?:_?[0-9])*))$/.exec(text);
  if (!m) return undefined;
  let value: bigint;
  if (m[2]) value = BigInt('0x' + m[3].replace(/_/g, ''));
  else if (m[4]) value = BigInt('0o' + m[5].replace(/_/g, ''));
  else if (m[6]) value = BigInt('0b' + m[7].replace(/_/g, ''));
  else if (m[8] !== undefined) value = BigInt('0o' + (m[8].replace(/_/g, '') || '0'));
  else value = BigInt(m[9].replace(/_/g, ''));
  if (m[1] === '-') value = -value;
  if (value > 18446744073709551615n || value < -9223372036854775808n) return undefined;
  return value > 9223372036854775807n ? value : Number(value);
}

/** parse.NewNumber: fill the int/float interpretations; throws `illegal number syntax: "x"`. */
export function parseNumber(pos: number, text: string, isChar: boolean, quote: (s: string) => string): NumberNode {
  const node: NumberNode = { type: 'number', pos, text, isInt: false, isUint: false, isFloat: false, int: 0, float: 0 };
  if (isChar) {
    // strconv.UnquoteChar on the body, then the closing quote must be all that is left.
    const first = unquoteFirstChar(text);
    const cp = first.value.codePointAt(0) as number;
    if (text.slice(first.end) !== "'") throw new Error(`malformed character constant: ${text}`);
    return { ...node, isInt: true, isFloat: true, int: cp, float: cp };
  }
  const i = parseGoInt(text);
  if (typeof i === 'number') return { ...node, isInt: true, isFloat: true, int: i, float: i };
  if (typeof i === 'bigint') return { ...node, isUint: true, isFloat: true, float: Number(i) };
  const isHex = /^[+-]?0[xX]/.test(text);
  const f = isHex || /_/.test(text) ? NaN : Number(text);
  if (!Number.isNaN(f) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    const integral = Number.isInteger(f) && Math.abs(f) <= Number.MAX_SAFE_INTEGER;
    return { ...node, isFloat: true, float: f, isInt: integral, int: integral ? f : 0 };
  }
  throw new Error(`illegal number syntax: ${quote(text)}`);
}
