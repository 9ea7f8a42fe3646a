/**
 * moby's name generator (internal/namesgenerator, daemon/names.go) driven by
 * a scripted random source, and the name rules (docker-reference §3.1).
 */
import { describe, expect, it } from 'vitest';
import NAMES from '../../worker/engine/containers/names.json' with { type: 'json' };
import { generateName, randomId, randomName, validateName } from '../../worker/engine/containers/names.ts';
import { containerCli } from './helpers.ts';

/** A random source that picks the given indexes out of lists of the given lengths. */
function picks(...p: Array<[number, number]>): () => number {
  const queue = [...p];
  return () => {
    const [i, n] = queue.shift()!;
    return (i + 0.5) / n;
  };
}

const L = NAMES.left.length;
const R = NAMES.right.length;
const at = (list: string[], name: string) => list.indexOf(name);

describe('names', () => {
  it('has 108 adjectives and 236 surnames', () => {
    expect([L, R]).toEqual([108, 236]);
  });

  it('rejects boring_wozniak and draws again', () => {
    const random = picks([at(NAMES.left, 'boring'), L], [at(NAMES.right, 'wozniak'), R], [at(NAMES.left, 'focused'), L], [at(NAMES.right, 'turing'), R]);
    expect(randomName(random, 0)).toEqual('focused_turing');
  });

  it('appends one random digit on each retry, then falls back to the short ID', () => {
    const taken = new Set(['focused_turing']);
    const random = picks([at(NAMES.left, 'focused'), L], [at(NAMES.right, 'turing'), R], [at(NAMES.left, 'focused'), L], [at(NAMES.right, 'turing'), R], [3, 10]);
    expect(generateName(random, (n) => taken.has(n), 'f'.repeat(64))).toEqual('focused_turing3');
    expect(generateName(() => 0, () => true, '0123456789abcdef'.repeat(4))).toEqual('0123456789ab');
  });

  it('checks user names with the daemon text', () => {
    expect(validateName('/web-1')).toEqual('web-1');
    expect(() => validateName('a')).toThrow('Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed');
    expect(() => validateName('-x')).toThrow('Invalid container name (-x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed');
  });

  it('makes 64-hex IDs whose short form is not all digits', () => {
    let n = 0;
    const digitsFirst = () => (n++ < 32 ? 0 : 0.99);
    expect(randomId(digitsFirst)).toEqual('fd'.repeat(32));
  });

  it('docker run --name with a bad name exits 125 with the daemon text', async () => {
    const d = await containerCli();
    await d.run('pull base');
    expect(await d.run('run --name bad/name base')).toEqual({
      stdout: '',
      stderr: "docker: Error response from daemon: Invalid container name (bad/name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n\nRun 'docker run --help' for more information\n",
      rc: 125,
    });
  });
});
