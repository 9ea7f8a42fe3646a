/**
 * `npm run bench:runner`: how many concurrent sessions this host's runner
 * holds. A runner in this process (local backend: a dockerd per session,
 * runsc where it works) gets sessions added in steps; each new session is
 * seeded with the alpine stand-in (our "pull": no registry exists here) and
 * builds a small image; then every session loops `docker run --rm alpine
 * echo hi` (create, attach, start, wait, remove over the WebSocket) and a
 * `GET /_ping` for BENCH_SECONDS, and the bench prints the p50/p99 of both
 * round trips per step. It stops at the first step with a failure or a
 * command over BENCH_TIMEOUT_SECONDS, and prints how many sessions held.
 *
 * The policy is the test-only pass-through (test/runner/server/open-policy.ts)
 * unless BENCH_POLICY=default: the figures measure the runner and the
 * engines, not the policy's decisions. Needs root (dockerd).
 *
 * Environment: BENCH_STEPS (1,2,4,8,12,16), BENCH_SECONDS (8),
 * BENCH_TIMEOUT_SECONDS (30), BENCH_RUNTIME (auto|runc|runsc).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { LocalBackend } from '../runner/backends/local.ts';
import { decideRuntime } from '../runner/backends/runtime.ts';
import { RunnerClient, createSession, dockerRun } from '../test/runner/server/client.ts';
import { ORIGIN, runner } from '../test/runner/server/harness.ts';
import { alpineSeed, TEST_DOCKERD } from '../test/runner/server/seed.ts';

const STEPS = (process.env.BENCH_STEPS ?? '1,2,4,8,12,16').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 30) * 1000;

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => (Number.isNaN(n) ? '-' : `${Math.round(n)} ms`);

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, fail) => setTimeout(() => fail(new Error(`${what} took over ${TIMEOUT / 1000} s`)), TIMEOUT).unref())]);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'll-bench-runner-'));
  const state = join(dir, 'state');
  const seed = alpineSeed(dir);
  const decision = await decideRuntime((process.env.BENCH_RUNTIME as 'auto' | 'runc' | 'runsc' | undefined) ?? 'auto');
  const backend = new LocalBackend({ dockerd: TEST_DOCKERD, stateDir: state, runtime: decision.runtime, seedImages: [seed], startTimeoutMs: TIMEOUT });
  const max = Math.max(...STEPS);
  const r = await runner(backend, { RUNNER_STATE_DIR: state, RUNNER_MAX_SESSIONS: String(max), RUNNER_SESSIONS_PER_IP: String(max) }, process.env.BENCH_POLICY === 'default' ? 'default' : undefined);
  console.log(`runner load: ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, dockerd ${TEST_DOCKERD}, runtime ${decision.runtime} (${decision.reason}), policy ${process.env.BENCH_POLICY === 'default' ? 'default' : 'pass-through (test)'}`);
  console.log('sessions | create+seed p50 | build p50 | run p50 | run p99 | ping p50 | ping p99 | runs | failures');
  const clients: RunnerClient[] = [];
  const ctx = mkdtempSync(join(tmpdir(), 'll-bench-ctx-'));
  execFileSync('sh', ['-c', `printf 'FROM alpine\\nRUN echo built > /b\\n' > ${ctx}/Dockerfile`]);
  const tar = execFileSync('tar', ['-C', ctx, '-c', 'Dockerfile']);
  rmSync(ctx, { recursive: true });
  let held = 0;
  try {
    for (const n of STEPS) {
      const creates: number[] = [];
      const builds: number[] = [];
      const failures: string[] = [];
      // Add sessions up to n, concurrently (as a class arriving at once).
      await Promise.all(
        Array.from({ length: n - clients.length }, async () => {
          try {
            const t0 = performance.now();
            const s = await withTimeout(createSession(r.url, ORIGIN), 'create');
            if (s.status !== 201) throw new Error(`create: ${s.status} ${s.body.message}`);
            creates.push(performance.now() - t0);
            const c = await RunnerClient.open(r.url, s.body.id, s.body.token);
            const t1 = performance.now();
            const b = await withTimeout(c.request('POST', '/v1.51/build?t=bench:1&version=1&rm=1', { headers: { 'content-type': 'application/x-tar' }, body: tar }), 'build');
            if (b.status !== 200 || !b.body.toString().includes('Successfully tagged')) throw new Error(`build: ${b.status}`);
            builds.push(performance.now() - t1);
            clients.push(c);
          } catch (e) {
            failures.push((e as Error).message);
          }
        }),
      );
      const runs: number[] = [];
      const pings: number[] = [];
      const until = performance.now() + SECONDS * 1000;
      await Promise.all(
        clients.map(async (c) => {
          while (performance.now() < until && failures.length === 0) {
            try {
              const t0 = performance.now();
              const res = await withTimeout(dockerRun(c, 'echo hi'), 'run');
              if (res.out !== 'hi\n') throw new Error(`run printed ${JSON.stringify(res.out)}`);
              runs.push(performance.now() - t0);
              const t1 = performance.now();
              const p = await withTimeout(c.request('GET', '/_ping'), 'ping');
              if (p.status !== 200) throw new Error(`ping: ${p.status}`);
              pings.push(performance.now() - t1);
            } catch (e) {
              failures.push((e as Error).message);
            }
          }
        }),
      );
      console.log(
        `${String(clients.length).padStart(8)} | ${ms(pct(creates, 50)).padStart(15)} | ${ms(pct(builds, 50)).padStart(9)} | ${ms(pct(runs, 50)).padStart(7)} | ${ms(pct(runs, 99)).padStart(7)} | ${ms(pct(pings, 50)).padStart(8)} | ${ms(pct(pings, 99)).padStart(8)} | ${String(runs.length).padStart(4)} | ${failures.length}`,
      );
      if (failures.length > 0) {
        console.log(`step ${n} failed: ${[...new Set(failures)].slice(0, 3).join('; ')}`);
        break;
      }
      held = clients.length;
    }
    console.log(`held: ${held} concurrent sessions with every command answered within ${TIMEOUT / 1000} s${held === max ? ` (the largest step; raise BENCH_STEPS to find the limit)` : ''}`);
  } finally {
    for (const c of clients) c.ws.close();
    await r.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
