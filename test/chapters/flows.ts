/**
 * The chapters' flows (test/chapters/flows/*.txt): every command of the five
 * seed chapters the simulator supports, in order, as a learner types them.
 * One file per chapter, read by the Node test (flows.test.ts, through
 * `bin/layerlab exec --json`) and the browser suite (test/browser/chapters.test.ts,
 * typed into the page), so both run exactly the same lines.
 *
 * Format: one terminal line per line; a line starting with `#` is a comment;
 * a trailing ` #! rc=N` is the exit status the line must end with (it is
 * stripped, never typed); the default is 0. Lines typed while a container's
 * shell runs (`docker run -it`) are ordinary lines: the page sends them as
 * keystrokes, exec --json feeds them to the container as a terminal would.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(import.meta.dirname, 'flows');

/** One line of a flow. */
export interface FlowLine {
  /** What the learner types (without the annotation). */
  line: string;
  /** The exit status it must end with. */
  rc: number;
  /** 1-based line number in the flow file, for messages. */
  at: number;
}

/** One chapter's flow. */
export interface Flow {
  /** The file name without `.txt`, e.g. `000-images`. */
  name: string;
  lines: FlowLine[];
}

/** One record of `bin/layerlab exec --json` (bin/cli/exec.ts). */
export interface ExecRecord {
  cmd: string;
  stdout: string;
  stderr: string;
  rc: number;
}

/** Parses a flow file's text. */
export function parseFlow(name: string, text: string): Flow {
  const lines: FlowLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const m = / #! rc=(\d+)$/.exec(raw);
    lines.push({ line: m ? raw.slice(0, m.index) : raw, rc: m ? Number(m[1]) : 0, at: i + 1 });
  });
  return { name, lines };
}

/** Every flow, in chapter order. */
export function loadFlows(): Flow[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseFlow(f.slice(0, -'.txt'.length), readFileSync(resolve(DIR, f), 'utf8')));
}

/** Runs a flow's lines through `bin/layerlab exec --json` (a fresh lab) and returns its records. */
export async function execFlow(flow: Flow): Promise<ExecRecord[]> {
  const child = spawn(resolve(ROOT, 'bin/layerlab'), ['exec', '--json'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.stdin.end(flow.lines.map((l) => `${l.line}\n`).join(''));
  const code = await new Promise<number | null>((ok) => child.once('close', ok));
  if (code !== 0) throw new Error(`bin/layerlab exec --json exited ${code}: ${err}`);
  return JSON.parse(out) as ExecRecord[];
}

/**
 * Runs a flow's lines in a session in this process, as `exec --json` does
 * (one record per whole command), with a fixed clock and seeded randomness so
 * ids, digests and their order are the same on every run: the transcripts
 * compare whole outputs.
 */
export async function sessionFlow(flow: Flow): Promise<ExecRecord[]> {
  const { createSession } = await import('../../worker/session.ts');
  const { MemoryStore } = await import('../../worker/store/memory-store.ts');
  const { NOW, seeded } = await import('../containers/helpers.ts');
  const session = await createSession({ store: new MemoryStore(), isTTY: false, clock: () => NOW, random: seeded(5) });
  const records: ExecRecord[] = [];
  let lines: string[] = [];
  try {
    for (const { line } of flow.lines) {
      lines.push(line);
      const r = await session.runLine(line);
      if (session.foreground === undefined && session.shell.continuing) continue;
      records.push({ cmd: lines.join('\n'), stdout: r.stdout, stderr: r.stderr, rc: r.rc });
      lines = [];
    }
  } finally {
    await session.close();
  }
  return records;
}
