/**
 * `.dockerignore` as docker/cli reads it (moby/patternmatcher and
 * ignorefile.ReadAll): one pattern per line, `#` comments, surrounding
 * whitespace trimmed, paths cleaned and made relative (a leading `/` is
 * dropped), `!` re-includes, `**` spans directories, and a pattern that
 * matches a directory excludes everything beneath it. The last matching
 * pattern decides.
 */

/** One parsed pattern. */
interface Pattern {
  re: RegExp;
  exclusion: boolean;
}

/** Reads `.dockerignore` text into patterns (ignorefile.ReadAll). */
export function readIgnoreFile(text: string): string[] {
  const out: string[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (line.startsWith('#')) continue;
    line = line.trim();
    if (line === '') continue;
    let invert = false;
    if (line.startsWith('!')) {
      invert = true;
      line = line.slice(1).trim();
    }
    if (line.length > 0) {
      line = cleanPath(line);
      if (line.startsWith('/')) line = line.slice(1) || '.';
    }
    out.push(invert ? '!' + line : line);
  }
  return out;
}

function cleanPath(p: string): string {
  const abs = p.startsWith('/');
  const parts: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!abs) parts.push('..');
    } else parts.push(s);
  }
  const joined = parts.join('/');
  return abs ? '/' + joined : joined || '.';
}

/** patternmatcher's conversion of a pattern into a regular expression. */
function compile(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        // `**` matches any number of directories, including none.
        re += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '\\' && i + 1 < pattern.length) re += '\\' + pattern[++i];
    else if (ch === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, end).replace(/^!/, '^') + ']';
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|]/g, '\\$&');
  }
  return new RegExp(re + '$');
}

/** A matcher over `.dockerignore` patterns. */
export class IgnoreMatcher {
  readonly #patterns: Pattern[];

  constructor(patterns: readonly string[]) {
    this.#patterns = patterns.map((p) => (p.startsWith('!') ? { re: compile(p.slice(1)), exclusion: true } : { re: compile(p), exclusion: false }));
  }

  /** Whether a context path (relative, `/`-separated) is excluded, itself or through a parent directory. */
  excludes(path: string): boolean {
    const parents: string[] = [];
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) parents.push(parts.slice(0, i).join('/'));
    let matched = false;
    for (const p of this.#patterns) {
      if (p.exclusion !== matched) continue;
      if (p.re.test(path) || parents.some((d) => p.re.test(d))) matched = !p.exclusion;
    }
    return matched;
  }

  /** Whether any pattern is an exception (then excluded directories must still be walked). */
  get hasExceptions(): boolean {
    return this.#patterns.some((p) => p.exclusion);
  }
}
