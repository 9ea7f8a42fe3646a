/**
 * docker/cli formatter.Context (cli/command/formatter/formatter.go): turn a
 * `--format` value into output for a list of rows. Callers (image ls,
 * history, ps…) pass one context object per row — a property or zero-argument
 * method per column, like docker's `imageContext.Repository()` — plus the
 * header map that context's FullHeader() returns.
 */
import { goJson } from './go-json.ts';
import { GoStruct, fieldNames } from './go-value.ts';
import { tabwrite } from './tabwriter.ts';
import { DOCKER_HEADER_FUNCS, TemplateError, parseTemplate } from './template/index.ts';
import type { Template } from './template/index.ts';
import { isExported } from './template/values.ts';

/** formatter.TableFormatKey: formats starting with it are tables. */
export const TABLE_FORMAT_KEY = 'table';
/** formatter.JSONFormatKey: `--format json`. */
export const JSON_FORMAT_KEY = 'json';
/** formatter.JSONFormat: the template `--format json` stands for. */
export const JSON_FORMAT = '{{json .}}';

/** How rows are printed: through the tabwriter with a header, as one JSON object per row, or raw. */
export type FormatKind = 'table' | 'raw' | 'json';

/** A `--format` value resolved the way Context.preFormat does it. */
export interface ParsedFormat {
  kind: FormatKind;
  /** The format as given (after substituting the default table). */
  source: string;
  /** Template text: `table` stripped, spaces trimmed, `\t` / `\n` two-char sequences converted. */
  template: string;
}

/** Options of {@link renderTable}. */
export interface RenderOptions {
  /** Go type of the row context for error texts, e.g. `*formatter.imageContext`. */
  typeName: string;
  /** The row's MarshalJSON, when the context defines its own (search's booleans); contextJson otherwise. */
  json?: (row: object) => string;
}

/** docker's wrapping of template errors: `template parsing error: template: :1:2: …` (also for execution errors). */
export class FormatError extends Error {
  /** @param cause the template error; message gets docker's prefix */
  constructor(override readonly cause: TemplateError) {
    super(`template parsing error: ${cause.message}`);
    this.name = 'FormatError';
  }
}

/**
 * Resolve a `--format` flag: '' or `table` select `defaultTable` (a
 * `table …` format), `json` becomes `{{json .}}` per row, anything else is a
 * raw template.
 */
export function parseFormat(formatFlag: string, defaultTable: string): ParsedFormat {
  const source = formatFlag === '' || formatFlag === TABLE_FORMAT_KEY ? defaultTable : formatFlag;
  let kind: FormatKind = 'raw';
  let text = source;
  if (source.startsWith(TABLE_FORMAT_KEY)) {
    kind = 'table';
    text = source.slice(TABLE_FORMAT_KEY.length);
  } else if (source === JSON_FORMAT_KEY) {
    kind = 'json';
    text = JSON_FORMAT;
  }
  // strings.Trim(f, " ") — spaces only — then the `\t` / `\n` replacer.
  text = text.replace(/^ +| +$/g, '').replace(/\\[tn]/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { kind, source, template: text };
}

/**
 * formatter.MarshalJSON for a context: its exported zero-argument methods and
 * fields, keys sorted, through json.Marshal (so `<none>` becomes
 * `\u003cnone\u003e`, docker-reference §1.2).
 */
export function contextJson(row: object): string {
  const values = new Map<string, unknown>();
  for (const key of fieldNames(row)) {
    if (!isExported(key) || key === 'FullHeader') continue;
    const v = (row as Record<string, unknown>)[key];
    if (typeof v === 'function') {
      if (v.length === 0) values.set(key, (v as () => unknown).call(row));
    } else values.set(key, v);
  }
  return goJson(values, { escapeHtml: true });
}

function compile(format: ParsedFormat): Template {
  try {
    return parseTemplate(format.template);
  } catch (e) {
    throw e instanceof TemplateError ? new FormatError(e) : e;
  }
}

/**
 * formatter.Context.Write: execute the template per row (each followed by a
 * newline); for table formats, prepend the header — the same template run
 * against `header` with header functions, errors ignored as docker does — and
 * align everything with the tabwriter. Throws {@link FormatError}; nothing is
 * printed then.
 */
export function renderTable(
  format: ParsedFormat,
  rows: readonly object[],
  header: Readonly<Record<string, string>>,
  options: RenderOptions,
): string {
  const tmpl = compile(format);
  let body = '';
  for (const row of rows) {
    const ctx = new GoStruct(row, options.typeName, () => (options.json ? options.json(row) : contextJson(row)));
    try {
      body += tmpl.execute(ctx) + '\n';
    } catch (e) {
      throw e instanceof TemplateError ? new FormatError(e) : e;
    }
  }
  if (format.kind !== 'table') return body;
  let head: string;
  try {
    head = tmpl.execute(header, { funcs: DOCKER_HEADER_FUNCS });
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    head = e.partialOutput;
  }
  return tabwrite(head + '\n' + body);
}
