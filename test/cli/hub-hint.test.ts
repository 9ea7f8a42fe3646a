/**
 * The practice Hub's hint: after Docker's own "repository does not exist" error,
 * one Layerlab line, once per terminal session, whichever command met the
 * missing repository first (pull, run, create, build FROM). A missing tag of a
 * repository the Hub holds, or another registry's name, is not the Hub's gap and
 * gets no hint.
 */
import { describe, expect, it } from 'vitest';
import { createSession, type LineResult } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { heldRepositories } from '../../worker/registry/hub-index.ts';
import { NOW, seeded } from '../containers/helpers.ts';

async function lab() {
  const s = await createSession({ store: new MemoryStore(), preload: ['alpine'], clock: () => NOW, random: seeded(7), isTTY: false });
  return async (line: string): Promise<Pick<LineResult, 'stdout' | 'stderr' | 'rc'>> => {
    const { stdout, stderr, rc } = await s.runLine(line);
    return { stdout, stderr, rc };
  };
}

const N = heldRepositories().length;
const HINT = `Layerlab: this practice Hub holds ${N} repositories, not all of Docker Hub; \`docker search TERM\` lists them.\n`;
const denied = (name: string) => `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;

describe('the practice Hub hint', () => {
  it('follows the first missing repository of the session, once', async () => {
    const run = await lab();
    expect(await run('docker pull nosuchrepo')).toEqual({ stdout: 'Using default tag: latest\n', stderr: `Error response from daemon: ${denied('nosuchrepo')}\n${HINT}`, rc: 1 });
    expect(await run('docker pull nosuchrepo')).toEqual({ stdout: 'Using default tag: latest\n', stderr: `Error response from daemon: ${denied('nosuchrepo')}\n`, rc: 1 });
    expect(await run('docker run nosuchrepo')).toEqual({ stdout: '', stderr: `Unable to find image 'nosuchrepo:latest' locally\ndocker: Error response from daemon: ${denied('nosuchrepo')}\n\nRun 'docker run --help' for more information\n`, rc: 125 });
  });

  it('counts run, create and build FROM as well', async () => {
    for (const [line, before] of [
      ['docker run --rm nosuchrepo', `Unable to find image 'nosuchrepo:latest' locally\ndocker: Error response from daemon: ${denied('nosuchrepo')}\n\nRun 'docker run --help' for more information\n`],
      ['docker create nosuchrepo', `Unable to find image 'nosuchrepo:latest' locally\nError response from daemon: ${denied('nosuchrepo')}\n`],
    ] as const) {
      const run = await lab();
      const r = await run(line);
      expect({ ...r, rc: 0 }).toEqual({ stdout: '', stderr: before + HINT, rc: 0 });
      expect(r.rc).not.toBe(0);
    }
    const run = await lab();
    await run("printf 'FROM nosuchrepo\\n' > Dockerfile");
    const built = await run('docker build -q .');
    expect(built.rc).toBe(1);
    expect(built.stderr.endsWith(HINT)).toBe(true);
    expect(built.stderr.split(HINT).length).toBe(2);
    expect((await run('docker pull -q nosuchrepo')).stderr).toBe(`Error response from daemon: ${denied('nosuchrepo')}\n`);
  });

  it('stays silent for a missing tag and for other registries', async () => {
    const run = await lab();
    expect(await run('docker pull alpine:nosuch')).toEqual({ stdout: '', stderr: 'Error response from daemon: manifest for alpine:nosuch not found: manifest unknown: manifest unknown\n', rc: 1 });
    expect((await run('docker pull localhost:5000/nosuch')).stderr).not.toContain('Layerlab:');
    expect((await run('docker pull nosuchrepo')).stderr).toBe(`Error response from daemon: ${denied('nosuchrepo')}\n${HINT}`);
  });

  it('counts the repositories the catalog holds, each described in the Hub index', () => {
    expect(N).toBeGreaterThanOrEqual(10);
  });
});
