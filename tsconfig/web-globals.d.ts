/**
 * The few WHATWG globals the engine and CLI layers use, which both the page's worker and
 * Node provide: declared here rather than through lib "DOM" or "WebWorker",
 * so the pure projects (worker/{engine,cli}/tsconfig.json) cannot reach the DOM,
 * IndexedDB or fetch. Only the members those layers call are declared. Kept out
 * of the root project, whose DOM lib declares them fully.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class URL {
  constructor(url: string, base?: string);
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly protocol: string;
}
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare function structuredClone<T>(value: T): T;
