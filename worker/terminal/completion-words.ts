/**
 * The words of the simple command under the cursor, as bash's programmable
 * completion sees them (COMP_WORDS, COMP_CWORD): the text before the cursor
 * is split at unquoted blanks, and the command starts after the last
 * control operator (`|`, `&&`, `||`, `;`, `&`, `(`, `$(`, a backquote).
 * Leading variable assignments (`DOCKER_BUILDKIT=0 docker build`) and
 * `sudo` are skipped, so the command word is the one that runs.
 */

/** The command under the cursor. */
export interface CommandWords {
  /** Finished words of the command, unquoted (`docker`, `image`, `ls`). */
  words: string[];
  /** The word being completed, unquoted. */
  current: string;
  /** Where the word being completed starts in the line. */
  start: number;
}

const OPERATORS = ['&&', '||', '$(', '|', ';', '&', '(', '`'];

/** Splits `line.slice(0, cursor)` into the words of the last simple command. */
export function commandWords(line: string, cursor: number): CommandWords {
  const text = line.slice(0, cursor);
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let start = cursor;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
      continue;
    }
    if (ch === '\\' && i + 1 < text.length) {
      if (!inWord) (inWord = true), (start = i);
      word += text[++i];
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (!inWord) (inWord = true), (start = i);
      quote = ch;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (/\s/.test(ch) || op) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      if (op) {
        words = [];
        i += op.length - 1;
      }
      continue;
    }
    if (!inWord) (inWord = true), (start = i);
    word += ch;
  }
  if (!inWord) start = cursor;
  return { words: dropPrefixes(words), current: word, start };
}

/** Drops `NAME=value` assignments and `sudo` in front of the command. */
function dropPrefixes(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!) || words[i] === 'sudo')) i++;
  return words.slice(i);
}

/** Escapes the characters bash would split or expand in a completed word (readline's filename quoting). */
export function shellEscape(word: string): string {
  // `~` is left alone: a leading `~/` must still expand to the home directory.
  return word.replace(/([\s\\'"$`!&|;()<>*?[\]{}#])/g, '\\$1');
}
