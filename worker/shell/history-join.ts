/**
 * How bash 5.2 stores a command typed over several lines in its history
 * (`cmdhist`, on by default): one entry, the lines joined as
 * bashhist.c `bash_add_history` and parse.y `history_delimiting_chars`
 * join them. Recorded from Debian's /bin/bash 5.2.15 (`bash -i` on a pty):
 *
 *     for i in 1 2 / do echo $i / done    ->  for i in 1 2; do echo $i; done
 *     echo one \ / two                     ->  echo one two
 *     echo "a / b"                         ->  echo "a\nb"        (newline kept in quotes)
 *     cat <<EOF / a / EOF                  ->  cat <<EOF\na\nEOF\n (body lines keep their newline)
 *     case a in / a) echo A;; / esac       ->  case a in a) echo A;; esac
 *     f() / { echo f / }                   ->  f() { echo f; }
 *
 * bash decides from its parser's last two tokens; just-bash does not export
 * its lexer (only `parse`, and the AST has no token positions), so this
 * module scans each line with a small tokenizer of its own. It only shapes
 * the history text: whether a command is complete is the parser's call
 * (continuation.ts).
 */

/** Tokens after which bash adds a space, not `; ` (parse.y `no_semi_successors`). */
const NO_SEMI = new Set(['{', '(', ';', '&', '|', 'case', 'do', 'else', 'if', ';;', ';&', ';;&', 'then', 'until', 'while', '&&', '||', 'in']);
/** Reserved words bash recognises in command position. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select', '{', '}', '!', 'in']);
/** After these, the next word is in command position again. */
const COMMAND_START = new Set([';', '&', '|', '&&', '||', '(', '{', ';;', ';&', ';;&', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', ')']);
const OPERATORS = [';;&', '<<-', '<<<', '&&', '||', ';;', ';&', '<<', '>>', '<&', '>&', '<>', '>|', '&>', '|&', ';', '&', '|', '(', ')', '<', '>'];

/** One here-document whose body is still to come. */
interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
}

/** The history entry of the command being read, and what the scan knows about its end. */
export class HistoryJoin {
  /** The entry as bash would store it so far. */
  entry: string;
  #tokens: string[] = [];
  #quote: string | undefined;
  #heredocs: PendingHeredoc[] = [];
  #inBody = false;
  #firstBodyLine = false;
  #caseDepth = 0;
  /** The first line was not saved (HISTCONTROL=ignorespace): bash saves none of the rest. */
  readonly saved: boolean;

  /** The command's lines without here-document bodies (see {@link HistoryJoin.skeleton}). */
  #skeleton: string[] = [];

  constructor(firstLine: string) {
    this.entry = firstLine;
    this.saved = !firstLine.startsWith(' ');
    this.#command(firstLine);
  }

  /** Whether a here-document's body is still being read. */
  get inHeredoc(): boolean {
    return this.#inBody;
  }

  /**
   * The command with every here-document's body left out (each closed by
   * its delimiter right away). bash reads a body as raw lines up to the
   * delimiter and expands it only when the command runs, so a stray `` ` ``
   * or `$(` in a body cannot keep the command open; the parser, given the
   * whole text, would say it does. continuation.ts asks the parser about
   * this text instead when the bodies are closed.
   */
  get skeleton(): string {
    return this.#skeleton.join('\n');
  }

  /** A line outside a here-document body: scanned, kept in the skeleton with its new heredocs closed at once. */
  #command(line: string): void {
    const before = this.#heredocs.length;
    this.#scan(line);
    this.#skeleton.push(line, ...this.#heredocs.slice(before).map((h) => h.delimiter));
  }

  /** Adds the next line of the command to the entry. */
  add(line: string): void {
    if (this.#inBody) {
      // bash keeps each body line's newline; the first gets one more after the `<<` line.
      this.entry += `${this.#firstBodyLine ? '\n' : ''}${line}\n`;
      this.#firstBodyLine = false;
      const h = this.#heredocs[0]!;
      if ((h.stripTabs ? line.replace(/^\t+/, '') : line) === h.delimiter) {
        this.#heredocs.shift();
        this.#inBody = this.#heredocs.length > 0;
      }
      return;
    }
    // bash adds no empty line to the history (bashhist.c pre_process_line).
    if (line.trim() === '' && this.#quote === undefined) return this.#command(line);
    let sep: string;
    if (this.#quote !== undefined) sep = '\n';
    else if (/(^|[^\\])\\$/.test(this.entry)) {
      // A backslash-newline is dropped, the lines joined as typed.
      this.entry = this.entry.slice(0, -1);
      sep = '';
    } else sep = this.#delimiter(line);
    // After a here-document body (the entry ends in a newline), `; ` loses its `;`.
    if (this.entry.endsWith('\n') && sep.startsWith(';')) sep = sep.slice(1);
    this.entry += sep + line;
    this.#command(line);
  }

  /** parse.y `history_delimiting_chars`, from the last tokens before the line break. */
  #delimiter(line: string): string {
    const [before, last] = [this.#tokens.at(-2), this.#tokens.at(-1)];
    if (line.includes('<<')) return '\n';
    if (last === ')') return before === '(' || this.#caseDepth > 0 ? ' ' : '; ';
    if (before === 'function' && last !== undefined) return ' ';
    if (before === 'for' && last !== undefined) return /^\s*in\b/.test(line) ? ' ' : ';';
    if (before === 'case' && last !== undefined) return ' ';
    if (last !== undefined && NO_SEMI.has(last)) return ' ';
    return '; ';
  }

  /** Tokenizes one line outside a here-document body: quotes, comments, operators, `<<` delimiters. */
  #scan(line: string): void {
    let i = 0;
    let word = '';
    let inWord = false;
    let wantDelimiter: boolean | undefined;
    const endWord = (): void => {
      if (!inWord) return;
      inWord = false;
      if (wantDelimiter !== undefined) {
        this.#heredocs.push({ delimiter: word, stripTabs: wantDelimiter });
        wantDelimiter = undefined;
      }
      this.#push(word);
      word = '';
    };
    while (i < line.length) {
      const c = line[i]!;
      if (this.#quote !== undefined) {
        if (c === '\\' && this.#quote === '"') {
          word += line[i + 1] ?? '';
          i += 2;
          continue;
        }
        if (c === this.#quote) this.#quote = undefined;
        else word += c;
        i++;
        continue;
      }
      if (c === '\\') {
        inWord = true;
        word += line[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') {
        inWord = true;
        this.#quote = c;
        i++;
        continue;
      }
      if (c === ' ' || c === '\t') {
        endWord();
        i++;
        continue;
      }
      if (c === '#' && !inWord) break;
      const op = OPERATORS.find((o) => line.startsWith(o, i));
      if (op !== undefined) {
        endWord();
        if (op === '<<' || op === '<<-') wantDelimiter = op === '<<-';
        else this.#push(op);
        i += op.length;
        continue;
      }
      inWord = true;
      word += c;
      i++;
    }
    if (this.#quote === undefined) endWord();
    if (this.#quote === undefined && this.#heredocs.length > 0) {
      this.#inBody = true;
      this.#firstBodyLine = true;
    }
  }

  /** Records a token, as a reserved word only in command position (where bash's parser sees one). */
  #push(token: string): void {
    const prev = this.#tokens.at(-1);
    const commandPosition = prev === undefined || COMMAND_START.has(prev);
    const afterName = this.#tokens.at(-2) === 'for' || this.#tokens.at(-2) === 'case';
    const reserved = RESERVED.has(token) && (commandPosition || (token === 'in' && afterName));
    if (reserved && token === 'case') this.#caseDepth++;
    if (reserved && token === 'esac') this.#caseDepth--;
    // A plain word that looks like a reserved word (`echo do`) is marked so it never matches one.
    this.#tokens.push(reserved || !RESERVED.has(token) ? token : `\0${token}`);
    if (this.#tokens.length > 2) this.#tokens.shift();
  }
}
