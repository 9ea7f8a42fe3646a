/**
 * Variable substitution, checked against cases of BuildKit's own tables
 * (frontend/dockerfile/shell/envVarTest and lex_test.go), which both of
 * Docker's builders use.
 */
import { describe, expect, it } from 'vitest';
import { LexError, processWord, processWords } from '../../worker/engine/builder/dockerfile/lex.ts';

const env = new Map([
  ['PWD', '/home'],
  ['SHELL', 'bash'],
  ['KOREAN', '한국어'],
  ['EMPTY', ''],
  ['FILE', 'archive.tar.gz'],
]);
const get = (k: string) => env.get(k);

describe('processWord', () => {
  const cases: Array<[string, string]> = [
    ['hello', 'hello'],
    ['he\\$PWD', 'he$PWD'],
    ["'$PWD'", '$PWD'],
    ['"$PWD"', '/home'],
    ['he$PWD', 'he/home'],
    ['he${PWD}x', 'he/homex'],
    ['\\$PWD', '$PWD'],
    ['${NOPE:-def}', 'def'],
    ['${EMPTY:-def}', 'def'],
    ['${EMPTY-def}', ''],
    ['${PWD:+set}', 'set'],
    ['${NOPE:+set}', ''],
    ['${EMPTY+set}', 'set'],
    ['${KOREAN}', '한국어'],
    ['${FILE%.gz}', 'archive.tar'],
    ['${FILE%%.*}', 'archive'],
    ['${FILE#*.}', 'tar.gz'],
    ['${FILE##*.}', 'gz'],
    ['${FILE/tar/zip}', 'archive.zip.gz'],
    ['"a b"\'c d\'', 'a bc d'],
    ['$', '$'],
    ['$NOPE', ''],
  ];
  for (const [input, want] of cases) it(`${input} → ${want}`, () => expect(processWord(input, get)).toBe(want));

  it('keeps unset variables as written when asked (heredoc detection, vertex names)', () => {
    expect(processWord('echo "$NOPE ${PWD}"', get, { skipUnsetEnv: true, rawQuotes: true })).toBe('echo "$NOPE /home"');
  });

  it('uses the escape directive token', () => {
    expect(processWord('a`$PWD', get, { escapeToken: '`' })).toBe('a$PWD');
  });

  it('reports syntax errors with lex.go words', () => {
    expect(() => processWord('${PWD', get)).toThrow(new LexError('failed to process "${PWD": syntax error: missing \'}\''));
    expect(() => processWord('${:}', get)).toThrow(new LexError('failed to process "${:}": syntax error: bad substitution'));
    expect(() => processWord('${NOPE:?must be set}', get)).toThrow(new LexError('failed to process "${NOPE:?must be set}": NOPE: must be set'));
    expect(() => processWord("'open", get)).toThrow(new LexError(`failed to process "'open": unexpected end of statement while looking for matching single-quote`));
  });
});

describe('processWords', () => {
  it('splits expanded words on unquoted whitespace', () => {
    expect(processWords('a "b c" $SHELL d', get)).toEqual(['a', 'b c', 'bash', 'd']);
    expect(processWords('80 443/udp', get)).toEqual(['80', '443/udp']);
  });
});
