/**
 * The CLI's rendering of daemon message streams (pull, load, push), after
 * moby's pkg/jsonmessage DisplayJSONMessagesStream: on a terminal each layer
 * keeps its own line, redrawn in place with cursor movements and a progress
 * bar; elsewhere one `id: status` line per message, skipping the progress
 * updates (docker-reference §5).
 */
import type { JsonMessage } from '../engine/api-types.ts';
import { humanSize } from '../common/go-units.ts';

/** Renders a message stream incrementally. */
export class JsonMessageWriter {
  readonly #write: (s: string) => void;
  readonly #tty: boolean;
  readonly #width: number;
  /** Layer IDs in the order their lines were opened (TTY mode). */
  #lines: string[] = [];

  constructor(write: (s: string) => void, opts: { tty: boolean; width?: number }) {
    this.#write = write;
    this.#tty = opts.tty;
    this.#width = opts.width ?? 80;
  }

  /** Renders one message. */
  message(m: JsonMessage): void {
    if (m.errorDetail || m.error) return; // errors end the stream; the caller reports them
    if (!this.#tty) {
      const p = m.progressDetail;
      if (p && ((p.current ?? 0) > 0 || (p.total ?? 0) > 0)) return;
      if (m.stream !== undefined) this.#write(m.stream);
      else this.#write(`${m.id ? `${m.id}: ` : ''}${m.status ?? ''}\n`);
      return;
    }
    // JSONMessage.Display: a stream message is written as it is, since it carries its own line
    // breaks (the legacy builder sends `Step 2/5 : COPY . /app` and its "\n" as two messages);
    // a status gets "\n". The tty's ONLCR turns each "\n" into CR LF.
    if (!m.id || m.progressDetail === undefined) {
      this.#write(m.stream !== undefined ? m.stream : `${m.id ? `${m.id}: ` : ''}${m.status ?? ''}\n`);
      if (!m.id) this.#lines = [];
      return;
    }
    let index = this.#lines.indexOf(m.id);
    if (index === -1) {
      this.#lines.push(m.id);
      index = this.#lines.length - 1;
      this.#write('\n');
    }
    const up = this.#lines.length - index;
    // ESC[nA up, ESC[2K erase line, then down again: jsonmessage's cursor dance.
    const text = `${m.id}: ${m.status ?? ''} ${this.#progress(m)}`;
    this.#write(`\x1b[${up}A\x1b[2K\r${text}\r\x1b[${up}B`);
  }

  /** The progress text after the status (jsonmessage JSONProgress.String). */
  #progress(m: JsonMessage): string {
    const p = m.progressDetail;
    if (!p || !p.total || p.current === undefined) return '';
    const current = humanSize(p.current);
    const total = humanSize(p.total);
    const numbers = `${current.padStart(8)}/${total}`;
    if (this.#width <= 110) return numbers;
    const pct = Math.min(100, Math.floor((p.current / p.total) * 100));
    const filled = Math.floor(pct / 2);
    return `[${'='.repeat(filled)}>${' '.repeat(Math.max(0, 50 - filled))}] ${numbers}`;
  }
}
