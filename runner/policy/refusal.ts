/**
 * The one way a policy module says no: a thrown Refusal carries the HTTP
 * status and a plain reason; applyPolicy turns it into a `refuse` result, so
 * the docker CLI prints `Error response from daemon: layerlab runner: …`.
 */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** 403: the request is understood and not allowed (runner-security.md §6.1: everything not listed → 403). */
export function forbid(message: string): never {
  throw new Refusal(403, message);
}

/** 400: the request is malformed or ambiguous (strict parsing, §2.2). */
export function malformed(message: string): never {
  throw new Refusal(400, message);
}
