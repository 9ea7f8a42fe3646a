/**
 * Golden replay: every fixture recorded from real Docker (test/golden/record.sh)
 * is fed, line by line, to the simulator through the contract of design.md §7,
 *
 *   node bin/layerlab exec --json --preload alpine,hello-world,busybox  < lines
 *
 * and each line's stdout, stderr and exit code must equal the real ones after
 * normalization (normalize.ts, applied to both sides with one id labelling per
 * scenario and side, ids labelled by the line that introduced them; sizes of 1 kB and more hidden because the oracle's base
 * images are stand-ins). Known, intended differences are listed with reasons in
 * expected-differences.json; documented rewrites are in replay-rewrites.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createNormalizer, normalizeSizes } from './normalize.ts';
import { busyboxIpAddr, hostCpuLevel, inspectToApi151, maskDockerVersion, networkInspectToApi151, registryCmd, registryOutput, sortLines } from './replay-rewrites.ts';

/** One transcript entry, the shape `bin/layerlab exec --json` prints and record.sh writes. */
interface Entry {
  cmd: string;
  stdout: string;
  stderr: string;
  rc: number;
}

interface Difference {
  scenario: string;
  cmd: string;
  /** 1-based line of the fixture, when the cmd occurs more than once. */
  line?: number;
  compare: 'skip' | 'unordered';
  reason: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const BIN = join(ROOT, 'bin', 'layerlab');
const PRELOAD = 'alpine,hello-world,busybox';
/** One simulator session per scenario runs all its lines; allow for a loaded 2-core machine. */
const SIM_TIMEOUT = 180_000;
/** Scenarios whose lines name the oracle's registry and are mapped to Hub names. */
const REGISTRY_SCENARIOS = new Set(['pull-registry']);

const differences = (JSON.parse(readFileSync(join(HERE, 'expected-differences.json'), 'utf8')) as { entries: Difference[] }).entries;
const scenarios = readdirSync(join(HERE, 'fixtures'))
  .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

function loadFixture(name: string): Entry[] {
  return JSON.parse(readFileSync(join(HERE, 'fixtures', `${name}.json`), 'utf8')) as Entry[];
}

/** The real transcript as Docker 28.5 against Docker Hub would print it (replay-rewrites.ts). */
function expectedTranscript(name: string): Entry[] {
  const registry = REGISTRY_SCENARIOS.has(name);
  const out = (t: string): string => hostCpuLevel(busyboxIpAddr(networkInspectToApi151(maskDockerVersion(inspectToApi151(registry ? registryOutput(t) : t)))));
  return loadFixture(name).map((e) => ({
    cmd: registry ? registryCmd(e.cmd) : e.cmd,
    stdout: out(e.stdout),
    stderr: out(e.stderr),
    rc: e.rc,
  }));
}

/** Runs the lines in one simulator session (state carries from line to line, as in a terminal). */
function runSimulator(lines: string[]): Entry[] {
  const res = spawnSync(process.execPath, [BIN, 'exec', '--json', '--preload', PRELOAD], {
    cwd: ROOT,
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: SIM_TIMEOUT,
  });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`bin/layerlab exec exited ${res.status}: ${res.stderr}`);
  return JSON.parse(res.stdout) as Entry[];
}

/** Both sides of one line after normalization, in the shape compared with toEqual. */
function normalized(entries: Entry[], diffsFor: (cmd: string, line: number) => Difference | undefined): Array<Omit<Entry, 'cmd'> | 'skipped'> {
  const n = createNormalizer();
  return entries.map((e, i) => {
    // Normalize even skipped lines so id numbering stays aligned between both sides.
    const stdout = normalizeSizes(n(maskDockerVersion(e.stdout), i + 1));
    const stderr = normalizeSizes(n(maskDockerVersion(e.stderr), i + 1));
    const diff = diffsFor(e.cmd, i + 1);
    if (diff?.compare === 'skip') return 'skipped';
    if (diff?.compare === 'unordered') {
      // Ids this line introduces are labelled in order of appearance, which is the very
      // order left unspecified here: give them one label before sorting the lines.
      const fresh = new RegExp(String.raw`<id${i + 1}\.\d+(:12)?>`, 'g');
      const unordered = (t: string): string => sortLines(t.replace(fresh, (_m, short?: string) => `<id${i + 1}.*${short ?? ''}>`));
      return { stdout: unordered(stdout), stderr: unordered(stderr), rc: e.rc };
    }
    return { stdout, stderr, rc: e.rc };
  });
}

describe.skipIf(!existsSync(BIN))('golden replay against real Docker transcripts', () => {
  for (const name of scenarios) {
    describe(name, () => {
      const expected = expectedTranscript(name);
      const diffsFor = (cmd: string, line: number): Difference | undefined =>
        differences.find(
          (d) => d.scenario === name && (d.line === undefined || d.line === line) && (REGISTRY_SCENARIOS.has(name) ? registryCmd(d.cmd) : d.cmd) === cmd,
        );
      let actual: Entry[] | undefined;
      const sim = (): Entry[] => (actual ??= runSimulator(expected.map((e) => e.cmd)));
      let pair: { want: ReturnType<typeof normalized>; got: ReturnType<typeof normalized> } | undefined;
      const compared = () => (pair ??= { want: normalized(expected, diffsFor), got: normalized(sim(), diffsFor) });

      it('runs every line', () => {
        expect(sim().map((e) => e.cmd)).toEqual(expected.map((e) => e.cmd));
      }, SIM_TIMEOUT);

      expected.forEach((entry, i) => {
        const diff = diffsFor(entry.cmd, i + 1);
        const title = `#${i + 1} ${entry.cmd}${diff ? ` [${diff.compare}: ${diff.reason}]` : ''}`;
        (diff?.compare === 'skip' ? it.skip : it)(title, () => {
          const { want, got } = compared();
          expect(got[i]).toEqual(want[i]);
        }, SIM_TIMEOUT);
      });
    });
  }
});

describe('golden fixtures', () => {
  it('every expected difference names a recorded line', () => {
    const missing = differences.filter((d) => !loadFixture(d.scenario).some((e, i) => e.cmd === d.cmd && (d.line === undefined || d.line === i + 1)));
    expect(missing).toEqual([]);
  });
});
