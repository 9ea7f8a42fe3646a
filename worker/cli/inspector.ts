/**
 * docker/cli cli/command/inspect/inspector.go: print inspected objects as an
 * indented JSON array (the daemon's raw JSON through json.Indent with four
 * spaces), as a compact array for `--format json`, or through a Go template
 * per object. A template runs on the typed object first and, when that
 * fails, on the raw JSON as a map with `missingkey=error`. Output is
 * buffered and flushed before the errors, which are joined and exit 1; a
 * template that does not parse exits 64.
 */
import { goJson, goJsonIndent } from './format/go-json.ts';
import { TemplateError, parseTemplate, type Template } from './format/template/index.ts';
import { CliError } from './context.ts';
import { isEngineError } from '../engine/errors.ts';

/** One object to print: the typed view templates see first, and the raw JSON object. */
export interface Inspected {
  typed: unknown;
  raw: unknown;
}

/** Resolves one reference to an inspected object, or throws the error to report for it. */
export type GetRef = (ref: string) => Promise<Inspected>;

/** Runs the inspector over the references; returns stdout text or throws a CliError carrying both. */
export async function inspectAll(refs: readonly string[], format: string, getRef: GetRef, out: (s: string) => void): Promise<void> {
  let tmpl: Template | undefined;
  if (format !== '' && format !== 'json') {
    try {
      tmpl = parseTemplate(format);
    } catch (err) {
      if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`, 64);
      throw err;
    }
  }
  const elements: unknown[] = [];
  let buffer = '';
  const errors: string[] = [];
  for (const ref of refs) {
    let found: Inspected;
    try {
      found = await getRef(ref);
    } catch (err) {
      errors.push(describe(err));
      continue;
    }
    if (!tmpl) {
      elements.push(found.raw);
      continue;
    }
    try {
      buffer += tmpl.execute(found.typed) + '\n';
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      try {
        buffer += tmpl.execute(found.raw, { missingKeyError: true }) + '\n';
      } catch (rawErr) {
        if (!(rawErr instanceof TemplateError)) throw rawErr;
        errors.push(`template parsing error: ${rawErr.message}`);
      }
    }
  }
  if (tmpl) out(buffer === '' ? '\n' : buffer);
  else if (elements.length === 0) out('[]\n');
  else if (format === 'json') out(goJson(elements, { escapeHtml: false }) + '\n');
  else out(goJsonIndent(elements, '', '    ', { escapeHtml: false }) + '\n');
  if (errors.length > 0) throw new CliError(errors.join('\n'));
}

/** The text an error is reported with: daemon errors carry docker's prefix. */
function describe(err: unknown): string {
  if (err instanceof CliError) return err.message;
  if (isEngineError(err)) return `Error response from daemon: ${err.message}`;
  throw err;
}
