/**
 * The simulator's docker commands beside the real docker CLI's, per command,
 * as a ratio (design.md §9: at least 10x faster). The simulator runs in
 * process through the same session the page and bin/layerlab use; the real
 * side runs `docker` against the local oracle engine (test/golden/oracle.sh
 * start) when DOCKER_HOST points at it, else reads the figures
 * bench/real-docker.sh wrote to bench/results/real-docker.json.
 *
 *   npx tsx bench/cli-vs-docker.ts [runs]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createSession } from '../worker/session.ts';
import { MemoryStore } from '../worker/store/memory-store.ts';

const RUNS = Number(process.argv[2] ?? 30);
const COMMANDS = ['docker image ls', 'docker image inspect alpine', 'docker history alpine', 'docker pull alpine'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function simulator(): Promise<Record<string, number>> {
  const session = await createSession({ store: await MemoryStore.open(), preload: ['alpine', 'hello-world'] });
  const out: Record<string, number> = {};
  for (const cmd of COMMANDS) {
    await session.runLine(cmd); // warm-up: first use loads modules
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = await session.runLine(cmd);
      times.push(performance.now() - t0);
      if (r.rc !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
    }
    out[cmd] = median(times);
  }
  return out;
}

function realDocker(): Record<string, number> | undefined {
  const host = process.env.DOCKER_HOST;
  if (host) {
    const out: Record<string, number> = {};
    for (const cmd of COMMANDS) {
      const argv = cmd.split(' ').slice(1);
      if (argv[0] === 'pull') argv[1] = process.env.BENCH_PULL_REF ?? 'localhost:5000/alpine';
      const times: number[] = [];
      for (let i = 0; i < Math.min(RUNS, 15); i++) {
        const t0 = performance.now();
        execFileSync('docker', argv, { stdio: 'ignore' });
        times.push(performance.now() - t0);
      }
      out[cmd] = median(times);
    }
    return out;
  }
  const file = 'bench/results/real-docker.json';
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const medians = (data.medians ?? data) as Record<string, number>;
  return Object.fromEntries(COMMANDS.map((c) => [c, medians[c] ?? NaN]));
}

const sim = await simulator();
const real = realDocker();
console.log(`command\tsimulator ms\treal docker ms\tratio (real/sim)`);
for (const cmd of COMMANDS) {
  const r = real?.[cmd];
  const ratio = r !== undefined && Number.isFinite(r) ? (r / sim[cmd]!).toFixed(1) + 'x' : 'n/a';
  console.log(`${cmd}\t${sim[cmd]!.toFixed(2)}\t${r !== undefined && Number.isFinite(r) ? r.toFixed(1) : 'n/a'}\t${ratio}`);
}
writeFileSync('bench/results/cli-vs-docker.json', JSON.stringify({ runs: RUNS, simulator: sim, real: real ?? null }, null, 2) + '\n');
