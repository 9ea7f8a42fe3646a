/**
 * Syntax errors as each shell words them. just-bash reports a script that
 * does not parse as `bash: syntax error: Parse error at L:C: <detail>`; bash,
 * dash and busybox ash each say it their own way, recorded from bash 5.2.15,
 * dash 0.5.12 and busybox 1.37 (alpine) with `sh -c`/`bash -c` and typed lines:
 *
 *     bash -c 'echo 5.1(1)'   bash: -c: line 1: syntax error near unexpected token `('
 *                             bash: -c: line 1: `echo 5.1(1)'
 *     typed in bash           bash: syntax error near unexpected token `('
 *     dash -c                 sh: 1: Syntax error: "(" unexpected
 *     ash -c                  sh: syntax error: unexpected "("
 *     bash -c 'if true; then' bash: -c: line 2: syntax error: unexpected end of file
 *     dash -c                 sh: 1: Syntax error: end of file unexpected (expecting "fi")
 *     ash -c                  sh: syntax error: unexpected end of file (expecting "fi")
 *     bash -c 'echo "a'       bash: -c: line 1: unexpected EOF while looking for matching `"'
 *     dash -c                 sh: 1: Syntax error: Unterminated quoted string
 *     ash -c                  sh: syntax error: unterminated quoted string
 *
 * Every shell exits 2 on these. Simplified: the offending token is the one
 * just-bash's parser names, which for a few malformed compounds (`if then`)
 * is not the token bash names; and just-bash parses a whole script before it
 * runs any of it, so a script broken on its second line runs nothing, where
 * the real shells run the first line before they read the second.
 */

/** What went wrong, from just-bash's message. */
export type SyntaxFailure =
  | { kind: 'token'; line: number; token: string }
  | { kind: 'eof'; expecting: string | undefined }
  | { kind: 'quote'; quote: string };

/** Who reports it and how it was invoked. */
export type SyntaxReporter =
  | { shell: 'bash'; mode: 'interactive'; name: string }
  /** `bash -c`: `name: -c: line N:`; a script file: `path: line N:` (name is the path). */
  | { shell: 'bash'; mode: '-c' | 'script'; name: string; script: string }
  | { shell: 'dash' | 'ash'; name: string };

// just-bash's parser names the keyword it wanted in capitals (`Expected FI, got EOF`).
const EXPECTED: Record<string, string> = { FI: 'fi', DONE: 'done', ESAC: 'esac', RBRACE: '}', RPAREN: ')', THEN: 'then', DO: 'do', IN: 'in' };

/** Reads just-bash's parse error out of one stderr line (without `bash: `), if it is one. */
export function syntaxFailure(text: string): SyntaxFailure | undefined {
  const quote = /^unexpected EOF while looking for matching `(.)'$/.exec(text);
  if (quote) return { kind: 'quote', quote: quote[1]! };
  const m = /^syntax error: Parse error at (\d+):\d+: (.*)$/.exec(text);
  if (!m) return undefined;
  const token = /^syntax error near unexpected token `(.*)'$/.exec(m[2]!);
  if (token) return { kind: 'token', line: Number(m[1]), token: token[1]! };
  const eof = /^Expected (\w+), got EOF$/.exec(m[2]!);
  if (eof) return { kind: 'eof', expecting: EXPECTED[eof[1]!] };
  // Anything else (a backquote left open in a here-document body) keeps just-bash's words.
  return undefined;
}

/** The lines (each ending in a newline) `reporter` prints for `failure`. */
export function syntaxErrorText(failure: SyntaxFailure, reporter: SyntaxReporter): string {
  if (reporter.shell !== 'bash') return shSyntaxError(failure, reporter.shell, reporter.name);
  const what = failure.kind === 'token' ? `syntax error near unexpected token \`${failure.token}'` : failure.kind === 'quote' ? `unexpected EOF while looking for matching \`${failure.quote}'` : 'syntax error: unexpected end of file';
  if (reporter.mode === 'interactive') return `${reporter.name}: ${what}\n`;
  const lines = reporter.script.replace(/\n$/, '').split('\n');
  // bash counts the end of the script as the line after its last one.
  const line = failure.kind === 'token' ? failure.line : failure.kind === 'eof' ? lines.length + 1 : lines.length;
  const where = reporter.mode === '-c' ? `${reporter.name}: -c: line ${line}:` : `${reporter.name}: line ${line}:`;
  // For an unexpected token bash also echoes the line it stopped in.
  const echo = failure.kind === 'token' ? `${where} \`${lines[line - 1] ?? ''}'\n` : '';
  return `${where} ${what}\n${echo}`;
}

/** dash's and busybox ash's wording: neither echoes the line. */
function shSyntaxError(failure: SyntaxFailure, shell: 'dash' | 'ash', name: string): string {
  if (shell === 'ash') {
    const what = failure.kind === 'token' ? `unexpected "${failure.token}"` : failure.kind === 'quote' ? 'unterminated quoted string' : `unexpected end of file${expecting(failure.expecting)}`;
    return `${name}: syntax error: ${what}\n`;
  }
  const line = failure.kind === 'token' ? failure.line : 1;
  const what = failure.kind === 'token' ? `"${failure.token}" unexpected` : failure.kind === 'quote' ? 'Unterminated quoted string' : `end of file unexpected${expecting(failure.expecting)}`;
  return `${name}: ${line}: Syntax error: ${what}\n`;
}

function expecting(word: string | undefined): string {
  return word === undefined ? '' : ` (expecting "${word}")`;
}

type Node = Record<string, unknown>;

/** A word's text when it holds no expansion: literals and quoted literals, as the shell would pass them. */
function staticWord(word: unknown): string | undefined {
  let text = '';
  for (const part of ((word as Node | undefined)?.parts as Node[] | undefined) ?? []) {
    if (part.type === 'Literal' || part.type === 'SingleQuoted') text += String(part.value);
    else if (part.type === 'DoubleQuoted') {
      for (const inner of part.parts as Node[]) {
        if (inner.type !== 'Literal') return undefined;
        // Inside double quotes a backslash escapes only $ ` " \ and newline.
        text += String(inner.value).replace(/\\([$`"\\\n])/g, '$1');
      }
    } else return undefined;
  }
  return text;
}

/**
 * The one `bash -c SCRIPT` or `sh -c SCRIPT` a typed host line runs, when its
 * script is plain text: its syntax error is then worded with its script, as
 * that shell words it (the host's sh is Debian's dash). Undefined when there
 * is none, several, or the script is built by expansions.
 */
export function nestedShellScript(ast: unknown): { shell: 'bash' | 'dash'; name: string; script: string } | undefined {
  const found: Array<{ shell: 'bash' | 'dash'; name: string; script: string } | undefined> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Node;
      if (n.type === 'SimpleCommand') {
        const name = staticWord(n.name);
        const base = name?.slice(name.lastIndexOf('/') + 1);
        const args = (n.args as unknown[]) ?? [];
        if ((base === 'bash' || base === 'sh') && staticWord(args[0]) === '-c') {
          const script = staticWord(args[1]);
          found.push(script === undefined ? undefined : { shell: base === 'sh' ? 'dash' : 'bash', name: base, script });
        }
      }
      Object.values(n).forEach(walk);
    }
  };
  walk(ast);
  return found.length === 1 ? found[0] : undefined;
}
