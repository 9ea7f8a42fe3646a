/**
 * Compares what the page's terminal shows for a line with what
 * `bin/layerlab exec --json` printed for it, whole outputs, normalising only
 * what must differ between the two:
 *
 * - The terminal: it shows no CR/LF, no trailing spaces, and wraps long lines
 *   (the page's test hook joins wrapped rows back). A CR in a pipe's bytes
 *   moves a terminal's cursor back to column 0, so later text overwrites.
 * - Interleaving: exec --json keeps stdout and stderr apart; the terminal
 *   shows them as written, so the shown lines must be *an* interleaving of
 *   the two streams' lines, each in its own order.
 * - A TTY, where Docker itself prints differently (exec --json is a pipe):
 *   pull progress (jsonmessage.DisplayJSONMessagesStream) keeps one line per
 *   layer, updated in place, so a terminal ends with each layer's last status;
 *   BuildKit draws its `[+] Building` frame (progressui tty) instead of the
 *   plain `#N` log, so both are reduced to their steps, in order, the frame's
 *   entries truncated at its width. apt ends its progress lines in ` Done`
 *   on a terminal only, and warns that its CLI is unstable on a pipe only.
 * - Chance and the clock: container ids and names, image ids that hash a
 *   creation time, relative and absolute times; table columns are as wide as
 *   their widest cell, so runs of spaces count as one gap.
 */
import NAMES from '../../worker/engine/containers/names.json' with { type: 'json' };
import type { ExecRecord } from './flows.ts';

/** What a pipe's text looks like on a terminal, line by line (no final empty line). */
export function screenLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.map((line) => overwriteCR(line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')).trimEnd());
}

/** A CR returns to column 0: each segment overwrites the start of what is there. */
function overwriteCR(line: string): string {
  let shown = '';
  for (const part of line.split('\r')) shown = part + shown.slice(part.length);
  return shown;
}

const PULL_STATUS = /^([0-9a-f]{12}): (.*)$/;

/** A terminal's final view of pull progress: the first line of each layer id shows its last status. */
export function collapsePullProgress(lines: string[]): string[] {
  const last = new Map<string, string>();
  for (const line of lines) {
    const m = PULL_STATUS.exec(line);
    if (m) last.set(m[1]!, line);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const m = PULL_STATUS.exec(line);
    if (!m) out.push(line);
    else if (!seen.has(m[1]!)) {
      seen.add(m[1]!);
      out.push(last.get(m[1]!)!);
    }
  }
  return out;
}

const APT_PROGRESS = /^(?:Reading package lists|Building dependency tree|Reading state information)\.\.\.$/;
const APT_WARNING = 'WARNING: apt does not have a stable CLI interface. Use with caution in scripts.';

/** What apt prints on a terminal instead of a pipe (apt 2.6: OpTextProgress, apt-private/private-main.cc). */
export function aptOnTerminal(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '' && lines[i + 1] === APT_WARNING && lines[i + 2] === '') i += 2;
    else out.push(APT_PROGRESS.test(lines[i]!) ? `${lines[i]} Done` : lines[i]!);
  }
  return out;
}

/** BuildKit's plain log (`#N ...`) reduced to the frame's entries: ` => step`, ` => => status`. */
export function plainBuildSteps(lines: string[]): string[] {
  const steps = new Map<string, number>();
  const out: string[] = [];
  for (const line of lines) {
    const m = /^#(\d+) (.*)$/.exec(line);
    if (!m || m[1] === '0') continue;
    const [, n, rest] = m as unknown as [string, string, string];
    if (!steps.has(n)) {
      steps.set(n, out.length);
      out.push(` => ${rest}`);
    } else if (rest === 'CACHED') out[steps.get(n)!] = out[steps.get(n)!]!.replace(/^ => /, ' => CACHED ');
    // Log lines (`#6 0.123 fetch ...`) and DONE lines are not in the final frame.
    else if (/^\d+\.\d+ /.test(rest) || /^DONE /.test(rest)) continue;
    else out.push(` => => ${rest.replace(/( \d+\.\d+s)? done$/, '')}`);
  }
  return out;
}

/** The frame's entries with their durations (the right column) dropped. */
export function frameBuildSteps(lines: string[]): string[] {
  return lines.filter((l) => l.startsWith(' => ')).map((l) => l.replace(/\s+\d+\.\d+s$/, ''));
}

const NAME = new RegExp(`\\b(?:${NAMES.left.join('|')})_(?:${NAMES.right.join('|')})\\b`, 'g');
const AGO = /\b(?:Less than a second|About an? (?:second|minute|hour)|\d+ (?:second|minute|hour|day|week|month|year)s?)(?= ago\b)/g;
const UP = /\bUp (?:Less than a second|About an? (?:minute|hour)|\d+ (?:second|minute|hour|day|week|month|year)s?)/g;

/** Replaces what chance and the clock decide with placeholders (see the module comment). */
export function normalize(line: string): string {
  return line
    .replace(/[0-9a-f]{12,64}/g, '<hex>')
    .replace(NAME, '<name>')
    .replace(AGO, '<when>')
    .replace(UP, 'Up <when>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g, '<time>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?/g, '<time>')
    .replace(/\b[A-Z][a-z]{2} [ \d]\d (?:\d\d:\d\d|\d{4})\b/g, '<time>')
    .replace(/\d+\.\d+s\b/g, '<dur>')
    .replace(/ {2,}/g, '  ')
    .replace(/^.*"sha256:<hex>":\{.*$/, sortDigestEntries);
}

/** Entries of a JSON object keyed by digests (manifest.json's LayerSources), once the digests are hidden. */
const DIGEST_ENTRY = /"sha256:<hex>":\{[^{}]*\}/g;

/**
 * Docker writes maps keyed by digest in the digests' order (Go's encoding/json
 * sorts map keys), and a layer's digest hashes its files' times: the entries
 * are compared as a set, in sorted order.
 */
function sortDigestEntries(line: string): string {
  const entries = (line.match(DIGEST_ENTRY) ?? []).sort();
  return line.replace(DIGEST_ENTRY, () => entries.shift()!);
}

/** True when `shown` is an interleaving of `a` and `b`, each kept in order. */
export function isInterleaving(shown: string[], a: string[], b: string[]): boolean {
  if (shown.length !== a.length + b.length) return false;
  // reach[j]: shown[0, i+j) can be made of a[0, i) and b[0, j), for the current i.
  let reach: boolean[] = [true];
  for (let j = 1; j <= b.length; j++) reach.push(reach[j - 1]! && shown[j - 1] === b[j - 1]);
  for (let i = 1; i <= a.length; i++) {
    const next: boolean[] = [];
    for (let j = 0; j <= b.length; j++) {
      const fromA = reach[j]! && shown[i + j - 1] === a[i - 1];
      const fromB = j > 0 && next[j - 1]! && shown[i + j - 1] === b[j - 1];
      next.push(fromA || fromB);
    }
    reach = next;
  }
  return reach[b.length]!;
}

/** The outcome of comparing one line. */
export interface Difference {
  cmd: string;
  /** What exec --json printed, normalised, stdout then stderr. */
  expected: string[];
  /** What the terminal showed, normalised. */
  shown: string[];
}

/**
 * Compares the terminal's output of one line (the lines between the command
 * and the next prompt) with its exec --json record; undefined when they agree.
 */
export function compareLine(record: ExecRecord, shown: string[]): Difference | undefined {
  const onTerminal = (text: string): string[] => aptOnTerminal(collapsePullProgress(screenLines(text)));
  let out = onTerminal(record.stdout);
  let err = onTerminal(record.stderr);
  let rest = shown;
  let stepsOk = true;
  const plain = err[0]?.startsWith('#0 building with ') ? err : undefined;
  if (plain) {
    const frame = shown.filter((l) => l.startsWith('[+] Building ') || l.startsWith(' => '));
    rest = shown.filter((l) => !frame.includes(l));
    const want = plainBuildSteps(plain).map(normalize);
    const got = frameBuildSteps(frame).map(normalize);
    // The frame truncates an entry at the terminal's edge: a shown entry is the start of the step.
    stepsOk = want.length === got.length && got.every((g, i) => want[i]!.startsWith(g));
    stepsOk &&= frame.length > 0 && /^\[\+\] Building \d+\.\ds \((\d+)\/\1\) FINISHED +docker:default$/.test(frame[0]!);
    err = [];
  }
  out = out.map(normalize);
  err = err.map(normalize);
  const seen = rest.map(normalize);
  if (stepsOk && isInterleaving(seen, out, err)) return undefined;
  const expected = plain ? [...plainBuildSteps(plain).map(normalize), ...out] : [...out, ...err];
  return { cmd: record.cmd, expected, shown: shown.map(normalize) };
}
