/**
 * Dockerfile text → instruction nodes: a port of BuildKit's
 * frontend/dockerfile/parser (parser.go, line_parsers.go, split_command.go,
 * directives.go), which both of Docker 28's builders use. Written here rather
 * than taken from npm `dockerfile-ast`: that package models the file for an
 * editor (ranges, no heredoc bodies, its own error words), while the builders
 * need BuildKit's exact node values, its continuation and comment rules and
 * its error texts (`file with no instructions`, `unterminated heredoc`).
 */
import { processWords } from './lex.ts';

/** A heredoc attached to RUN/COPY/ADD (parser.go Heredoc). */
export interface Heredoc {
  name: string;
  content: string;
  expand: boolean;
  chomp: boolean;
  fileDescriptor: number;
}

/** One instruction (parser.go Node, flattened: `next` holds the argument values in order). */
export interface Node {
  /** The instruction word as written (`from`, `RUN`). */
  value: string;
  /** The logical line as it was read (continuations joined). */
  original: string;
  /** `--flag=value` words before the arguments. */
  flags: string[];
  /** Argument values; for ENV/LABEL triples of key, value, separator. */
  next: string[];
  /** JSON (exec) form. */
  json: boolean;
  heredocs: Heredoc[];
  /** ONBUILD's trigger. */
  sub?: Node;
  startLine: number;
  endLine: number;
}

/** A parse error with the line it is reported at (parser.LocationError). */
export class DockerfileSyntaxError extends Error {
  constructor(message: string, readonly startLine: number, readonly endLine: number) {
    super(message);
  }
}

/** The parse result. */
export interface ParseResult {
  nodes: Node[];
  escapeToken: string;
  /** The `# syntax=` directive, if any. */
  syntax?: string;
  warnings: string[];
}

const reWhitespace = /[\t\v\f\r ]+/;
const reHeredoc = /^(\d*)<<(-?)\s*([^<]*)$/;
const HEREDOC = new Set(['add', 'copy', 'run']);

type LineParser = (rest: string, esc: string) => { next: string[]; json?: boolean; sub?: Node };

/** line_parsers.go parseWords: whitespace-separated words, quotes kept, escapes honoured. */
export function parseWords(rest: string, esc: string): string[] {
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOK = false;
  let buf = '';
  const chars = [...rest];
  for (let pos = 0; pos <= chars.length; pos++) {
    let ch = chars[pos] ?? '';
    if (phase === 'spaces') {
      if (pos === chars.length) break;
      if (/\s/.test(ch)) continue;
      phase = 'word';
    }
    if (pos === chars.length) {
      if (blankOK || buf.length > 0) words.push(buf);
      break;
    }
    if (phase === 'word') {
      if (/\s/.test(ch)) {
        phase = 'spaces';
        if (blankOK || buf.length > 0) words.push(buf);
        buf = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === esc) {
        if (pos + 1 === chars.length) continue;
        buf += ch;
        ch = chars[++pos]!;
      }
      buf += ch;
      continue;
    }
    if (ch === quote) phase = 'word';
    if (ch === esc && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      buf += ch;
      ch = chars[++pos]!;
    }
    buf += ch;
  }
  return words;
}

function nameVal(rest: string, key: string, esc: string): string[] {
  const words = parseWords(rest, esc);
  if (words.length === 0) return [];
  if (!words[0]!.includes('=')) {
    const m = reWhitespace.exec(rest);
    if (!m) throw new Error(`${key} must have two arguments`);
    return [rest.slice(0, m.index), rest.slice(m.index + m[0].length), ''];
  }
  const out: string[] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq < 0) throw new Error(`Syntax error - can't find = in "${w}". Must be of the form: name=value`);
    out.push(w.slice(0, eq), w.slice(eq + 1), '=');
  }
  return out;
}

const whitespaceDelimited: LineParser = (rest) => ({ next: rest === '' ? [] : rest.split(reWhitespace) });

/** parseJSON: a JSON array of strings, or undefined when the text is not a JSON array. */
function parseJson(rest: string): string[] | undefined {
  const t = rest.replace(/^\s+/, '');
  if (!t.startsWith('[')) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (!Array.isArray(v)) return undefined;
  if (!v.every((s) => typeof s === 'string')) throw new Error('when using JSON array syntax, arrays must be comprised of strings only');
  return v as string[];
}

const maybeJson: LineParser = (rest) => {
  if (rest === '') return { next: [] };
  const j = parseJson(rest);
  return j ? { next: j, json: true } : { next: [rest] };
};

const maybeJsonToList: LineParser = (rest, esc) => {
  const j = parseJson(rest);
  return j ? { next: j, json: true } : whitespaceDelimited(rest, esc);
};

const DISPATCH: Record<string, LineParser> = {
  add: maybeJsonToList,
  arg: (rest, esc) => ({ next: parseWords(rest, esc) }),
  cmd: maybeJson,
  copy: maybeJsonToList,
  entrypoint: maybeJson,
  env: (rest, esc) => ({ next: nameVal(rest, 'ENV', esc) }),
  expose: whitespaceDelimited,
  from: whitespaceDelimited,
  healthcheck: (rest, esc) => {
    const m = /^(\S+)\s*/.exec(rest);
    if (!m) return { next: [] };
    const cmd = maybeJson(rest.slice(m[0].length), esc);
    return { next: [m[1]!, ...cmd.next], json: cmd.json ?? false };
  },
  label: (rest, esc) => ({ next: nameVal(rest, 'LABEL', esc) }),
  maintainer: (rest) => ({ next: rest === '' ? [] : [rest] }),
  onbuild: (rest, esc) => (rest === '' ? { next: [] } : { next: [], sub: nodeFromLine(rest, esc) }),
  run: maybeJson,
  shell: maybeJson,
  stopsignal: (rest) => ({ next: rest === '' ? [] : [rest] }),
  user: (rest) => ({ next: rest === '' ? [] : [rest] }),
  volume: maybeJsonToList,
  workdir: (rest) => ({ next: rest === '' ? [] : [rest] }),
};

/** split_command.go extractBuilderFlags: leading `--name=value` words. */
function extractFlags(line: string): { rest: string; flags: string[] } {
  const flags: string[] = [];
  let pos = 0;
  for (;;) {
    while (pos < line.length && /\s/.test(line[pos]!)) pos++;
    if (!line.startsWith('--', pos)) return { rest: line.slice(pos), flags };
    let word = '';
    let quote = '';
    for (; pos < line.length; pos++) {
      const ch = line[pos]!;
      if (quote) {
        if (ch === quote) quote = '';
        else word += ch;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (/\s/.test(ch)) break;
      else word += ch;
    }
    if (word === '--') return { rest: line.slice(pos), flags };
    if (word.length > 0) flags.push(word);
    if (pos >= line.length) return { rest: '', flags };
  }
}

function nodeFromLine(line: string, esc: string): Node {
  const trimmed = line.trim();
  const m = reWhitespace.exec(trimmed);
  const cmd = m ? trimmed.slice(0, m.index) : trimmed;
  let args = '';
  let flags: string[] = [];
  if (m) {
    const ex = extractFlags(trimmed.slice(m.index + m[0].length));
    args = ex.rest.trim();
    flags = ex.flags;
  }
  const fn = DISPATCH[cmd.toLowerCase()];
  const parsed = fn ? fn(args, esc) : { next: [] };
  return { value: cmd, original: line, flags, next: parsed.next, json: parsed.json ?? false, heredocs: [], ...(parsed.sub ? { sub: parsed.sub } : {}), startLine: 0, endLine: 0 };
}

function heredocsFromLine(line: string): Heredoc[] {
  const words = processWords(line, () => undefined, { rawQuotes: true, skipUnsetEnv: true });
  const docs: Heredoc[] = [];
  for (const word of words) {
    const m = reHeredoc.exec(word);
    if (!m || m[3] === '') continue;
    const plain = processWords(m[3]!, () => undefined, { skipUnsetEnv: true });
    if (plain.length !== 1) continue;
    const raw = processWords(m[3]!, () => undefined, { skipUnsetEnv: true, rawQuotes: true });
    const quotes = (s: string) => (s.match(/['"]/g) ?? []).length;
    docs.push({ name: plain[0]!, content: '', expand: quotes(plain[0]!) === quotes(raw[0] ?? ''), chomp: m[2] === '-', fileDescriptor: Number(m[1] || 0) });
  }
  return docs;
}

const isComment = (line: string): boolean => /^\s*#/.test(line);

/** Parses a Dockerfile (parser.go Parse). */
export function parseDockerfile(text: string): ParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/(?<=\n)/);
  let esc = '\\';
  let directivesDone = false;
  const seen = new Set<string>();
  let syntax: string | undefined;
  const nodes: Node[] = [];
  const warnings: string[] = [];
  let i = 0;
  let current = 0;
  const continuation = () => new RegExp(`([^\\${esc}])\\${esc}[ \\t]*$|^\\${esc}[ \\t]*$`);
  const trimCont = (l: string): { line: string; end: boolean } => {
    const re = continuation();
    return re.test(l) ? { line: l.replace(re, '$1'), end: false } : { line: l, end: true };
  };
  const directive = (l: string): boolean => {
    if (directivesDone) return false;
    const m = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/.exec(l);
    const k = m?.[1]!.toLowerCase();
    if (!m || !k || !['syntax', 'escape', 'check'].includes(k)) {
      directivesDone = true;
      return false;
    }
    if (seen.has(k)) throw new DockerfileSyntaxError(`only one ${k} parser directive can be used`, current, current);
    seen.add(k);
    if (k === 'escape') {
      if (m[2] !== '`' && m[2] !== '\\') throw new DockerfileSyntaxError(`invalid escape token '${m[2]}' does not match \` or \\`, current, current);
      esc = m[2];
    }
    if (k === 'syntax') syntax = m[2];
    return true;
  };
  const stripNl = (l: string) => l.replace(/[\r\n]+$/, '');
  while (i < lines.length) {
    let raw = stripNl(lines[i++]!).replace(/^\s+/, '');
    directive(raw);
    if (isComment(raw)) raw = '';
    current++;
    const startLine = current;
    let { line, end } = trimCont(raw);
    if (end && line.length === 0) continue;
    let buf = line;
    let emptyCont = false;
    while (!end && i < lines.length) {
      const orig = lines[i++]!;
      let l = stripNl(orig);
      directive(l);
      current++;
      if (isComment(l)) continue;
      if (l.trim() === '') {
        emptyCont = true;
        continue;
      }
      ({ line: l, end } = trimCont(l));
      buf += l;
    }
    if (emptyCont) warnings.push(`Empty continuation line found in: ${buf}`);
    let node: Node;
    try {
      node = nodeFromLine(buf, esc);
    } catch (err) {
      throw new DockerfileSyntaxError((err as Error).message, startLine, current);
    }
    const target = node.value.toLowerCase() === 'onbuild' && node.sub ? node.sub : node;
    if (HEREDOC.has(target.value.toLowerCase()) && !target.json && buf.includes('<<')) {
      for (const doc of heredocsFromLine(buf)) {
        let content = '';
        let terminated = false;
        while (i < lines.length) {
          const l = lines[i++]!;
          current++;
          let candidate = stripNl(l);
          if (doc.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === doc.name) {
            terminated = true;
            break;
          }
          content += l;
        }
        if (!terminated) throw new DockerfileSyntaxError('unterminated heredoc', startLine, current);
        node.heredocs.push({ ...doc, content });
      }
    }
    node.startLine = startLine;
    node.endLine = current;
    nodes.push(node);
  }
  if (nodes.length === 0) throw new DockerfileSyntaxError('file with no instructions', current, 0);
  return { nodes, escapeToken: esc, ...(syntax ? { syntax } : {}), warnings };
}
