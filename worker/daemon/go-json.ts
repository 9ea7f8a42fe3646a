/**
 * Go's encoding/json syntax errors, so a malformed body gets the daemon's
 * exact words (`invalid JSON: invalid character 'x' looking for beginning of
 * value`) rather than V8's. A small scanner in the states of Go's
 * encoding/json scanner.go; it reports the first error only.
 */

/** Go's %q of one character as the scanner quotes it (quoteChar). */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const s = JSON.stringify(c);
  return `'${s.slice(1, -1)}'`;
}

class SyntaxError_ extends Error {}

/**
 * Parses `text` as Go's json.Decoder.Decode would read one value; throws an
 * Error with Go's message (`unexpected EOF`, `invalid character …`) when it
 * is not JSON. Returns the value and whether anything but whitespace follows.
 */
export function parseGoJson(text: string): { value: unknown; more: boolean } {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const fail = (context: string): never => {
    if (i >= text.length) throw new SyntaxError_('unexpected EOF');
    throw new SyntaxError_(`invalid character ${quoteChar(text[i]!)} ${context}`);
  };
  const literal = (word: string): void => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (text[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
    i++;
  };
  const str = (): void => {
    i++;
    for (;;) {
      if (i >= text.length) fail('');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        if (i >= text.length) fail('');
        if (!'"\\/bfnrtu'.includes(text[i]!)) fail('in string escape code');
      } else if (c < ' ') fail('in string literal');
      i++;
    }
  };
  const num = (): void => {
    if (text[i] === '-') i++;
    if (!/[0-9]/.test(text[i] ?? '')) fail('in numeric literal');
    while (/[0-9.eE+-]/.test(text[i] ?? '')) i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        str();
        ws();
        if (text[i] !== ':') fail('after object key');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('after array element');
      }
    }
    if (c === '"') return str();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    if (c === undefined) throw new SyntaxError_(i === 0 || text.trim() === '' ? 'EOF' : 'unexpected EOF');
    fail('looking for beginning of value');
  };
  const start = i;
  value();
  const end = i;
  ws();
  return { value: JSON.parse(text.slice(start, end)), more: i < text.length };
}
