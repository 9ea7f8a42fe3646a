/**
 * Go text/template for docker `--format` strings: parse once, execute per
 * row. Errors are {@link TemplateError}s whose message is Go's text.
 */
import { parse } from './parser.ts';
import type { ListNode } from './nodes.ts';
import { execute } from './exec.ts';
import { BUILTINS } from './funcs.ts';
import type { FuncMap } from './funcs.ts';
import { DOCKER_FUNCS } from './docker-funcs.ts';
import { GoStruct } from '../go-value.ts';

/** Re-exported: the error class, function-map types and docker's function sets. */
export { TemplateError } from './template-error.ts';
export type { FuncMap, GoFunc, ParamType } from './funcs.ts';
export { DOCKER_FUNCS, DOCKER_HEADER_FUNCS } from './docker-funcs.ts';

/** Options of {@link Template.execute}. */
export interface ExecuteOptions {
  /** Treat the data as a Go struct with this type name, e.g. `*formatter.imageContext`. */
  typeName?: string;
  /** Go's `missingkey=error` option (docker inspect's map fallback). */
  missingKeyError?: boolean;
  /** Functions replacing same-named ones at execution time, like Go's Template.Funcs after Parse. */
  funcs?: FuncMap;
}

/** A parsed template. */
export class Template {
  /** @internal use {@link parseTemplate} */
  constructor(
    readonly name: string,
    readonly text: string,
    /** The main tree and every {{define}}d / {{block}} template, by name. */
    readonly templates: Map<string, ListNode>,
    readonly funcs: FuncMap,
  ) {}

  /** Execute against `data`; throws TemplateError (its `partialOutput` holds what was written). */
  execute(data: unknown, options: ExecuteOptions = {}): string {
    const root =
      options.typeName !== undefined && !(data instanceof GoStruct) && typeof data === 'object' && data !== null
        ? new GoStruct(data, options.typeName)
        : data;
    const main = this.templates.get(this.name) ?? { type: 'list', pos: 0, nodes: [] };
    return execute(main, root, {
      name: this.name,
      text: this.text,
      templates: this.templates,
      funcs: { ...this.funcs, ...options.funcs },
      missingKeyError: options.missingKeyError ?? false,
    });
  }
}

/**
 * Parse `text` like `template.New(name).Funcs(funcs).Parse(text)`; `funcs`
 * defaults to docker's (templates.Parse). Throws TemplateError.
 */
export function parseTemplate(text: string, funcs: FuncMap = DOCKER_FUNCS, name = ''): Template {
  const templates = parse(text, name, (f) => f in funcs || f in BUILTINS);
  return new Template(name, text, templates, funcs);
}
