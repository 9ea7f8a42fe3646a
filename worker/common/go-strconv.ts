/**
 * Go `strconv.FormatFloat` for the 'e', 'f' and 'g' verbs, and `strconv.Quote`.
 *
 * Go rounds the *exact* binary value of a float64 half-to-even
 * (strconv/decimal.go shouldRoundUp), whereas JS `toPrecision` rounds the
 * decimal tie up: 1.125 → Go "1.12", JS "1.13". go-units' HumanSize relies on
 * `%.*g`, so `docker images` SIZE depends on this (docker-reference §1.4).
 */

/** Decimal digits of |x| with the decimal point after `dp` digits (value = 0.digits × 10^dp). */
interface Decimal {
  digits: string;
  dp: number;
}

/** Exact decimal expansion of a finite, non-negative double (BigInt arithmetic, no rounding). */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2: number;
  if (biased === 0) exp2 = -1074;
  else {
    mant |= 1n << 52n;
    exp2 = biased - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp2 >= 0) {
    digits = (mant << BigInt(exp2)).toString();
    dp = digits.length;
  } else {
    // mant / 2^k = mant·5^k / 10^k
    digits = (mant * 5n ** BigInt(-exp2)).toString();
    dp = digits.length + exp2;
  }
  return trimZeros({ digits, dp });
}

function trimZeros(d: Decimal): Decimal {
  let end = d.digits.length;
  while (end > 0 && d.digits[end - 1] === '0') end--;
  return { digits: d.digits.slice(0, end), dp: end === 0 ? 0 : d.dp };
}

/** Round an exact decimal to `nd` digits, half-to-even, as Go's decimal.Round does. */
function roundDecimal(d: Decimal, nd: number): Decimal {
  if (nd < 0) return { digits: '', dp: 0 };
  if (nd >= d.digits.length) return d;
  const next = d.digits.charCodeAt(nd) - 48;
  let up = next > 5;
  if (next === 5) {
    up = nd + 1 < d.digits.length || (nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1);
  }
  if (!up) return trimZeros({ digits: d.digits.slice(0, nd), dp: d.dp });
  if (nd === 0) return { digits: '1', dp: d.dp + 1 };
  let head = (BigInt(d.digits.slice(0, nd)) + 1n).toString();
  let dp = d.dp;
  if (head.length > nd) {
    head = head.slice(0, nd);
    dp++;
  }
  return trimZeros({ digits: head, dp });
}

/** Shortest digits that round-trip (JS and Go agree on the shortest representation). */
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', dp: 0 };
  const [mant, e] = x.toExponential().split('e');
  return trimZeros({ digits: mant.replace('.', ''), dp: Number(e) + 1 });
}

function digitAt(d: Decimal, i: number): string {
  return i >= 0 && i < d.digits.length ? d.digits[i] : '0';
}

function fmtE(d: Decimal, prec: number, verb: string): string {
  let out = d.digits.length === 0 ? '0' : d.digits[0];
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += digitAt(d, i);
  }
  const exp = d.digits.length === 0 ? 0 : d.dp - 1;
  const abs = Math.abs(exp);
  return `${out}${verb}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

function fmtF(d: Decimal, prec: number): string {
  let out = '';
  if (d.dp > 0) for (let i = 0; i < d.dp; i++) out += digitAt(d, i);
  else out = '0';
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) out += digitAt(d, d.dp + i);
  }
  return out;
}

/**
 * Go `strconv.FormatFloat(x, verb, prec, 64)` for verbs 'e', 'E', 'f', 'g', 'G';
 * `prec < 0` selects the shortest representation that round-trips.
 */
export function formatFloat(x: number, verb: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(abs);
  } else {
    const exact = exactDecimal(abs);
    if (verb === 'e' || verb === 'E') d = roundDecimal(exact, prec + 1);
    else if (verb === 'f') d = roundDecimal(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      d = roundDecimal(exact, prec);
    }
  }
  const sign = neg ? '-' : '';
  if (verb === 'e' || verb === 'E') {
    return sign + fmtE(d, shortest ? Math.max(d.digits.length - 1, 0) : prec, verb);
  }
  if (verb === 'f') return sign + fmtF(d, shortest ? Math.max(d.digits.length - d.dp, 0) : prec);
  // 'g': %e if the exponent is < -4 or >= the precision (6 when shortest).
  if (shortest) prec = d.digits.length;
  let eprec = prec;
  if (eprec > d.digits.length && d.digits.length >= d.dp) eprec = d.digits.length;
  if (shortest) eprec = 6;
  const exp = d.dp - 1;
  if (d.digits.length !== 0 && (exp < -4 || exp >= eprec)) {
    const p = Math.min(prec, d.digits.length);
    return sign + fmtE(d, p - 1, verb === 'G' ? 'E' : 'e');
  }
  if (prec > d.dp) prec = d.digits.length;
  return sign + fmtF(d, Math.max(prec - d.dp, 0));
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go `unicode.IsPrint` (letters, marks, numbers, punctuation, symbols and ASCII space). */
export function isGoPrint(ch: string): boolean {
  return PRINTABLE.test(ch);
}

/** Go `strconv.Quote`: double-quoted with Go escapes; printable Unicode is kept as is. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) out += '\uFFFD'; // lone surrogate: becomes U+FFFD once encoded as UTF-8
    else if (isGoPrint(ch)) out += ch;
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}
