/**
 * BuildKit's side of a build's output: numbered vertices with their
 * statuses and logs, timed by the engine clock, emitted as solve events
 * (the data buildx's progress UI renders). Legacy builds use the JSON
 * message helpers instead.
 */
import type { JsonMessage } from '../api-types.ts';
import type { BuildSink, SolveEvent, Vertex } from './types.ts';

/** Emits BuildKit vertices in display order. */
export class Progress {
  #n = 0;
  readonly #vertices = new Map<number, Vertex>();
  /** Log lines per vertex (the ERROR block repeats them). */
  readonly logs = new Map<number, string[]>();

  constructor(readonly sink: BuildSink, readonly now: () => number) {}

  #emit(e: SolveEvent): void {
    this.sink.solve?.(e);
  }

  /** Starts a vertex; returns its number. */
  start(name: string): number {
    const n = ++this.#n;
    const v: Vertex = { n, name, started: this.now() };
    this.#vertices.set(n, v);
    this.#emit({ type: 'vertex', vertex: { ...v } });
    return n;
  }

  /** Ends a vertex: done, cached or failed. */
  end(n: number, how: { cached?: boolean; error?: string } = {}): void {
    const v = this.#vertices.get(n)!;
    Object.assign(v, { completed: this.now() }, how.cached ? { cached: true } : {}, how.error ? { error: how.error } : {});
    this.#emit({ type: 'vertex', vertex: { ...v } });
  }

  /** A finished status line of a vertex (`transferring context: 2B done`). */
  status(vertex: number, id: string, opts: { bytes?: number; total?: number; timed?: boolean } = {}): void {
    const t = this.now();
    this.#emit({
      type: 'status',
      status: {
        vertex,
        id,
        ...(opts.bytes !== undefined ? { current: opts.bytes, bytes: true } : {}),
        ...(opts.total !== undefined ? { total: opts.total } : {}),
        ...(opts.timed ? { started: t } : {}),
        completed: t,
      },
    });
  }

  readonly #partial = new Map<number, string>();

  /** One chunk of a RUN's output; complete lines are kept as `0.058 text` for the error block. */
  log(vertex: number, text: string): void {
    const time = this.now() - (this.#vertices.get(vertex)?.started ?? this.now());
    const lines = ((this.#partial.get(vertex) ?? '') + text).split('\n');
    this.#partial.set(vertex, lines.pop()!);
    const list = this.logs.get(vertex) ?? [];
    for (const l of lines) list.push(`${(time / 1000).toFixed(3)} ${l}`);
    this.logs.set(vertex, list);
    this.#emit({ type: 'log', vertex, time, text });
  }
}

/** Legacy stream helpers: the daemon's `{stream}` messages. */
export function streamMessage(text: string): JsonMessage {
  return { stream: text };
}
