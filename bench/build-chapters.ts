/**
 * `docker build` time: the simulator for the chapters' Dockerfiles
 * (hello:v0.1 with `apk add --update nodejs`, its v0.2 rebuild from the
 * COPY on, the python:3.9-slim app), with BuildKit and the legacy builder;
 * and, side by side, the simulator and a real engine building the same
 * portable Dockerfile (the oracle's offline alpine stand-in has no package
 * index, so its RUN writes a file instead of installing nodejs). The real
 * side runs when DOCKER_HOST points at the local oracle engine
 * (test/golden/oracle.sh start; eval "$(test/golden/oracle.sh env)").
 *
 *   npx tsx bench/build-chapters.ts [runs]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../worker/session.ts';
import { MemoryStore } from '../worker/store/memory-store.ts';

const RUNS = Number(process.argv[2] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const INDEX = 'var os = require("os");\nconsole.log("hello from " + os.hostname());\n';
const HELLO = 'FROM alpine\nRUN apk add --update nodejs\nCOPY index.js /app/index.js\nCMD ["node","/app/index.js"]\n';
const PYTHON = 'FROM python:3.9-slim\nWORKDIR /app\nCOPY app.py .\nCMD ["python", "app.py"]\n';
const PORTABLE = 'FROM alpine\nRUN mkdir -p /app && echo installed > /app/installed.txt\nCOPY index.js /app/index.js\nWORKDIR /app\nCMD ["cat","/app/index.js"]\n';

type Figures = Record<string, number>;

/** Times one build line in a fresh session per run (cold: nothing cached), or a rebuild after a change (warm). */
async function simulator(dockerfile: string, files: Record<string, string>, env: string, preload: string[]): Promise<{ cold: number; rebuild: number }> {
  const cold: number[] = [];
  const rebuild: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = await createSession({ store: await MemoryStore.open(), preload });
    await s.runLine('mkdir ctx && cd ctx');
    await s.runLine(`printf '%s' ${quote(dockerfile)} > Dockerfile`);
    for (const [name, text] of Object.entries(files)) await s.runLine(`printf '%s' ${quote(text)} > ${name}`);
    let t0 = performance.now();
    let r = await s.runLine(`${env}docker build -q -t bench:1 .`);
    cold.push(performance.now() - t0);
    if (r.rc !== 0) throw new Error(`build failed: ${r.stderr}`);
    const first = Object.keys(files)[0]!;
    await s.runLine(`printf '%s' ${quote('console.log("this is v0.2");\n')} >> ${first}`);
    t0 = performance.now();
    r = await s.runLine(`${env}docker build -q -t bench:2 .`);
    rebuild.push(performance.now() - t0);
    if (r.rc !== 0) throw new Error(`rebuild failed: ${r.stderr}`);
  }
  return { cold: median(cold), rebuild: median(rebuild) };
}

/** The same on the real engine: a temp context, `--no-cache` for cold builds, then a rebuild after a change. */
function realDocker(dockerfile: string, files: Record<string, string>, legacy: boolean): { cold: number; rebuild: number } | undefined {
  if (!process.env.DOCKER_HOST) return undefined;
  const env = { ...process.env, ...(legacy ? { DOCKER_BUILDKIT: '0' } : {}) };
  const args = legacy ? [] : ['--network=none'];
  const cold: number[] = [];
  const rebuild: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-build-'));
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    let t0 = performance.now();
    execFileSync('docker', ['build', ...args, '--no-cache', '-q', '-t', 'bench:1', dir], { env, stdio: 'ignore' });
    cold.push(performance.now() - t0);
    appendFileSync(join(dir, Object.keys(files)[0]!), `console.log("run ${i}");\n`);
    t0 = performance.now();
    execFileSync('docker', ['build', ...args, '-q', '-t', 'bench:2', dir], { env, stdio: 'ignore' });
    rebuild.push(performance.now() - t0);
    rmSync(dir, { recursive: true, force: true });
  }
  return { cold: median(cold), rebuild: median(rebuild) };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const out: Record<string, Figures> = {};
const chapters: Array<[string, string, Record<string, string>, string[]]> = [
  ['hello (apk add nodejs)', HELLO, { 'index.js': INDEX }, ['alpine']],
  ['python:3.9-slim app', PYTHON, { 'app.py': 'print("Hello, World!")\n' }, ['alpine']],
];
console.log(`docker build, median of ${RUNS} runs (cold build / rebuild after one changed file)`);
for (const [name, df, files, preload] of chapters) {
  for (const [builder, env] of [['BuildKit', ''], ['legacy', 'DOCKER_BUILDKIT=0 ']] as const) {
    const f = await simulator(df, files, env, preload);
    out[`${name} ${builder}`] = f;
    console.log(`simulator  ${name.padEnd(24)} ${builder.padEnd(8)} ${ms(f.cold).padStart(8)} / ${ms(f.rebuild).padStart(8)}`);
  }
}
for (const [builder, env, legacy] of [['BuildKit', '', false], ['legacy', 'DOCKER_BUILDKIT=0 ', true]] as const) {
  const sim = await simulator(PORTABLE, { 'index.js': INDEX }, env, ['alpine']);
  const real = realDocker(PORTABLE, { 'index.js': INDEX }, legacy);
  out[`portable ${builder}`] = { simCold: sim.cold, simRebuild: sim.rebuild, ...(real ? { realCold: real.cold, realRebuild: real.rebuild } : {}) };
  const ratio = real ? `  ratio ${(real.cold / sim.cold).toFixed(1)}x / ${(real.rebuild / sim.rebuild).toFixed(1)}x` : '  (no DOCKER_HOST: real engine not measured)';
  console.log(`portable   ${builder.padEnd(8)} simulator ${ms(sim.cold)} / ${ms(sim.rebuild)}${real ? `, real ${ms(real.cold)} / ${ms(real.rebuild)}` : ''}${ratio}`);
}
if (process.env.DOCKER_HOST) execFileSync('docker', ['rmi', '-f', 'bench:1', 'bench:2'], { stdio: 'ignore' });
console.log(JSON.stringify(out));
