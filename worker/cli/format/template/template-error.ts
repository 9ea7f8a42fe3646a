/**
 * Errors of the template engine. The message is exactly Go's error text
 * (`template: :1:2: executing "" at <.Bogus>: can't evaluate field Bogus in
 * type *formatter.imageContext`), because docker prints it verbatim after
 * `template parsing error: `.
 */
export class TemplateError extends Error {
  /** Output written before an execution error (Go's Execute writes as it goes). */
  partialOutput = '';

  /** @param message Go's error text */
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}
