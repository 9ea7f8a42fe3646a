/**
 * Filter arguments as moby's api/types/filters evaluates them: validation
 * against the accepted keys (`invalid filter 'foo'`), booleans
 * (`invalid filter 'dangling=[maybe]'`), `key` / `key=value` label matching
 * and the time values of `until`.
 */
import { EngineError } from './errors.ts';
import type { Filters } from './api-types.ts';

/** filters.Validate: every key must be accepted. */
export function validateFilters(filters: Filters, accepted: readonly string[]): void {
  for (const key of Object.keys(filters)) {
    if (!accepted.includes(key)) throw new EngineError('InvalidParameter', `invalid filter '${key}'`);
  }
}

/** filters.GetBoolOrDefault. */
export function boolFilter(filters: Filters, key: string, fallback: boolean): boolean {
  const values = filters[key];
  if (!values || values.length === 0) return fallback;
  const invalid = () => new EngineError('InvalidParameter', `invalid filter '${key}=[${values.join(' ')}]'`);
  if (values.length > 1) throw invalid();
  const v = values[0]!;
  if (v.toLowerCase() === 'true' || v === '1') return true;
  if (v.toLowerCase() === 'false' || v === '0') return false;
  throw invalid();
}

/** filters.MatchKVList: every `key` or `key=value` must be present in the labels. */
export function matchLabels(wanted: readonly string[] | undefined, labels: Record<string, string> | null | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  for (const w of wanted) {
    const eq = w.indexOf('=');
    const key = eq === -1 ? w : w.slice(0, eq);
    if (!labels || !(key in labels)) return false;
    if (eq !== -1 && labels[key] !== w.slice(eq + 1)) return false;
  }
  return true;
}

/**
 * The `until` filter value as a time in ms: a Go duration relative to now
 * (`24h`, `10m30s`), an RFC 3339 date, or Unix seconds
 * (moby api/types/time.GetTimestamp).
 */
export function parseTimestamp(value: string, nowMs: number): number {
  const dur = parseGoDuration(value);
  if (dur !== undefined) return nowMs - dur;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  if (!Number.isNaN(t)) return t;
  throw new EngineError('InvalidParameter', `failed to parse value as time or duration: "${value}"`);
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go time.ParseDuration, in ms; undefined when the text is not a duration. */
export function parseGoDuration(text: string): number | undefined {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?(?:ns|us|µs|ms|s|m|h))+)$/.exec(text);
  if (!m) return undefined;
  let total = 0;
  for (const part of m[2]!.matchAll(/(\d+(?:\.\d*)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * UNIT_MS[part[2]!]!;
  return m[1] === '-' ? -total : total;
}

/**
 * Go's path.Match for `reference=` patterns: `*` and `?` do not cross `/`,
 * character classes; a malformed pattern is `syntax error in pattern`.
 */
export function pathMatch(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      i++;
      if (i >= pattern.length) throw badPattern();
      re += escapeRe(pattern[i]!);
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) throw badPattern();
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('^')) cls = '^' + cls.slice(1);
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += escapeRe(c);
  }
  return new RegExp(re + '$').test(name);
}

function badPattern(): EngineError {
  return new EngineError('InvalidParameter', 'syntax error in pattern');
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
