/**
 * The short texts of a page that come as plain strings (hints, goal
 * sentences, questions, their choices and explanations) may mark commands
 * with backticks, as the markdown around them does. They are split here into
 * text and code runs for the component to draw as elements: nothing is
 * inserted as HTML.
 */

/** A run of plain text, or of code (`code: true`). */
export interface Run {
  text: string;
  code: boolean;
}

/** Splits at backtick pairs; an unpaired backtick stays as text. */
export function inlineRuns(text: string): Run[] {
  const out: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(/`([^`]+)`/g)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), code: false });
    out.push({ text: m[1]!, code: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), code: false });
  return out;
}
