/**
 * Engine errors: classes with a stable `code` and `data` (isomorphic-git's
 * pattern). The message is the daemon's own text, which the CLI prints after
 * `Error response from daemon: `; the code says which HTTP status the Engine
 * API would answer with (moby's errdefs), so the API server and the CLI can
 * both map it without parsing text.
 */

/** moby errdefs classes, named as the Engine API's status codes mean them. */
export type ErrorCode =
  | 'NotFound' // 404
  | 'InvalidParameter' // 400
  | 'Conflict' // 409
  | 'Forbidden' // 403
  | 'Unauthorized' // 401
  | 'NotImplemented' // 501
  | 'System'; // 500

/** An error raised by the engine, carrying the daemon's message. */
export class EngineError extends Error {
  /** Which errdefs class this is. */
  readonly code: ErrorCode;
  /** Structured detail for callers that want more than the text. */
  readonly data: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, data: Record<string, unknown> = {}) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.data = data;
  }

  /** The HTTP status the Engine API answers with for this error. */
  get status(): number {
    return STATUS[this.code];
  }
}

const STATUS: Record<ErrorCode, number> = {
  NotFound: 404,
  InvalidParameter: 400,
  Conflict: 409,
  Forbidden: 403,
  Unauthorized: 401,
  NotImplemented: 501,
  System: 500,
};

/** `No such image: alpine:latest` (moby daemon/images ErrImageDoesNotExist). */
export function noSuchImage(familiarRef: string): EngineError {
  return new EngineError('NotFound', `No such image: ${familiarRef}`, { ref: familiarRef });
}

/** Whether a value is an {@link EngineError}. */
export function isEngineError(err: unknown): err is EngineError {
  return err instanceof EngineError;
}
