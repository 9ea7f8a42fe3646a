/**
 * Placeholders in a runnable block (`docker commit <container_id> ourfiglet`):
 * the block is drawn as text with a field where each placeholder stands, and
 * Run and Copy use the text with the fields' values put in. Pure functions;
 * the values come from the learner or from the worker (lesson-format.md).
 */

/** A run of the block's text, or the field of one placeholder (`name` without the brackets). */
export type Segment = { text: string } | { field: string };

/** Splits `text` at the placeholders named in `names` (other `<…>` text, as `<<EOF`, stays text). */
export function segments(text: string, names: readonly string[]): Segment[] {
  if (names.length === 0) return [{ text }];
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(/<([a-z_]+)>/g)) {
    if (!names.includes(m[1]!)) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ field: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** The block's text with each field's value put in, or the fields still empty (in order, once each). */
export function fill(parts: readonly Segment[], values: Readonly<Record<string, string>>): { text: string } | { missing: string[] } {
  const missing = [...new Set(parts.flatMap((p) => ('field' in p && !values[p.field]?.trim() ? [p.field] : [])))];
  if (missing.length > 0) return { missing };
  return { text: parts.map((p) => ('field' in p ? values[p.field]!.trim() : p.text)).join('') };
}

/** How a placeholder reads in a sentence: `container_id` → `container id`. */
export function fieldLabel(name: string): string {
  return name.replace(/_/g, ' ');
}

/**
 * The command lines of a block as a learner types them: the shell's own
 * continuations (a trailing `\`, a here-document) are kept as typed lines;
 * blank lines and `#` comments are dropped, since typing them runs nothing.
 */
export function commandLines(text: string): string[] {
  return text
    .replace(/\n+$/, '')
    .split('\n')
    .filter((l, i, all) => l.trim() !== '' && !(l.trimStart().startsWith('#') && !all[i - 1]?.endsWith('\\')));
}

/**
 * A text run cut into words and the spaces between them. `keep` marks a word
 * short enough to stay whole when the line wraps (`-it`, `alpine:bash`), so
 * the browser does not break it at its hyphen; longer ones (a digest) may
 * break anywhere rather than overflow.
 */
export function words(text: string): Array<{ text: string; keep: boolean }> {
  return text
    .split(/(\s+)/)
    .filter((w) => w !== '')
    .map((w) => ({ text: w, keep: !/\s/.test(w) && w.length <= 32 }));
}
