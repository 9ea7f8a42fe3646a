/**
 * The runner as an operator starts it: `runner/main.ts` in its own process
 * (the real policy, the local backend with a dockerd per session, gVisor
 * where it works), on a loopback port, allowing the given page origins and
 * seeding each session with the `alpine` stand-in. Its JSON log lines are
 * collected, so a test can wait for what the runner did (a session created,
 * a session ended) instead of sleeping. Stopped by SIGTERM to its own pid;
 * `stop()` then checks that no session directory is left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { alpineSeed, TEST_DOCKERD } from '../server/seed.ts';

/** One JSON log line of the runner. */
export interface RunnerLogLine {
  event: string;
  [field: string]: unknown;
}

/** A runner process for a test. */
export interface ProductionRunner {
  url: string;
  /** Every log line so far. */
  log: RunnerLogLine[];
  /** Resolves when a log line matching `pred` has been written (now or later). */
  until(pred: (line: RunnerLogLine) => boolean, timeoutMs?: number): Promise<RunnerLogLine>;
  /** Session directories that exist in its state dir. */
  sessionDirs(): string[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `runner/main.ts`; resolves once it logged `listening`. */
export async function startProductionRunner(origins: string[], env: Record<string, string> = {}): Promise<ProductionRunner> {
  const dir = mkdtempSync(path.join(tmpdir(), 'll-runner-'));
  const state = path.join(dir, 'state');
  const seed = alpineSeed(dir);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'runner/main.ts'], {
    env: {
      ...process.env,
      RUNNER_HOST: '127.0.0.1',
      RUNNER_PORT: String(port),
      RUNNER_ALLOWED_ORIGINS: origins.join(','),
      RUNNER_STATE_DIR: state,
      RUNNER_SEED_IMAGES: seed,
      RUNNER_DOCKERD: TEST_DOCKERD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: RunnerLogLine[] = [];
  const waiters = new Set<{ pred: (l: RunnerLogLine) => boolean; resolve: (l: RunnerLogLine) => void }>();
  let stderr = '';
  let buffered = '';
  // The runner writes its JSON log lines on stderr (runner/server.ts jsonLog); anything else there is kept for errors.
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    buffered += d.toString();
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const text = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      let line: RunnerLogLine;
      try {
        line = JSON.parse(text) as RunnerLogLine;
      } catch {
        continue;
      }
      log.push(line);
      for (const w of [...waiters]) if (w.pred(line)) (waiters.delete(w), w.resolve(line));
    }
  });
  child.stdout!.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const until = (pred: (l: RunnerLogLine) => boolean, timeoutMs = 60_000): Promise<RunnerLogLine> => {
    const seen = log.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const w = { pred, resolve: (l: RunnerLogLine) => (clearTimeout(timer), resolve(l)) };
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`the runner did not log what was awaited in ${timeoutMs} ms; its log:\n${stderr}`));
      }, timeoutMs);
      waiters.add(w);
      void exited.then(() => {
        if (!waiters.has(w)) return;
        waiters.delete(w);
        clearTimeout(timer);
        reject(new Error(`the runner exited (${child.exitCode}):\n${stderr}`));
      });
    });
  };
  const sessionDirs = () => {
    try {
      return readdirSync(state);
    } catch {
      return [];
    }
  };
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const listening = await until((l) => l.event === 'listening', 60_000);
    return { url: String(listening.url), log, until, sessionDirs, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
