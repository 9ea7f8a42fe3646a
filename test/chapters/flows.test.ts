/**
 * The chapters' flows (test/chapters/flows/*.txt) through `bin/layerlab exec
 * --json`: every line ends with the exit status its flow file says (0 unless
 * annotated), and none meets a command the simulator lacks. The browser
 * suite (test/browser/chapters.test.ts) types the same lines into the page
 * and compares its terminal with these records; compare.ts, tested here,
 * says how.
 */
import { describe, expect, it, vi } from 'vitest';
import { NOW } from '../containers/helpers.ts';
import { execFlow, loadFlows, parseFlow, sessionFlow } from './flows.ts';
import type { ExecRecord } from './flows.ts';
import { createNormalizer } from '../golden/normalize.ts';
import { aptOnTerminal, collapsePullProgress, compareLine, frameBuildSteps, isInterleaving, normalize, plainBuildSteps, screenLines } from './compare.ts';

/**
 * A flow's whole transcript, normalized as the golden suite normalizes (ids
 * numbered by first appearance, times, random names: it reads better than raw
 * hex) plus the wall-clock figures a run measures: build step durations and
 * apt's fetch rate.
 */
function transcript(records: ExecRecord[]): string {
  const norm = createNormalizer();
  const clock = (s: string): string =>
    s
      .replace(/^(#\d+ (?:DONE|CACHED|ERROR)?.*?)\d+\.\d+s$/gm, '$1<secs>s')
      .replace(/^(#\d+ )\d+\.\d+( .*)$/gm, '$1<secs>$2')
      .replace(/^(Fetched .* in )\S+ \([^)]*\)$/gm, '$1<time> (<rate>)');
  return records
    .map((r, i) => `$ ${r.cmd}\n${clock(norm(r.stdout, i + 1))}${r.stderr ? `[stderr]\n${clock(norm(r.stderr, i + 1))}` : ''}[exit ${r.rc}]\n`)
    .join('\n');
}

describe('the chapters through exec --json', () => {
  for (const flow of loadFlows()) {
    it(`${flow.name}: every line ends as its flow says, and prints its recorded transcript`, async () => {
      const records = await execFlow(flow);
      const got = records.map((r, i) => ({ at: flow.lines[i]!.at, cmd: r.cmd, rc: r.rc, missing: /not available in Layerlab|command not found/.test(r.stderr) }));
      expect(got).toEqual(flow.lines.map((l) => ({ at: l.at, cmd: l.line, rc: l.rc, missing: false })));
      // The whole output of every line, from a run with a fixed clock and seeded ids, reviewed when
      // it changes (`vitest -u` rewrites the file).
      // The host's files take their times from Date (just-bash's filesystem): fixed too, so that the
      // layers `COPY . /app` makes, and the digests that order `ls blobs/sha256`, are the same each run.
      vi.useFakeTimers({ toFake: ['Date'], now: NOW });
      let flowRecords: ExecRecord[];
      try {
        flowRecords = await sessionFlow(flow);
      } finally {
        vi.useRealTimers();
      }
      await expect(transcript(flowRecords)).toMatchFileSnapshot(`./transcripts/${flow.name}.txt`);
    }, 300_000);
  }
});

describe('flow files', () => {
  it('drop comments and blank lines and strip the exit status annotation', () => {
    expect(parseFlow('x', '# about\n\ndocker ps\nls nope #! rc=2\n')).toEqual({
      name: 'x',
      lines: [
        { line: 'docker ps', rc: 0, at: 3 },
        { line: 'ls nope', rc: 2, at: 4 },
      ],
    });
  });
});

describe('comparing a terminal with exec --json', () => {
  it('shows a pipe the way a terminal does: CR overwrites, escapes draw nothing, no trailing spaces', () => {
    expect(screenLines('a  \r\nSending 2.048kB\r\r\nxyz\rA\n\x1b[1mbold\x1b[0m\n')).toEqual(['a', 'Sending 2.048kB', 'Ayz', 'bold']);
    expect(screenLines('')).toEqual([]);
  });

  it('keeps each layer of pull progress on its first line with its last status, as a TTY shows it', () => {
    const pipe = ['latest: Pulling from library/x', 'aaaaaaaaaaaa: Pulling fs layer', 'bbbbbbbbbbbb: Waiting', 'aaaaaaaaaaaa: Pull complete', 'bbbbbbbbbbbb: Pull complete', 'Digest: sha256:1'];
    expect(collapsePullProgress(pipe)).toEqual(['latest: Pulling from library/x', 'aaaaaaaaaaaa: Pull complete', 'bbbbbbbbbbbb: Pull complete', 'Digest: sha256:1']);
  });

  it("writes apt's terminal progress and drops its pipe-only warning", () => {
    const pipe = ['Reading package lists...', 'jq is already the newest version (1.6-2.1).', '', 'WARNING: apt does not have a stable CLI interface. Use with caution in scripts.', ''];
    expect(aptOnTerminal(pipe)).toEqual(['Reading package lists... Done', 'jq is already the newest version (1.6-2.1).']);
  });

  it("reduces BuildKit's plain log and its TTY frame to the same steps", () => {
    const plain = ['#0 building with "default" instance using docker driver', '', '#1 [internal] load build definition from Dockerfile', '#1 transferring dockerfile: 67B done', '#1 DONE 0.0s', '#2 [2/2] RUN apk add x', '#2 CACHED', '#3 [3/3] RUN echo', '#3 0.105 hi', '#3 DONE 0.1s'];
    expect(plainBuildSteps(plain)).toEqual([' => [internal] load build definition from Dockerfile', ' => => transferring dockerfile: 67B', ' => CACHED [2/2] RUN apk add x', ' => [3/3] RUN echo']);
    expect(frameBuildSteps(['[+] Building 0.1s (3/3) FINISHED   docker:default', ' => [internal] load build definition from Dockerfile    0.0s', ' => => transferring dockerfile: 67B     0.0s'])).toEqual([
      ' => [internal] load build definition from Dockerfile',
      ' => => transferring dockerfile: 67B',
    ]);
  });

  it('hides ids, names and times, and counts a run of spaces as one gap', () => {
    expect(normalize('c29ca09e604e   alpine   "/bin/sh"   2 seconds ago   Exited (0) Less than a second ago   gallant_lichterman')).toEqual(
      '<hex>  alpine  "/bin/sh"  <when> ago  Exited (0) <when> ago  <name>',
    );
    expect(normalize('Up 3 minutes  2025-07-15T11:01:16.5Z  2026-12-04 06:40  Dec  4 06:40  alpine_bash.tar')).toEqual('Up <when>  <time>  <time>  <time>  alpine_bash.tar');
  });

  it('accepts any interleaving of stdout and stderr, each in its order, and nothing else', () => {
    expect(isInterleaving(['o1', 'e1', 'o2'], ['o1', 'o2'], ['e1'])).toBe(true);
    expect(isInterleaving(['e1', 'o1', 'o2'], ['o1', 'o2'], ['e1'])).toBe(true);
    expect(isInterleaving(['o2', 'e1', 'o1'], ['o1', 'o2'], ['e1'])).toBe(false);
    expect(isInterleaving(['o1', 'e1', 'o2', ''], ['o1', 'o2'], ['e1'])).toBe(false);
    expect(isInterleaving(['o1'], ['o1', 'o2'], [])).toBe(false);
  });

  it('reports a line whose terminal output differs, and only such a line', () => {
    const record = { cmd: 'docker ps', stdout: 'A\nB\n', stderr: 'warn\n', rc: 0 };
    expect(compareLine(record, ['A', 'warn', 'B'])).toBeUndefined();
    expect(compareLine(record, ['A', '', 'B', 'warn'])).toEqual({ cmd: 'docker ps', expected: ['A', 'B', 'warn'], shown: ['A', '', 'B', 'warn'] });
  });
});
