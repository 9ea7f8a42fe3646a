/**
 * BuildKit's plain progress (buildx `--progress=plain`, and what `auto`
 * picks when stderr is not a terminal), after buildkit util/progress/
 * progressui printer.go: `#N <name>` when a vertex starts, its status lines
 * (`#N transferring context: 39B done`, `#N exporting layers 0.0s done`),
 * its logs with seconds since it started (`#N 0.058 hello`), then
 * `#N DONE 0.1s`, `#N CACHED` or `#N ERROR: …`, vertices separated by a
 * blank line.
 */
import type { SolveEvent, VertexStatus } from '../../engine/builder/types.ts';

/** tonistiigi/units `%.2f` byte sizes: `217B`, `1.23kB`, `3.64MB`. */
export function bytesUnit(n: number): string {
  if (n < 1000) return `${n}B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(2)}${units[u]}`;
}

/** The text of a status after its id (`39B done`, `0.0s done`). */
export function statusText(s: VertexStatus): string {
  let out = s.id;
  if (s.bytes && s.current !== undefined) out += ` ${bytesUnit(s.current)}${s.total !== undefined ? ` / ${bytesUnit(s.total)}` : ''}`;
  if (s.started !== undefined && s.completed !== undefined) out += ` ${((s.completed - s.started) / 1000).toFixed(1)}s`;
  if (s.completed !== undefined) out += ' done';
  return out;
}

/** Renders solve events as plain progress lines. */
export class PlainProgress {
  readonly #write: (s: string) => void;
  readonly #partial = new Map<number, string>();

  constructor(write: (s: string) => void) {
    this.#write = write;
    this.#write('#0 building with "default" instance using docker driver\n');
  }

  /** One event. */
  event(e: SolveEvent): void {
    if (e.type === 'status') {
      this.#write(`#${e.status.vertex} ${statusText(e.status)}\n`);
      return;
    }
    if (e.type === 'log') {
      const text = (this.#partial.get(e.vertex) ?? '') + e.text;
      const lines = text.split('\n');
      this.#partial.set(e.vertex, lines.pop()!);
      for (const l of lines) this.#write(`#${e.vertex} ${(e.time / 1000).toFixed(3)} ${l}\n`);
      return;
    }
    const v = e.vertex;
    if (v.completed === undefined) {
      this.#write(`\n#${v.n} ${v.name}\n`);
      return;
    }
    const rest = this.#partial.get(v.n);
    if (rest) this.#write(`#${v.n} ${((v.completed - (v.started ?? v.completed)) / 1000).toFixed(3)} ${rest}\n`);
    this.#partial.delete(v.n);
    if (v.error) this.#write(`#${v.n} ERROR: ${v.error}\n`);
    else if (v.cached) this.#write(`#${v.n} CACHED\n`);
    else this.#write(`#${v.n} DONE ${((v.completed - (v.started ?? v.completed)) / 1000).toFixed(1)}s\n`);
  }
}
