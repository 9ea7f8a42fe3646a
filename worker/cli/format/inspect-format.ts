/**
 * docker/cli cli/command/inspect/inspector.go: `docker inspect` output.
 * No format → the raw objects as an indented JSON array (json.Indent, four
 * spaces, no HTML escaping); `json` → one compact array; any other format →
 * the template per element, first against the typed object and, if that
 * fails, against the raw JSON map with `missingkey=error` — so unknown
 * fields end as `map has no entry for key "Nope"` while a missing label
 * inside a typed map still prints `<no value>` (docker-reference §6).
 */
import { FormatError } from './format.ts';
import { goJson, goJsonIndent } from './go-json.ts';
import { TemplateError, parseTemplate } from './template/index.ts';

/** One inspected object: `typed` uses GoStruct/GO_TYPE markers for Go structs; `raw` is the plain API JSON value. */
export interface InspectElement {
  typed: unknown;
  raw?: unknown;
}

function wrap(e: unknown): never {
  throw e instanceof TemplateError ? new FormatError(e) : e;
}

/**
 * Render `docker inspect [--format F]` output for the elements (stdout text,
 * ending in a newline). Throws {@link FormatError} (`template parsing error: …`).
 */
export function renderInspect(format: string, elements: readonly InspectElement[]): string {
  const raws = elements.map((e) => (e.raw === undefined ? e.typed : e.raw));
  if (format === '') return goJsonIndent(raws, '', '    ') + '\n';
  if (format === 'json') return goJson(raws, { escapeHtml: false }) + '\n';
  let tmpl;
  try {
    tmpl = parseTemplate(format);
  } catch (e) {
    wrap(e);
  }
  let out = '';
  for (const element of elements) {
    try {
      out += tmpl.execute(element.typed) + '\n';
    } catch (e) {
      if (!(e instanceof TemplateError) || element.raw === undefined) wrap(e);
      try {
        out += tmpl.execute(element.raw, { missingKeyError: true }) + '\n';
      } catch (rawError) {
        wrap(rawError);
      }
    }
  }
  return out;
}
