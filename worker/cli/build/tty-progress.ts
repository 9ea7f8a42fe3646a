/**
 * BuildKit's TTY progress (progressui display.go), in the bytes a real
 * terminal receives (docker-reference buildkit-tty-capture.raw): the frame
 * redrawn in place — cursor hidden, moved up over the previous frame — with
 * the header `[+] Building 0.1s (9/9) FINISHED` and `docker:default` at the
 * right edge, one ` => name` line per vertex and ` => => status` per status,
 * each ending with its duration at the last column, done lines in blue.
 * The shell hands a command's output over when it finishes, so the first
 * (empty) frame and the final one are drawn, as a quick build shows them.
 */
import type { SolveEvent, Vertex, VertexStatus } from '../../engine/builder/types.ts';
import { bytesUnit } from './plain-progress.ts';

const ESC = '\x1b[';

/** Collects solve events and draws the frames. */
export class TtyProgress {
  readonly #vertices = new Map<number, Vertex>();
  readonly #statuses = new Map<number, VertexStatus[]>();
  readonly #width: number;
  readonly #start: number;
  #end: number;

  constructor(now: number, width = 80) {
    this.#start = now;
    this.#end = now;
    this.#width = width;
  }

  /** One event. */
  event(e: SolveEvent): void {
    if (e.type === 'vertex') {
      this.#vertices.set(e.vertex.n, e.vertex);
      this.#end = Math.max(this.#end, e.vertex.completed ?? e.vertex.started ?? this.#end);
    } else if (e.type === 'status') {
      const list = this.#statuses.get(e.status.vertex) ?? [];
      list.push(e.status);
      this.#statuses.set(e.status.vertex, list);
    }
  }

  #line(left: string, right: string): string {
    const room = this.#width - 1 - right.length - 1;
    const text = left.length > room ? left.slice(0, room) : left;
    return text.padEnd(this.#width - 1 - right.length) + right;
  }

  #header(elapsed: number, done: number, total: number, finished: boolean): string {
    return this.#line(`[+] Building ${(elapsed / 1000).toFixed(1)}s (${done}/${total})${finished ? ' FINISHED' : ''}`, 'docker:default');
  }

  /** The bytes of the first frame and the final one. */
  render(): string {
    const vs = [...this.#vertices.values()].sort((a, b) => a.n - b.n);
    const done = vs.filter((v) => v.completed !== undefined).length;
    let out = `${ESC}1A${ESC}1B${ESC}0G${ESC}?25l${this.#header(0, 0, 1, false)}\r\n`;
    out += `${ESC}?25h${ESC}1A${ESC}0G${ESC}?25l${this.#header(this.#end - this.#start, done, vs.length, true)}\r\n`;
    for (const v of vs) {
      const secs = `${(((v.completed ?? this.#end) - (v.started ?? this.#end)) / 1000).toFixed(1)}s`;
      const color = v.error ? '31' : '34';
      const name = `${v.cached ? 'CACHED ' : ''}${v.error ? 'ERROR ' : ''}${v.name}`;
      out += `${ESC}${color}m${this.#line(` => ${name}`, secs)}\r\n${ESC}0m`;
      for (const s of this.#statuses.get(v.n) ?? []) {
        const t = `${(((s.completed ?? this.#end) - (s.started ?? s.completed ?? this.#end)) / 1000).toFixed(1)}s`;
        const text = s.id + (s.bytes && s.current !== undefined ? ` ${bytesUnit(s.current)}` : '');
        out += `${ESC}${color}m${this.#line(` => => ${text}`, t)}\r\n${ESC}0m`;
      }
    }
    return out + `${ESC}?25h`;
  }
}
