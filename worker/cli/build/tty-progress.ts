/**
 * BuildKit's TTY progress (progressui display.go), in the bytes a real
 * terminal receives (docker-reference buildkit-tty-capture.raw): the frame
 * redrawn in place — cursor hidden, moved up over the previous frame — with
 * the header `[+] Building 0.1s (9/9) FINISHED` and `docker:default` at the
 * right edge, one ` => name` line per vertex and ` => => status` per status,
 * each ending with its duration at the last column, done lines in blue.
 * Like buildx, it draws the first (empty) frame at once and then redraws at
 * most every 150 ms (progressui's refresh): a quick build shows just the
 * first and the final frame, as captured; a long RUN (apk add nodejs) shows
 * its running steps in between, when the terminal streams output live.
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

  readonly #write: (s: string) => void;
  readonly #wall: () => number;
  /** Lines of the frame on screen (the cursor goes up over them to redraw). */
  #shown = 1;
  #drawnAt: number;

  /** `now` is the engine clock (durations shown); `wall` the real clock that paces redraws. */
  constructor(write: (s: string) => void, now: number, opts: { width?: number; wall?: () => number } = {}) {
    this.#write = write;
    this.#start = now;
    this.#end = now;
    this.#width = opts.width ?? 80;
    this.#wall = opts.wall ?? (() => Date.now());
    this.#drawnAt = this.#wall();
    this.#write(`${ESC}1A${ESC}1B${ESC}0G${ESC}?25l${this.#header(0, 0, 1, false)}\r\n`);
  }

  /** One event; redraws when the last frame is older than the refresh interval. */
  event(e: SolveEvent): void {
    if (e.type === 'vertex') {
      this.#vertices.set(e.vertex.n, e.vertex);
      this.#end = Math.max(this.#end, e.vertex.completed ?? e.vertex.started ?? this.#end);
    } else if (e.type === 'status') {
      const list = this.#statuses.get(e.status.vertex) ?? [];
      list.push(e.status);
      this.#statuses.set(e.status.vertex, list);
    }
    if (this.#wall() - this.#drawnAt >= 150) this.#draw(false);
  }

  /** The final frame (FINISHED) and the cursor shown again. */
  finish(): void {
    this.#draw(true);
    this.#write(`${ESC}?25h`);
  }

  #draw(finished: boolean): void {
    const frame = this.#frame(finished);
    this.#write(`${ESC}?25h${ESC}${this.#shown}A${ESC}0G${ESC}?25l${frame.join('')}`);
    this.#shown = frame.length;
    this.#drawnAt = this.#wall();
  }

  #line(left: string, right: string): string {
    const room = this.#width - 1 - right.length - 1;
    const text = left.length > room ? left.slice(0, room) : left;
    return text.padEnd(this.#width - 1 - right.length) + right;
  }

  #header(elapsed: number, done: number, total: number, finished: boolean): string {
    return this.#line(`[+] Building ${(elapsed / 1000).toFixed(1)}s (${done}/${total})${finished ? ' FINISHED' : ''}`, 'docker:default');
  }

  /** The lines of one frame (each with its colour codes and CRLF). */
  #frame(finished: boolean): string[] {
    const vs = [...this.#vertices.values()].sort((a, b) => a.n - b.n);
    const done = vs.filter((v) => v.completed !== undefined).length;
    const out = [`${this.#header(this.#end - this.#start, done, vs.length, finished)}\r\n`];
    for (const v of vs) {
      const secs = `${(((v.completed ?? this.#end) - (v.started ?? this.#end)) / 1000).toFixed(1)}s`;
      const color = v.error ? `${ESC}31m` : v.completed !== undefined ? `${ESC}34m` : '';
      const reset = color ? `${ESC}0m` : '';
      const name = `${v.cached ? 'CACHED ' : ''}${v.error ? 'ERROR ' : ''}${v.name}`;
      out.push(`${color}${this.#line(` => ${name}`, secs)}\r\n${reset}`);
      for (const s of this.#statuses.get(v.n) ?? []) {
        const t = `${(((s.completed ?? this.#end) - (s.started ?? s.completed ?? this.#end)) / 1000).toFixed(1)}s`;
        const text = s.id + (s.bytes && s.current !== undefined ? ` ${bytesUnit(s.current)}` : '');
        out.push(`${color}${this.#line(` => => ${text}`, t)}\r\n${reset}`);
      }
    }
    return out;
  }
}
